/**
 * The context `SignIn.Root` shares with its parts, and the hook that reads it: outside a Root
 * it throws "SignIn.X must be used within SignIn.Root".
 */
import type { RefObject } from 'react';
import type { KitT } from '../i18n/keys.js';
import type { LoginStep } from '../protocol/interaction.js';
import { createPartsContext } from '../ui/create-context.js';
import type { NativeFormTarget } from '../ui/native-form.js';
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
  /**
   * The step's plain HTML form posts, for the parts' buttons that post before the page's script
   * runs (`nativeButton`); absent when the step has none.
   */
  form: NativeFormTarget | undefined;
  /**
   * The view the page arrived in after a form post (the password after Continue…): its field
   * takes focus when the server's HTML loads, unless an error does.
   */
  arrivedAt: SignInState['view'] | undefined;
}

const [SignInProvider, useSignInParts] = createPartsContext<SignInContextValue>('SignIn.Root');

export { SignInProvider };

/** @throws Error "SignIn.X must be used within SignIn.Root" outside a Root */
export function useSignInContext(part: string): SignInContextValue {
  return useSignInParts(part);
}
