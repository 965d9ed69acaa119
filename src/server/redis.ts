/**
 * `consent-kit/server/redis`: the Redis store of the bridges and oidc-provider's Redis adapter,
 * so the whole IdP (provider state and bridge state) lives in one Redis shared by every
 * instance. A separate entry point: hosts without Redis never load this code. Both take the
 * host's own `ioredis` client (an optional peer dependency; ioredis 5 or 6).
 *
 * @packageDocumentation
 */
export { createRedisStore } from './stores/redis.js';
export type { RedisStoreOptions } from './stores/redis.js';
export { createOidcRedisAdapter } from './stores/oidc-adapter-redis.js';
export type { OidcRedisAdapterOptions } from './stores/oidc-adapter-redis.js';
