/**
 * The {@link AttemptCounter} of both stores, over a `rate-limiter-flexible` limiter (its memory
 * or Redis backend): fixed windows, atomic increments, a block once a key goes over its points.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { checkCounterOptions, type AttemptCounter, type AttemptCounterOptions } from '../core/store.js';

/** Wraps a rate-limiter-flexible limiter built with `points`, `duration` and `blockDuration`. */
export function rateLimiterCounter(limiter: RateLimiterAbstract): AttemptCounter {
  return {
    async consume(key) {
      try {
        const res = await limiter.consume(key, 1);
        return { allowed: true, consumed: res.consumedPoints, msBeforeReset: Math.max(0, res.msBeforeNext) };
      } catch (rejection) {
        // rate-limiter-flexible rejects with its result when the key is over its points, and with
        // an Error when the store failed: only the first is an answer.
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          allowed: false,
          consumed: rejection.consumedPoints,
          msBeforeReset: Math.max(0, rejection.msBeforeNext),
        };
      }
    },
    async refund(key) {
      await limiter.reward(key, 1);
    },
    async block(key, seconds) {
      await limiter.block(key, seconds);
    },
    async blockedFor(key) {
      const res = await limiter.get(key);
      if (!res || res.consumedPoints <= limiter.points) return 0;
      return Math.max(0, res.msBeforeNext);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/**
 * `KitStore.counter` for a store: checks the options, builds each named counter once (the same
 * name always counts in the same keys) and refuses one name with two settings.
 */
export function counterFactory(create: (options: AttemptCounterOptions) => RateLimiterAbstract) {
  const counters = new Map<string, { settings: string; counter: AttemptCounter }>();
  return (options: AttemptCounterOptions): AttemptCounter => {
    const checked = checkCounterOptions(options);
    const settings = `${checked.points}/${checked.windowSeconds}/${checked.blockSeconds}`;
    const existing = counters.get(checked.name);
    if (existing) {
      if (existing.settings !== settings)
        throw new TypeError(`counter "${checked.name}" already exists with other settings`);
      return existing.counter;
    }
    const counter = rateLimiterCounter(create(checked));
    counters.set(checked.name, { settings, counter });
    return counter;
  };
}
