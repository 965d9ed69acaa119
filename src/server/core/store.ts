/**
 * The store interface: where a bridge keeps every piece of state that must outlive one request
 * and be seen by every instance of the IdP — sign-in codes and resend windows, connector state,
 * one-shot errors for the sign-in step, failed-attempt counters and locks (and, with the
 * consent bridges, remembered decisions and chosen organizations).
 *
 * Two implementations ship: `createMemoryStore()` (`consent-kit/server`, one process, the
 * default) and `createRedisStore({ client })` (`consent-kit/server/redis`, every process that
 * shares the Redis). A host may write its own over another database; the contract tests under
 * `test/server/store-contract.ts` say what each operation must do.
 */

/** A value a store keeps: anything `JSON.stringify` round-trips. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Settings of one attempt counter (see {@link KitStore.counter}). */
export interface AttemptCounterOptions {
  /** Name of the counter; keys of different counters never collide. `[a-z0-9-]+`. */
  name: string;
  /** Attempts allowed per key within `windowSeconds`. */
  points: number;
  /** How long attempts count, in seconds, from the first one of a window. */
  windowSeconds: number;
  /** How long a key stays blocked once more than `points` attempts were made, in seconds. */
  blockSeconds: number;
}

/** What {@link AttemptCounter.consume} says about one attempt. */
export interface AttemptCount {
  /** `false` when the key was blocked, or this attempt went over `points` (which blocks it). */
  allowed: boolean;
  /** Attempts counted for the key in its current window, this one included. */
  consumed: number;
  /** Milliseconds until the window (or the block) ends. */
  msBeforeReset: number;
}

/**
 * Counts attempts per key in fixed windows, atomically across every process sharing the store,
 * and blocks keys that go over the limit. Backed by `rate-limiter-flexible`.
 */
export interface AttemptCounter {
  /** Counts one attempt for `key` (atomic: concurrent calls each get their own count). */
  consume(key: string): Promise<AttemptCount>;
  /** Takes back one counted attempt (e.g. a reservation that turned out not to be a failure). */
  refund(key: string): Promise<void>;
  /** Blocks `key` for `seconds`, whatever its count. */
  block(key: string, seconds: number): Promise<void>;
  /** Milliseconds `key` stays blocked; 0 when it is not blocked. */
  blockedFor(key: string): Promise<number>;
  /** Forgets every attempt of `key`, and its block. */
  reset(key: string): Promise<void>;
}

/**
 * A key-value store with expiry and a few atomic operations. Every value expires: nothing a
 * bridge writes lives forever. Keys are the bridge's own (it prefixes them); values are JSON.
 *
 * Every operation is atomic on its own; implementations must never drop an entry before its
 * expiry to make room (the in-memory store refuses a write instead, see `createMemoryStore`).
 */
export interface KitStore {
  /** The value under `key`, or `undefined` when there is none or it expired. */
  get<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  /** Stores `value` under `key` for `ttlSeconds` (> 0), replacing any value. */
  set(key: string, value: JsonValue, ttlSeconds: number): Promise<void>;
  /**
   * Stores `value` under `key` for `ttlSeconds` only when the key holds nothing; `true` when
   * it stored. Of concurrent calls for one key, exactly one gets `true`.
   */
  add(key: string, value: JsonValue, ttlSeconds: number): Promise<boolean>;
  /** Reads and deletes `key` in one step: of concurrent calls, only one gets the value. */
  take<T extends JsonValue = JsonValue>(key: string): Promise<T | undefined>;
  /**
   * Deletes `key` when it holds exactly `value` (compared as JSON); `true` when it did. Of
   * concurrent calls, only one gets `true` (a one-time code is used once).
   */
  takeIfEquals(key: string, value: JsonValue): Promise<boolean>;
  /** Deletes `key` (nothing happens when it holds nothing). */
  delete(key: string): Promise<void>;
  /** An attempt counter kept in this store (the same `name` gives the same counts). */
  counter(options: AttemptCounterOptions): AttemptCounter;
}

/** Thrown by a store that is full of unexpired entries and will not drop any to make room. */
export class StoreFullError extends Error {
  constructor(what: string, limit: number) {
    super(`${what} holds ${limit} unexpired entries (its limit); refusing to drop one before it expires`);
    this.name = 'StoreFullError';
  }
}

/** Checks a TTL argument: a finite number of seconds above zero. */
export function ttlMilliseconds(ttlSeconds: number): number {
  if (typeof ttlSeconds !== 'number' || !Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new TypeError('"ttlSeconds" must be a positive number');
  }
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}

const COUNTER_NAME = /^[a-z0-9-]{1,64}$/;

/** Checks {@link AttemptCounterOptions}. */
export function checkCounterOptions(options: AttemptCounterOptions): AttemptCounterOptions {
  if (!COUNTER_NAME.test(options.name)) throw new TypeError('counter "name" must match [a-z0-9-]{1,64}');
  for (const field of ['points', 'windowSeconds', 'blockSeconds'] as const) {
    const value = options[field];
    if (!Number.isInteger(value) || value <= 0) throw new TypeError(`counter "${field}" must be a positive integer`);
  }
  return options;
}
