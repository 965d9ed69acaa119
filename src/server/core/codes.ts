/**
 * One-time sign-in codes kept in a {@link KitStore}: a ready implementation of the bridge's
 * `sendCode` / `verifyCode` callbacks for hosts that only need to deliver the code (email, SMS).
 * With the Redis store, a code sent through one instance is accepted by every other.
 */
import { createHash, randomInt } from 'node:crypto';
import { normalizeIdentifier } from './limits.js';
import type { KitStore } from './store.js';
import { createMemoryStore } from '../stores/memory.js';

/** Settings of {@link createVerificationCodes}. */
export interface VerificationCodesOptions {
  /** Digits per code. Default 6. */
  length?: number;
  /** Seconds a code stays valid. Default 600. */
  ttlSeconds?: number;
  /** Sends the code to the identifier (email, SMS). Called only by `send`. */
  deliver(identifier: string, code: string): void | Promise<void>;
  /**
   * Where codes are kept (digests only, never the code). Use the bridge's store so every
   * instance sees them. Default: a store of its own, in memory.
   */
  store?: KitStore;
}

/** Issues and checks one-time codes. */
export interface VerificationCodes {
  readonly length: number;
  /** Issues a new code for the identifier (replacing any earlier one) and delivers it. */
  send(identifier: string): Promise<void>;
  /** Whether `code` is the identifier's current, unexpired code; a match uses it up (once, across instances). */
  verify(identifier: string, code: string): Promise<boolean>;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

/** Creates a code issuer. Codes are stored as SHA-256 digests and used once. */
export function createVerificationCodes(options: VerificationCodesOptions): VerificationCodes {
  const length = options.length ?? 6;
  if (!Number.isInteger(length) || length < 4 || length > 12)
    throw new TypeError('"length" must be an integer from 4 to 12');
  const ttlSeconds = options.ttlSeconds ?? 600;
  const store = options.store ?? createMemoryStore();
  const key = (identifier: string) => `verification-code:${digest(normalizeIdentifier(identifier))}`;
  // The identifier is part of what is hashed, so a code's digest is not the same for two people.
  const codeDigest = (identifier: string, code: string) => digest(`${normalizeIdentifier(identifier)}\0${code}`);

  return {
    length,
    async send(identifier) {
      const code = Array.from({ length }, () => String(randomInt(10))).join('');
      await store.set(key(identifier), codeDigest(identifier, code), ttlSeconds);
      await options.deliver(identifier, code);
    },
    async verify(identifier, code) {
      // Delete-if-equal in one step: of two requests with the right code, one signs in.
      return store.takeIfEquals(key(identifier), codeDigest(identifier, code));
    },
  };
}
