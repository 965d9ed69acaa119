/**
 * Per-identifier failed-attempt limiting, in memory. One process only: a cluster needs a
 * shared store (the interface is small on purpose so a host can implement it over Redis).
 */

/** Settings of {@link createAttemptLimiter}. */
export interface AttemptLimitOptions {
  /** Failures allowed within `windowSeconds` before the identifier is locked. Default 5. */
  maxFailures?: number;
  /** How far back failures count, in seconds. Default 900 (15 minutes). */
  windowSeconds?: number;
  /** How long a lock lasts, in seconds. Default 900 (15 minutes). */
  lockSeconds?: number;
  /** Identifiers tracked at most; the oldest are forgotten first. Default 10 000. */
  maxEntries?: number;
  /** Clock in milliseconds, for tests. Default `Date.now`. */
  now?: () => number;
}

/** Counts failures per key (a normalized identifier) and locks keys that fail too often. */
export interface AttemptLimiter {
  /** Whole seconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number;
  /** Records a failure; returns the seconds to wait when this failure locked the key, else 0. */
  fail(key: string): number;
  /** Forgets the key's failures (after a successful sign-in). */
  reset(key: string): void;
}

interface Entry {
  failures: number[];
  lockedUntil: number;
}

/** The key of an identifier: trimmed and lower-cased, so `Alice@X` and `alice@x ` share a count. */
export function attemptKey(identifier: string): string {
  return identifier.trim().toLowerCase();
}

/** Creates an in-memory {@link AttemptLimiter}. */
export function createAttemptLimiter(options: AttemptLimitOptions = {}): AttemptLimiter {
  const maxFailures = positive(options.maxFailures, 5, 'maxFailures');
  const windowMs = positive(options.windowSeconds, 900, 'windowSeconds') * 1000;
  const lockMs = positive(options.lockSeconds, 900, 'lockSeconds') * 1000;
  const maxEntries = positive(options.maxEntries, 10_000, 'maxEntries');
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const secondsUntil = (time: number) => Math.max(0, Math.ceil((time - now()) / 1000));

  return {
    retryAfter(key) {
      const entry = entries.get(key);
      return entry ? secondsUntil(entry.lockedUntil) : 0;
    },
    fail(key) {
      const at = now();
      const entry = entries.get(key) ?? { failures: [], lockedUntil: 0 };
      entries.delete(key); // re-inserted last: the Map's order is least recently failed first
      entry.failures = entry.failures.filter((time) => time > at - windowMs);
      entry.failures.push(at);
      if (entry.failures.length >= maxFailures) {
        entry.lockedUntil = at + lockMs;
        entry.failures = [];
      }
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return secondsUntil(entry.lockedUntil);
    },
    reset(key) {
      entries.delete(key);
    },
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`"${name}" must be a positive number`);
  return value;
}
