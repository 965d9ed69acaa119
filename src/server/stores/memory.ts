/**
 * The in-memory {@link KitStore}: one process only (state is lost on restart and not shared
 * with other instances; use the Redis store for that). Bounded and expiring: every entry has a
 * TTL, expired entries are swept, and when `maxEntries` unexpired entries are held a new write
 * is refused with {@link StoreFullError} rather than dropping an entry early — a dropped
 * entry would be a lost sign-in code, connector sign-in or remembered decision, and a dropped
 * lock would hand an attacker fresh guesses.
 */
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { StoreFullError, ttlMilliseconds, type JsonValue, type KitStore } from '../core/store.js';
import { counterFactory } from './counter.js';

const SWEEP_MS = 60_000;

/** Settings of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Unexpired entries held at most (attempt counters not included). Default 100 000. */
  maxEntries?: number;
}

/**
 * A fixed-capacity map whose entries all expire, on `lru-cache`: it never evicts an unexpired
 * entry; {@link BoundedExpiringMap.reserve} sweeps expired ones and throws when none can go.
 */
export class BoundedExpiringMap<V extends {}> {
  readonly #cache: LRUCache<string, V>;
  readonly #what: string;
  #sweptAt = Date.now();

  constructor(what: string, maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries <= 0)
      throw new TypeError('"maxEntries" must be a positive integer');
    this.#what = what;
    // `max` sizes lru-cache's arrays; `reserve` keeps the count below it, so lru-cache's own
    // least-recently-used eviction never runs. `ttl` turns on per-entry expiry tracking (every
    // `set` passes its own TTL); expired entries are removed when read and by `purgeStale`.
    this.#cache = new LRUCache<string, V>({ max: maxEntries, ttl: 60_000, ttlResolution: 0 });
  }

  get size(): number {
    return this.#cache.size;
  }

  get(key: string): V | undefined {
    return this.#cache.get(key);
  }

  /** Milliseconds `key` has left; 0 when absent or expired, `Infinity` without a TTL. */
  remaining(key: string): number {
    return this.#cache.has(key) ? this.#cache.getRemainingTTL(key) : 0;
  }

  /** Makes room for a new key: sweeps expired entries when full; throws when still full. */
  reserve(key: string): void {
    if (this.#cache.has(key) || this.#cache.size < this.#cache.max) return;
    this.sweep();
    if (this.#cache.size >= this.#cache.max) throw new StoreFullError(this.#what, this.#cache.max);
  }

  /** Stores `value` for `ttlMs` milliseconds (after {@link reserve}). */
  set(key: string, value: V, ttlMs: number): void {
    // Expired entries are otherwise only removed when read: sweep at most once a minute, on a
    // write, so memory follows what is alive without a timer holding the store.
    if (Date.now() - this.#sweptAt > SWEEP_MS) this.sweep();
    this.reserve(key);
    this.#cache.set(key, value, { ttl: ttlMs });
  }

  delete(key: string): boolean {
    return this.#cache.delete(key);
  }

  /** Drops every expired entry. */
  sweep(): void {
    this.#sweptAt = Date.now();
    this.#cache.purgeStale();
  }
}

/** Creates the in-memory store (the bridges' default). */
export function createMemoryStore(options: MemoryStoreOptions = {}): KitStore {
  // Values are kept as JSON text, as in Redis: a caller never shares an object with the store.
  const entries = new BoundedExpiringMap<string>('the in-memory consent-kit store', options.maxEntries ?? 100_000);
  const parse = <T>(text: string | undefined): T | undefined =>
    text === undefined ? undefined : (JSON.parse(text) as T);

  return {
    async get<T extends JsonValue>(key: string) {
      return parse<T>(entries.get(key));
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, JSON.stringify(value), ttlMilliseconds(ttlSeconds));
    },
    async add(key, value, ttlSeconds) {
      const ttl = ttlMilliseconds(ttlSeconds);
      if (entries.get(key) !== undefined) return false;
      entries.set(key, JSON.stringify(value), ttl);
      return true;
    },
    async take<T extends JsonValue>(key: string) {
      const text = entries.get(key);
      entries.delete(key);
      return parse<T>(text);
    },
    async takeIfEquals(key, value) {
      const text = entries.get(key);
      if (text === undefined || text !== JSON.stringify(value)) return false;
      return entries.delete(key);
    },
    async delete(key) {
      entries.delete(key);
    },
    // rate-limiter-flexible's memory backend keeps one record per key with a timer that deletes
    // it when its window (or block) ends: nothing is dropped early.
    counter: counterFactory(
      ({ name, points, windowSeconds, blockSeconds }) =>
        new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds, blockDuration: blockSeconds }),
    ),
  };
}
