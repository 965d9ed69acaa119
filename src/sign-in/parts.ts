/**
 * The sign-in parts, Radix style. Compose them inside `SignIn.Root` in any order; each renders
 * only in the views it belongs to.
 *
 * @example
 * ```tsx
 * <SignIn.Root step={step} onSubmit={signIn}>
 *   <SignIn.Header />
 *   <SignIn.Error />
 *   <SignIn.Identifier />
 *   <SignIn.Password />
 *   <SignIn.Submit />
 * </SignIn.Root>
 * ```
 */
import { SignInAccount } from './account.js';
import { SignInAlternatives } from './alternatives.js';
import { SignInCode } from './code.js';
import { SignInConnectors } from './connectors.js';
import { SignInError } from './error.js';
import { SignInHeader } from './header.js';
import { SignInIdentifier } from './identifier.js';
import { SignInLinks } from './links.js';
import { SignInPassword } from './password.js';
import { SignInRoot } from './root.js';
import { SignInSubmit } from './submit.js';

/**
 * The sign-in parts. Every part except `Root` throws "SignIn.X must be used within
 * SignIn.Root" when rendered outside a Root.
 */
export const SignIn = {
  Root: SignInRoot,
  Header: SignInHeader,
  Error: SignInError,
  Account: SignInAccount,
  Identifier: SignInIdentifier,
  Password: SignInPassword,
  Code: SignInCode,
  Submit: SignInSubmit,
  Alternatives: SignInAlternatives,
  Connectors: SignInConnectors,
  Links: SignInLinks,
} as const;
