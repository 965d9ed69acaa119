/**
 * What the ready screens tell their host: every failure they show (`onError`), and what the
 * provider accepted before the browser leaves (`onDecision` on the consent screen, `onSignIn` on
 * the sign-in screen). For analytics, logging and error reporting; the screens keep doing their
 * own job whatever these do, and a host callback that throws is reported (as an uncaught error)
 * without stopping the navigation.
 */
import type { ConsentAction } from '../consent/context.js';
import type { ConsentDecision, Redirect } from '../protocol/interaction.js';

/**
 * The step a screen loads (`load`), or the client call of a user's action that failed: on the
 * consent screen `authorize` (`client.consent`), `deny`, `switchAccount`; on the sign-in screen
 * `identify` (`client.identify`), `password` (`client.signIn`), `sendCode`, `verifyCode`,
 * `connector`, `session` (`client.continueSession`).
 */
export type ScreenAction =
  | 'load'
  | ConsentAction
  | 'identify'
  | 'password'
  | 'sendCode'
  | 'verifyCode'
  | 'connector'
  | 'session';

/**
 * Called with every failure a screen shows, as it shows it (the error banner, or the load error
 * with its Retry). `error` is an `InteractionError` when it comes from the kit's client (its
 * `code` says what went wrong); a custom client's rejection is passed as it is.
 */
export type ScreenErrorHandler = (error: unknown, details: { action: ScreenAction }) => void;

/**
 * A decision the provider accepted on the consent screen, before the browser follows
 * `redirect` (the URL that resumes the authorization, or the app's callback with
 * `error=access_denied` after a Cancel).
 */
export type ConsentDecisionEvent =
  | {
      action: 'authorize';
      /** The decision sent: granted scopes per resource, chosen organizations, remember. */
      decision: ConsentDecision;
      redirect: Redirect;
    }
  | { action: 'deny'; redirect: Redirect };

/**
 * A sign-in the provider accepted (`password`, `code`, `session` for "Continue as …"), or the
 * start of a connector's sign-in (`connector`: the browser leaves for that provider and the
 * sign-in completes there), before the browser follows `redirect`.
 */
export type SignInEvent =
  | { method: 'password' | 'code' | 'session'; redirect: Redirect }
  | { method: 'connector'; connectorId: string; redirect: Redirect };

/**
 * Calls a host's callback without letting it break the screen: a throw is reported to the page
 * as an uncaught error would be (`reportError`: the window's `error` event, the console), and the
 * screen moves on.
 */
export function notifyHost<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  if (!callback) return;
  try {
    callback(...args);
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else
      queueMicrotask(() => {
        throw error;
      });
  }
}
