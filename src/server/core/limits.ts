/**
 * The sign-in limits: how many failed password and code attempts an identifier, an account and
 * a client address get before they must wait. Counted in the bridge's store (so every instance
 * sharing it counts together) through `rate-limiter-flexible`.
 *
 * Policy (defaults in brackets):
 * - Each attempt is **reserved before** the host's check runs: the count goes up first, so a
 *   burst of concurrent requests reaches the host at most `maxFailures` times per key.
 * - Failures count per method (password, code) under three keys: the identifier as typed
 *   (Unicode NFKC, trimmed, lower-cased), the account it names (when the host's
 *   `resolveAccount` knows it: an email and a username of one account share a count), and the
 *   client address (IPv6 by /64). [5 failures per identifier or account in 15 minutes lock that
 *   method for 15 minutes; 50 failures per address in 15 minutes lock the address for 15 minutes.]
 * - A success resets the identifier's and the account's count for that method and gives the
 *   address its attempt back.
 * - Methods lock separately, and locks end: a stranger who locks the password path of an
 *   account by guessing cannot stop its owner signing in with a code sent to the owner's verified
 *   address (its own count), nor through a connector (never limited by the kit), and every lock
 *   ends after `lockSeconds`. An attacker's own address locks after `maxFailuresPerIp` failures.
 * - Codes sent count per address too: after `maxCodesPerIp` in a window [50 in 15 minutes] its
 *   `send-code` answers 429 for `lockSeconds`, so one address cannot mail or text strangers
 *   without end (a request refused for the resend window, or whose delivery failed, is not counted).
 * - Identifier look-ups (`POST identify`, a form's Continue) count per address too: `identify`
 *   tells that an account of another kind (code-only, say) exists, so one address has
 *   `maxIdentifyPerIp` look-ups in a window [200 in 15 minutes]; past them, for `lockSeconds`,
 *   every identifier gets the default answer (what an unknown one gets) without the host being
 *   asked. Nobody is locked out: a code-only account then sees the password view and asks for a
 *   code from there.
 * - Keys are SHA-256 digests: no identifier or address is stored in clear.
 */
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { KitHttpError } from './http.js';
import type { AttemptCount, AttemptCounter, KitStore } from './store.js';

/** Settings of the sign-in limits (the bridges' `attemptLimit` option). */
export interface AttemptLimitOptions {
  /** Failed attempts of one method per identifier, and per account, before that method locks. Default 5. */
  maxFailures?: number;
  /** How long failures count, in seconds, from the first of a window. Default 900 (15 minutes). */
  windowSeconds?: number;
  /** How long a lock lasts, in seconds. Default 900 (15 minutes). */
  lockSeconds?: number;
  /** Failed attempts (password and code together) per client address before it is locked. Default 50. */
  maxFailuresPerIp?: number;
  /**
   * Codes sent per client address within `windowSeconds` (to any identifiers) before `send-code`
   * from it answers 429 for `lockSeconds`: one address cannot mail or text strangers without
   * end. Default 50.
   */
  maxCodesPerIp?: number;
  /**
   * Identifier look-ups (`POST identify`, and a form post's Continue) per client address within
   * `windowSeconds`; past them, for `lockSeconds`, `identify` from that address gives every
   * identifier the default answer (as for an unknown one) without asking `signInMethods`:
   * `identify` tells whether an identifier's account signs in another way, so one address cannot
   * sweep a list of identifiers for such accounts, and no one behind a busy address is locked
   * out. Default 200.
   */
  maxIdentifyPerIp?: number;
}

/** A sign-in method the limits count separately. */
export type LimitedMethod = 'password' | 'code';

/** Who an attempt is for and where it comes from. */
export interface AttemptSubject {
  /** The identifier as typed. */
  identifier: string;
  /** The account the identifier names, when the host resolved it. */
  accountId?: string | undefined;
  /** The client's address. */
  ip?: string | undefined;
}

/** The limits of one bridge. */
export interface SignInLimits {
  /**
   * Runs one attempt: reserves it under every key of `subject` (429 `too_many_attempts` with
   * `Retry-After` when one of them is locked), runs `check`, then resets the counts on success
   * or keeps the failure — answering 429 when this failure locked a key, else `failure()`.
   * When `check` throws, the reservation is given back and the error passes through.
   */
  attempt<T>(
    method: LimitedMethod,
    subject: AttemptSubject,
    check: () => Promise<T | null>,
    failure: () => KitHttpError,
  ): Promise<T>;
  /** Whole seconds `method` stays locked for `subject`; 0 when it is not locked. */
  lockedFor(method: LimitedMethod, subject: AttemptSubject): Promise<number>;
  /**
   * Counts one code about to be sent from the subject's address (429 `too_many_attempts` with
   * `Retry-After` once it sent `maxCodesPerIp` in a window); resolves with a function that gives
   * it back, for a request that ends up sending nothing.
   */
  reserveCode(subject: AttemptSubject): Promise<() => Promise<void>>;
  /** Counts one identifier look-up from the subject's address: false past `maxIdentifyPerIp`. */
  reserveLookup(subject: AttemptSubject): Promise<boolean>;
}

/** The identifier as counted: Unicode NFKC, trimmed, lower-cased (`Alice@X ` and `alice@x` are one). */
export function normalizeIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').trim().toLowerCase();
}

/** The address as counted: IPv6 by its /64 prefix (one subscriber's block), anything else as is. */
export function addressKey(ip: string): string {
  const address = ip.trim().toLowerCase();
  if (!isIPv6(address) || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The 429 the limits answer with. */
export function tooManyAttempts(seconds: number): KitHttpError {
  return new KitHttpError(429, 'too_many_attempts', 'too many failed attempts; try again later', {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(seconds))) },
  });
}

