/**
 * Top-level navigation to a redirect the client returned. Delegates to the client's
 * `followRedirect`, which re-checks the URL with `safeHttpUrl` and throws `unsafe_redirect`
 * for anything but `http(s)`, so the UI can show that error like any other.
 */
import { followRedirect } from '../client/interaction-client.js';
import { InteractionError } from '../protocol/errors.js';
import type { Redirect } from '../protocol/interaction.js';

/** Navigates the browser; injectable for tests and for hosts that route differently. */
export type RedirectHandler = (url: string) => void;

/**
 * Follows `redirect` through `onRedirect`. By default the way on of a finished step replaces
 * this page in the history (`location.replace`): its interaction is over, and the page would
 * only say so, so Back (and "Go back" on an expired page further on) leads to the app, not to
 * a sign-in page that expired with it. `push` keeps this page (a connector's provider, which the
 * user may leave with Back).
 */
export function navigate(redirect: Redirect, onRedirect?: RedirectHandler, push?: boolean): void {
  followRedirect(redirect, onRedirect ?? ((url) => (push ? location.assign(url) : location.replace(url))));
}

/**
 * Follows the way on of an interaction decided already (`InteractionError.redirect`: another
 * tab, a Retry after a lost answer, a consent given before) instead of showing an error.
 * Returns whether it navigated; an unsafe URL is not followed.
 */
export function followDecided(error: unknown, onRedirect?: RedirectHandler): boolean {
  if (!(error instanceof InteractionError) || !error.redirect) return false;
  try {
    navigate(error.redirect, onRedirect);
    return true;
  } catch {
    return false;
  }
}
