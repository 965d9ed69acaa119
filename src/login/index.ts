export { SignIn, SignInParts, signInActions } from './sign-in.js';
export type { SignInProps } from './sign-in.js';
export { identifierField } from './identifier-field.js';
export type { SignInRootProps } from './sign-in-parts.js';
export { useSignInContext } from './context.js';
export type { SignInContextValue } from './context.js';
export { cleanCode, ssoConnectorFor, useSignIn } from './use-sign-in.js';
export type { SignInAction, SignInState, SignInView, UseSignInOptions } from './use-sign-in.js';
