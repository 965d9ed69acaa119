/**
 * The Redis {@link KitStore}: state shared by every IdP instance that uses the same Redis, so a
 * code sent through one instance is checked on another, a connector sign-in started on one
 * finishes on another, and failed attempts count once for all of them.
 *
 * Takes the host's `ioredis` client (the host owns its connection: URL, TLS, Sentinel; it
 * closes it). Every key starts with `prefix`; every value is JSON with a TTL.
 */
import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { ttlMilliseconds, type JsonValue, type KitStore } from '../core/store.js';
import { counterFactory } from './counter.js';

/** Settings of {@link createRedisStore}. */
export interface RedisStoreOptions {
  /** A connected (or connecting) `ioredis` client; the store never closes it. */
  client: Redis;
  /** Prepended to every key. Default `consent-kit:`. */
  prefix?: string;
}

// GETDEL needs Redis 6.2; these scripts run on any Redis with Lua (2.6+), atomically.
const TAKE = `local v = redis.call('GET', KEYS[1])
if v then redis.call('DEL', KEYS[1]) end
return v`;
const TAKE_IF_EQUALS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Creates a store over the host's Redis client. */
export function createRedisStore(options: RedisStoreOptions): KitStore {
  const { client } = options;
  if (!client || typeof client.eval !== 'function') throw new TypeError('"client" must be an ioredis client');
  const prefix = options.prefix ?? 'consent-kit:';
  const key = (name: string) => `${prefix}${name}`;
  const parse = <T>(text: string | null | undefined): T | undefined =>
    text === null || text === undefined ? undefined : (JSON.parse(text) as T);

  return {
    async get<T extends JsonValue>(name: string) {
      return parse<T>(await client.get(key(name)));
    },
    async set(name, value, ttlSeconds) {
      await client.set(key(name), JSON.stringify(value), 'PX', ttlMilliseconds(ttlSeconds));
    },
    async add(name, value, ttlSeconds) {
      return (await client.set(key(name), JSON.stringify(value), 'PX', ttlMilliseconds(ttlSeconds), 'NX')) === 'OK';
    },
    async take<T extends JsonValue>(name: string) {
      return parse<T>((await client.eval(TAKE, 1, key(name))) as string | null);
    },
    async takeIfEquals(name, value) {
      return Number(await client.eval(TAKE_IF_EQUALS, 1, key(name), JSON.stringify(value))) === 1;
    },
    async delete(name) {
      await client.del(key(name));
    },
    // rate-limiter-flexible's Redis backend: one key per counted key, incremented and given its
    // TTL in one Lua call, so concurrent attempts on any instance each get their own count.
    counter: counterFactory(
      ({ name, points, windowSeconds, blockSeconds }) =>
        new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `${prefix}counter:${name}`,
          points,
          duration: windowSeconds,
          blockDuration: blockSeconds,
        }),
    ),
  };
}
