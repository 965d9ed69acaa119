/**
 * The context `Consent.Root` shares with its parts, and the hook that reads it. Parts outside
 * a Root throw a message naming the part, because the usual cause is a part rendered by a
 * host in the wrong place, and "cannot read properties of null" would not say which.
 */
import { createContext, useContext } from 'react';
import type { ConsentStep } from '../protocol/interaction.js';
import type { KitT } from '../kit/provider.js';
import type { ConsentState } from './use-consent.js';

/** Where a consent screen is in its life. */
export type ConsentStatus = 'idle' | 'submitting' | 'done' | 'expired';

/** The operation that last ran, so Retry can run it again. */
export type ConsentAction = 'authorize' | 'cancel' | 'switchAccount';

/** Everything the parts read. */
export interface ConsentContextValue {
  step: ConsentStep;
  state: ConsentState;
  t: KitT;
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
  cancel(): void;
  /** Present when the screen can switch accounts. */
  switchAccount: (() => void) | undefined;
  /** Authorize was attempted with a required organization missing. */
  organizationInvalid: boolean;
  /** Increments per such attempt, so focus moves to the message each time. */
  organizationAttempts: number;
  /** Focus the heading when it mounts (the step just changed). */
  autoFocusHeading: boolean;
  ids: { heading: string; organizationMessage: string };
}

export const ConsentContext = createContext<ConsentContextValue | null>(null);

/**
 * Reads the Root's context.
 *
 * @param part - the part's name, for the error message (`Consent.Actions`)
 * @throws Error "Consent.X must be used within Consent.Root" outside a Root
 */
export function useConsentContext(part: string): ConsentContextValue {
  const value = useContext(ConsentContext);
  if (!value) throw new Error(`${part} must be used within Consent.Root`);
  return value;
}
