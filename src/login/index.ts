export { SignIn, SignInParts } from './sign-in.js';
export type { SignInProps } from './sign-in.js';
export { identifierField } from './sign-in-parts.js';
export type { SignInRootProps } from './sign-in-parts.js';
export { useSignIn } from './use-sign-in.js';
export type { SignInState, UseSignInOptions } from './use-sign-in.js';