const digest = (kind: string, value: string) =>
  createHash('sha256').update(`${kind}\0${value}`, 'utf8').digest('base64url');

function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`"attemptLimit.${name}" must be a positive integer`);
  return value;
}

/** Creates the sign-in limits over `store`. */
export function createSignInLimits(store: KitStore, options: AttemptLimitOptions = {}): SignInLimits {
  const maxFailures = positiveInteger(options.maxFailures, 5, 'maxFailures');
  const windowSeconds = positiveInteger(options.windowSeconds, 900, 'windowSeconds');
  const lockSeconds = positiveInteger(options.lockSeconds, 900, 'lockSeconds');
  const maxFailuresPerIp = positiveInteger(options.maxFailuresPerIp, 50, 'maxFailuresPerIp');
  const maxCodesPerIp = positiveInteger(options.maxCodesPerIp, 50, 'maxCodesPerIp');
  const maxIdentifyPerIp = positiveInteger(options.maxIdentifyPerIp, 200, 'maxIdentifyPerIp');
  const perMethod = (method: LimitedMethod) =>
    store.counter({ name: `sign-in-${method}`, points: maxFailures, windowSeconds, blockSeconds: lockSeconds });
  const counters: Record<LimitedMethod, AttemptCounter> = { password: perMethod('password'), code: perMethod('code') };
  const perAddress = store.counter({
    name: 'sign-in-address',
    points: maxFailuresPerIp,
    windowSeconds,
    blockSeconds: lockSeconds,
  });
  const codesPerAddress = store.counter({
    name: 'sign-in-send',
    points: maxCodesPerIp,
    windowSeconds,
    blockSeconds: lockSeconds,
  });

  const lookupsPerAddress = store.counter({
    name: 'sign-in-identify',
    points: maxIdentifyPerIp,
    windowSeconds,
    blockSeconds: lockSeconds,
  });

  /** The identifier's and the account's keys. */
  function subjectKeys(subject: AttemptSubject): string[] {
    const keys = [`i:${digest('identifier', normalizeIdentifier(subject.identifier))}`];
    if (subject.accountId) keys.push(`a:${digest('account', subject.accountId)}`);
    return keys;
  }
  const ipKey = (subject: AttemptSubject) =>
    subject.ip ? `ip:${digest('address', addressKey(subject.ip))}` : undefined;

  /** Gives back reservations that turned out not to be attempts. */
  async function refund(counter: AttemptCounter, keys: Array<string | undefined>): Promise<void> {
    await Promise.all(keys.filter((key): key is string => key !== undefined).map((key) => counter.refund(key)));
  }

  return {
    async attempt<T>(
      method: LimitedMethod,
      subject: AttemptSubject,
      check: () => Promise<T | null>,
      failure: () => KitHttpError,
    ): Promise<T> {
      const counter = counters[method];
      const keys = subjectKeys(subject);
      const ip = ipKey(subject);

      // Reserve: the address first (a locked address touches no user's count), then the
      // identifier and the account together.
      const address = ip ? await perAddress.consume(ip) : undefined;
      if (address && !address.allowed) throw tooManyAttempts(address.msBeforeReset / 1000);
      const counts = await Promise.all(keys.map((key) => counter.consume(key)));
      const refused = counts.filter((count) => !count.allowed);
      if (refused.length > 0) {
        await Promise.all([
          refund(
            counter,
            keys.filter((_, index) => counts[index]!.allowed),
          ),
          refund(perAddress, [ip]),
        ]);
        throw tooManyAttempts(Math.max(...refused.map((count) => count.msBeforeReset)) / 1000);
      }

      let outcome: T | null;
      try {
        outcome = await check();
      } catch (error) {
        await Promise.all([refund(counter, keys), refund(perAddress, [ip])]).catch(() => undefined);
        throw error;
      }

      if (outcome !== null) {
        await Promise.all([...keys.map((key) => counter.reset(key)), refund(perAddress, [ip])]);
        return outcome;
      }

      // The failure stays counted. The attempt that used the last allowed one locks its key.
      const full = (count: AttemptCount | undefined, points: number) => count !== undefined && count.consumed >= points;
      const locks = [
        ...keys.filter((_, index) => full(counts[index], maxFailures)).map((key) => counter.block(key, lockSeconds)),
        ...(ip && full(address, maxFailuresPerIp) ? [perAddress.block(ip, lockSeconds)] : []),
      ];
      if (locks.length > 0) {
        await Promise.all(locks);
        throw tooManyAttempts(lockSeconds);
      }
      throw failure();
    },

    async lockedFor(method, subject) {
      const ip = ipKey(subject);
      const waits = await Promise.all([
        ...subjectKeys(subject).map((key) => counters[method].blockedFor(key)),
        ...(ip ? [perAddress.blockedFor(ip)] : []),
      ]);
      const longest = Math.max(0, ...waits);
      return longest > 0 ? Math.max(1, Math.ceil(longest / 1000)) : 0;
    },

    async reserveCode(subject) {
      const ip = ipKey(subject);
      if (!ip) return async () => undefined;
      const count = await codesPerAddress.consume(ip);
      if (!count.allowed) throw tooManyAttempts(count.msBeforeReset / 1000);
      return () => codesPerAddress.refund(ip);
    },

    async reserveLookup(subject) {
      const ip = ipKey(subject);
      if (!ip) return true;
      return (await lookupsPerAddress.consume(ip)).allowed;
    },
  };
}
