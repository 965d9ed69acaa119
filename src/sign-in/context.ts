/**
 * The context `SignIn.Root` shares with its parts. Parts outside a Root throw a message naming
 * the part.
 */
import { createContext, useContext, type RefObject } from 'react';
import type { LoginStep } from '../protocol/interaction.js';
import type { KitT } from '../kit/provider.js';
import type { SignInState } from './use-sign-in.js';

/** Everything the sign-in parts read. */
export interface SignInContextValue {
  step: LoginStep;
  state: SignInState;
  t: KitT;
  autoFocusHeading: boolean;
  ids: { heading: string; identifier: string; password: string; code: string; capsLock: string; codeHint: string };
  /** Where focus goes when a field is missing or the view changes. */
  fields: {
    identifier: RefObject<HTMLInputElement | null>;
    password: RefObject<HTMLInputElement | null>;
    code: RefObject<HTMLInputElement | null>;
    account: RefObject<HTMLButtonElement | null>;
  };
}

export const SignInContext = createContext<SignInContextValue | null>(null);

/** @throws Error "SignIn.X must be used within SignIn.Root" outside a Root */
export function useSignInContext(part: string): SignInContextValue {
  const value = useContext(SignInContext);
  if (!value) throw new Error(`${part} must be used within SignIn.Root`);
  return value;
}
