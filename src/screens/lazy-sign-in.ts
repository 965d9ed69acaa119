/**
 * The sign-in screen as a lazily loaded chunk, for screens that need it only sometimes: the
 * consent screen shows it after "Not you?", and `<InteractionScreen>` only for sign-in steps, so
 * a consent page does not pay for the sign-in kit up front. `loadSignIn()` starts the download
 * early (while switching accounts, or before mounting a page whose step is a sign-in).
 */
import { lazy } from 'react';

type SignInModule = typeof import('./sign-in-screen.js');
let loaded: SignInModule | undefined;

/** Starts (or joins) the download of the sign-in chunk. */
export const loadSignIn = (): Promise<SignInModule> =>
  import('./sign-in-screen.js').then((module) => {
    loaded = module;
    return module;
  });

/**
 * `<SignInScreen>` when its chunk is loaded already, so a screen can render it at once (no
 * Suspense fallback in between, and the same markup as a server render).
 */
export function loadedSignInScreen(): SignInModule['SignInScreen'] | undefined {
  return loaded?.SignInScreen;
}

/** `<SignInScreen>`, loaded on first render; wrap it in `<Suspense>`. */
export const LazySignInScreen = lazy(() => loadSignIn().then((module) => ({ default: module.SignInScreen })));
