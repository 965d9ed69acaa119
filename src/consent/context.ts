/**
 * The context `Consent.Root` shares with its parts, and the hook that reads it: outside a Root
 * it throws "Consent.X must be used within Consent.Root".
 */
import type { KitT } from '../i18n/keys.js';
import type { ConsentStep } from '../protocol/interaction.js';
import { createPartsContext } from '../ui/create-context.js';
import type { NativeFormTarget } from '../ui/native-form.js';
import type { SubmissionStatus } from '../ui/use-submission.js';
import type { ConsentState } from './use-consent.js';

/** Where a consent screen is in its life. */
export type ConsentStatus = SubmissionStatus;

/** The operation that last ran, so Retry can run it again. */
export type ConsentAction = 'authorize' | 'deny' | 'switchAccount';

/** Everything the parts read. */
export interface ConsentContextValue {
  step: ConsentStep;
  state: ConsentState;
  t: KitT;
  /** The language shown (for provider-supplied text per language). */
  language: string;
  status: ConsentStatus;
  /** The action in flight, for its busy label. */
  pending: ConsentAction | undefined;
  /** The last failure, shown by `Consent.Error`. */
  error: unknown;
  /** Increments per failure, so a repeated error still takes focus. */
  errorCount: number;
  /** Runs the failed action again with the current choices. */
  retry(): void;
  authorize(): void;
  /** Refuses the request (the app receives `access_denied`). */
  deny(): void;
  /** Present when the screen can switch accounts. */
  switchAccount: (() => void) | undefined;
  /** Authorize was attempted with a required organization missing. */
  organizationInvalid: boolean;
  /** Increments per such attempt, so focus moves to the message each time. */
  organizationAttempts: number;
  /** Focus the heading when it mounts (the step just changed). */
  autoFocusHeading: boolean;
  ids: { heading: string; organizationMessage: string };
  /**
   * The step's plain HTML form posts, for the parts' buttons that post before the page's script
   * runs (`nativeButton`); absent when the step has none.
   */
  form: NativeFormTarget | undefined;
}

const [ConsentProvider, useConsentParts] = createPartsContext<ConsentContextValue>('Consent.Root');

export { ConsentProvider };

/**
 * Reads the Root's context.
 *
 * @param part - the part's name, for the error message (`Consent.Actions`)
 * @throws Error "Consent.X must be used within Consent.Root" outside a Root
 */
export function useConsentContext(part: string): ConsentContextValue {
  return useConsentParts(part);
}
