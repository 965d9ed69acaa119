/**
 * The context `SignIn.Root` shares with its parts, and the hook that reads it: outside a Root
 * it throws "SignIn.X must be used within SignIn.Root".
 */
import type { RefObject } from 'react';
import type { KitT } from '../i18n/keys.js';
import type { LoginStep } from '../protocol/interaction.js';
import { createPartsContext } from '../ui/create-context.js';
import type { SignInState } from './use-sign-in.js';

/** Everything the sign-in parts read. */
export interface SignInContextValue {
  step: LoginStep;
  state: SignInState;
  t: KitT;
  /** The language shown (for `Intl` formatting of waiting times). */
  language: string;
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

const [SignInProvider, useSignInParts] = createPartsContext<SignInContextValue>('SignIn.Root');

export { SignInProvider };

/** @throws Error "SignIn.X must be used within SignIn.Root" outside a Root */
export function useSignInContext(part: string): SignInContextValue {
  return useSignInParts(part);
}
