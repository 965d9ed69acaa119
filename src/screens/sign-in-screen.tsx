/**
 * `<SignInScreen>`: the ready sign-in screen. Composes the parts and wires them to the client:
 * each method (`signIn`, `verifyCode`, `startConnector`, `continueSession`) ends in a
 * top-level navigation to the redirect it returns.
 */
import { type ComponentType, forwardRef, useMemo, useRef } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { LoginStep, Redirect } from '../protocol/interaction.js';
import { SignIn } from '../sign-in/parts.js';
import type { SignInView, UseSignInOptions } from '../sign-in/use-sign-in.js';
import type { PartProps } from '../ui/part.js';
import { notifyHost, type ScreenAction, type ScreenErrorHandler, type SignInEvent } from './events.js';
import { navigate, type RedirectHandler } from './navigate.js';
import { StepShell, StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';

// The parts `<SignInScreen>` composes: every sign-in part but the Root.
const { Root: SignInRoot, ...composed } = SignIn;

/**
 * The parts `<SignInScreen>` composes, top to bottom (each renders only in the views it belongs
 * to). Replace any of them through the `components` prop, as on the consent screen.
 */
export type SignInComponents = { [Part in keyof typeof composed]: ComponentType };

/** The parts {@link SignInScreen} renders when not replaced (the `SignIn.*` parts). */
export const defaultSignInComponents: Readonly<SignInComponents> = composed;

/** Props of {@link SignInScreen}. */
export interface SignInScreenProps extends PartProps {
  /** Talks to the provider's interaction endpoints (`consent-kit/client`; see `InteractionClient`). */
  client: InteractionClient;
  /** The login step; loaded with `client.load()` when absent. */
  step?: LoginStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `location.replace` (`assign` to a connector). */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
  /** Move focus to the heading when shown (set by screens that replace a previous step). */
  autoFocusHeading?: boolean | undefined;
  /** The first view (see `useSignIn`); the consent screen's "Not you?" passes `identifier`. */
  initialView?: SignInView | undefined;
  /** Replacements for any part, e.g. `{ Header: MyHeader, Links: () => null }`. */
  components?: Partial<SignInComponents> | undefined;
  /**
   * Called when the provider accepted the sign-in (or a connector's sign-in starts), with where
   * the browser goes next, just before it goes there.
   */
  onSignIn?: ((event: SignInEvent) => void) | undefined;
  /** Called with every failure the screen shows (loading, and each client call). */
  onError?: ScreenErrorHandler | undefined;
}

/** What {@link signInActions} tells the host, besides navigating. */
export interface SignInActionEvents {
  onSignIn?: ((event: SignInEvent) => void) | undefined;
  onError?: ScreenErrorHandler | undefined;
}

/**
 * The client calls of the sign-in parts, each followed by the navigation it returns. `events`
 * (read when a call ends) hears of every failure and of the sign-in the provider accepted.
 */
export function signInActions(
  client: InteractionClient,
  onRedirect: RedirectHandler | undefined,
  events: SignInActionEvents | (() => SignInActionEvents) = {},
): Omit<UseSignInOptions, 'step' | 'initialView'> {
  const { sendCode, verifyCode, startConnector, continueSession, identify } = client;
  const current = typeof events === 'function' ? events : () => events;
  /** The client call, reported to the host when it fails. */
  const call = async <T,>(action: ScreenAction, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      notifyHost(current().onError, error, { action });
      throw error;
    }
  };
  const signedIn = (event: SignInEvent, redirect: Redirect) => {
    notifyHost(current().onSignIn, event);
    navigate(redirect, onRedirect);
  };
  return {
    onSubmit: async (submission) => {
      const redirect = await call('password', () => client.signIn(submission));
      signedIn({ method: 'password', redirect }, redirect);
    },
    onSendCode: sendCode && ((request) => call('sendCode', () => sendCode.call(client, request))),
    onVerifyCode:
      verifyCode &&
      (async (submission) => {
        const redirect = await call('verifyCode', () => verifyCode.call(client, submission));
        signedIn({ method: 'code', redirect }, redirect);
      }),
    onConnector:
      startConnector &&
      (async (request) => {
        const redirect = await call('connector', () => startConnector.call(client, request));
        // To the connector's provider with a new history entry: Back returns to this page.
        notifyHost(current().onSignIn, { method: 'connector', connectorId: request.connectorId, redirect });
        navigate(redirect, onRedirect, true);
      }),
    onContinueSession:
      continueSession &&
      (async () => {
        const redirect = await call('session', () => continueSession.call(client));
        signedIn({ method: 'session', redirect }, redirect);
      }),
    onIdentify: identify && ((request) => call('identify', () => identify.call(client, request))),
  };
}

/**
 * The sign-in screen. `className` and the ref go to its outermost element (the kit root,
 * `.ck-root`, or `.ck-scope` inside a host's provider), whether it shows the loading state or
 * the form.
 */
export const SignInScreen = forwardRef<HTMLDivElement, SignInScreenProps>(function SignInScreen(props, ref) {
  const { client, step, onRedirect, locale, autoFocusHeading, initialView, className } = props;
  // The host's callbacks as of the last render: a new function per render must not make new actions.
  const events = useRef(props);
  events.current = props;
  const loader = useStep<LoginStep>(client, step, onRedirect, props.onError);
  const current = loader.step;
  const actions = useMemo(() => signInActions(client, onRedirect, () => events.current), [client, onRedirect]);
  const parts = { ...defaultSignInComponents, ...props.components };
  if (current?.kind !== 'login') {
    return (
      <StepShellFallback ref={ref} className={className} locale={locale} loader={loader} cardClassName="ck-sign-in" />
    );
  }
  return (
    <StepShell ref={ref} className={className} step={current} locale={locale}>
      <SignInRoot
        key={current.uid}
        step={current}
        {...actions}
        initialView={initialView}
        autoFocusHeading={autoFocusHeading ?? loader.loaded}
      >
        <parts.Header />
        <parts.Error />
        <parts.Account />
        <parts.Identifier />
        <parts.Password />
        <parts.Code />
        <parts.Submit />
        <parts.Alternatives />
        <parts.Connectors />
        <parts.Links />
      </SignInRoot>
    </StepShell>
  );
});
