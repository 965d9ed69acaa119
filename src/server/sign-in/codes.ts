/**
 * One-time sign-in codes, in memory: a ready implementation of the bridge's `sendCode` /
 * `verifyCode` callbacks for hosts that only need to deliver the code (email, SMS).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { attemptKey } from './rate-limit.js';

/** Settings of {@link createVerificationCodes}. */
export interface VerificationCodesOptions {
  /** Digits per code. Default 6. */
  length?: number;
  /** Seconds a code stays valid. Default 600. */
  ttlSeconds?: number;
  /** Sends the code to the identifier (email, SMS). Called only by `send`. */
  deliver(identifier: string, code: string): void | Promise<void>;
  /** Clock in milliseconds, for tests. */
  now?: () => number;
}

/** Issues and checks one-time codes. */
export interface VerificationCodes {
  readonly length: number;
  /** Issues a new code for the identifier (replacing any earlier one) and delivers it. */
  send(identifier: string): Promise<void>;
  /** Whether `code` is the identifier's current, unexpired code; a match consumes it. */
  verify(identifier: string, code: string): boolean;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Creates an in-memory code issuer. Codes are stored hashed and used once. */
export function createVerificationCodes(options: VerificationCodesOptions): VerificationCodes {
  const length = options.length ?? 6;
  if (!Number.isInteger(length) || length < 4 || length > 12)
    throw new TypeError('"length" must be an integer from 4 to 12');
  const ttlMs = (options.ttlSeconds ?? 600) * 1000;
  const now = options.now ?? Date.now;
  const codes = new Map<string, { hash: Buffer; expires: number }>();

  return {
    length,
    async send(identifier) {
      const code = Array.from({ length }, () => String(randomInt(10))).join('');
      codes.set(attemptKey(identifier), { hash: digest(code), expires: now() + ttlMs });
      for (const [key, entry] of codes) if (entry.expires <= now()) codes.delete(key);
      await options.deliver(identifier, code);
    },
    verify(identifier, code) {
      const key = attemptKey(identifier);
      const entry = codes.get(key);
      const matches = timingSafeEqual(digest(code), entry?.hash ?? digest('\0none'));
      if (!entry || entry.expires <= now() || !matches) return false;
      codes.delete(key);
      return true;
    },
  };
}
