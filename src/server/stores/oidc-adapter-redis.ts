/**
 * oidc-provider's storage in Redis (its documented `adapter` interface), so every IdP instance
 * sharing the Redis sees the same sessions, interactions, grants, codes and tokens.
 *
 * Layout, under `prefix` (default `oidc:`): `<Model>:<id>` a hash with the JSON `payload` and,
 * once consumed, `consumed`; `grant:<grantId>` the set of keys of the grant's tokens and codes;
 * `sessionUid:<uid>` and `userCode:<code>` the id they point to. Everything expires with the
 * instance it belongs to (a grant's set with its longest-lived member).
 */
import type { Redis } from 'ioredis';
import {
  GRANTABLE_MODELS,
  type OidcAdapter,
  type OidcAdapterFactory,
  type OidcAdapterPayload,
} from './oidc-adapter.js';

/** Settings of {@link createOidcRedisAdapter}. */
export interface OidcRedisAdapterOptions {
  /** Prepended to every key. Default `oidc:`. */
  prefix?: string;
}

/**
 * Marks an instance consumed only while it exists: a plain HSET on an expired key would create a
 * hash without a TTL that lives forever.
 */
const CONSUME = `if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'consumed', ARGV[1]) end
return 0`;

/**
 * Adds a member to a grant's set and makes the set live as long as its longest-lived member
 * (ARGV[2] milliseconds; 0 = a member that never expires, so neither does the set).
 */
const ADD_GRANT_MEMBER = `local existed = redis.call('EXISTS', KEYS[1])
redis.call('SADD', KEYS[1], ARGV[1])
local ttl = tonumber(ARGV[2])
if ttl == 0 then
  redis.call('PERSIST', KEYS[1])
elseif existed == 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
else
  local current = redis.call('PTTL', KEYS[1])
  if current >= 0 and current < ttl then redis.call('PEXPIRE', KEYS[1], ttl) end
end
return 0`;

/**
 * Creates oidc-provider's adapter over the host's `ioredis` client (never closed by it). Pass as
 * `adapter: createOidcRedisAdapter(client)` in the provider configuration.
 */
export function createOidcRedisAdapter(client: Redis, options: OidcRedisAdapterOptions = {}): OidcAdapterFactory {
  if (!client || typeof client.eval !== 'function') throw new TypeError('"client" must be an ioredis client');
  const prefix = options.prefix ?? 'oidc:';
  const grantKey = (grantId: string) => `${prefix}grant:${grantId}`;
  const uidKey = (uid: string) => `${prefix}sessionUid:${uid}`;
  const userCodeKey = (code: string) => `${prefix}userCode:${code}`;

  return (model): OidcAdapter => {
    const key = (id: string) => `${prefix}${model}:${id}`;

    async function find(id: string | null | undefined): Promise<OidcAdapterPayload | undefined> {
      if (!id) return undefined;
      const stored = await client.hgetall(key(id));
      if (!stored.payload) return undefined;
      const payload = JSON.parse(stored.payload) as OidcAdapterPayload;
      if (stored.consumed) payload.consumed = Number(stored.consumed);
      return payload;
    }

    return {
      async upsert(id, payload, expiresIn) {
        const ttl = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : 0;
        const multi = client.multi();
        // A replaced instance starts over: no `consumed` carried from the previous one.
        multi.del(key(id));
        multi.hset(key(id), 'payload', JSON.stringify(payload));
        if (ttl > 0) multi.pexpire(key(id), ttl);
        if (GRANTABLE_MODELS.has(model) && payload.grantId) {
          multi.eval(ADD_GRANT_MEMBER, 1, grantKey(payload.grantId), key(id), String(ttl));
        }
        const indexes = [
          model === 'Session' && payload.uid ? uidKey(payload.uid) : '',
          payload.userCode ? userCodeKey(payload.userCode) : '',
        ];
        for (const indexKey of indexes) {
          if (indexKey === '') continue;
          if (ttl > 0) multi.set(indexKey, id, 'PX', ttl);
          else multi.set(indexKey, id);
        }
        const results = await multi.exec();
        const failed = results?.find(([error]) => error);
        if (!results || failed) throw failed?.[0] ?? new Error('Redis transaction was discarded');
      },
      find,
      async findByUid(uid) {
        return find(await client.get(uidKey(uid)));
      },
      async findByUserCode(userCode) {
        return find(await client.get(userCodeKey(userCode)));
      },
      async consume(id) {
        await client.eval(CONSUME, 1, key(id), String(Math.floor(Date.now() / 1000)));
      },
      async destroy(id) {
        await client.del(key(id));
      },
      async revokeByGrantId(grantId) {
        const members = await client.smembers(grantKey(grantId));
        await client.del(...members, grantKey(grantId));
      },
    };
  };
}
