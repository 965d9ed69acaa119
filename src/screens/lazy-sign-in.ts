/**
 * The sign-in screen as a lazily loaded chunk, for screens that need it only sometimes: the
 * consent screen shows it after "Not you?", so a consent page does not pay for the sign-in
 * kit up front. `loadSignIn()` starts the download early (e.g. while switching accounts).
 */
import { lazy } from 'react';

/** Starts (or joins) the download of the sign-in chunk. */
export const loadSignIn = () => import('./sign-in-screen.js');

/** `<SignInScreen>`, loaded on first render; wrap it in `<Suspense>`. */
export const LazySignInScreen = lazy(() => loadSignIn().then((module) => ({ default: module.SignInScreen })));
