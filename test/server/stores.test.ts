/**
 * The bridges' stores: the same contract for the in-memory store and the Redis store (against
 * a real redis-server), plus what only one of them promises — the memory store's bound that
 * never drops an unexpired entry, and Redis state shared between instances.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createMemoryStore, StoreFullError, type KitStore } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { describeStoreContract } from './support/store-contract.js';

describe('given the in-memory store', () => {
  let store: KitStore;
  beforeEach(() => {
    store = createMemoryStore();
  });
  describeStoreContract(() => store);

  it('should refuse a write when full of unexpired entries, never dropping one', async () => {
    const small = createMemoryStore({ maxEntries: 10 });
    for (let index = 0; index < 10; index += 1) await small.set(`entry:${index}`, index, 60);
    await expect(small.set('one-more', 1, 60)).rejects.toThrow(StoreFullError);
    await expect(small.add('one-more', 1, 60)).rejects.toThrow(StoreFullError);
    // A key already held may still be replaced.
    await small.set('entry:0', 'replaced', 60);
    expect(await small.get('entry:0')).toBe('replaced');
    for (let index = 1; index < 10; index += 1) expect(await small.get(`entry:${index}`)).toBe(index);
  });

  it('should make room by sweeping expired entries', async () => {
    const small = createMemoryStore({ maxEntries: 10 });
    for (let index = 0; index < 10; index += 1) await small.set(`short:${index}`, index, 0.1);
    await sleep(200);
    for (let index = 0; index < 10; index += 1) await small.set(`next:${index}`, index, 60);
    expect(await small.get('next:9')).toBe(9);
  });

  it('should keep a lock while 10,000 other keys fail', async () => {
    const counter = store.counter({ name: 'flood', points: 3, windowSeconds: 60, blockSeconds: 60 });
    for (let index = 0; index < 4; index += 1) await counter.consume('victim');
    expect(await counter.blockedFor('victim')).toBeGreaterThan(0);
    for (let index = 0; index < 10_000; index += 1) await counter.consume(`other-${index}`);
    expect(await counter.blockedFor('victim')).toBeGreaterThan(0);
    expect((await counter.consume('victim')).allowed).toBe(false);
  });
});

describe('given the Redis store on a real redis-server', () => {
  let server: RedisServer;
  let clients: Redis[] = [];
  let store: KitStore;

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    clients = [new Redis(server.url), new Redis(server.url)];
    await clients[0]!.flushdb();
    store = createRedisStore({ client: clients[0]! });
  });
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.quit()));
  });

  describeStoreContract(() => store);

  it('should share values and counts between two stores (two IdP instances) on one Redis', async () => {
    const other = createRedisStore({ client: clients[1]! });
    await store.set('shared', { connectorId: 'social' }, 30);
    expect(await other.take('shared')).toEqual({ connectorId: 'social' });
    expect(await store.get('shared')).toBeUndefined();

    const options = { name: 'shared-count', points: 2, windowSeconds: 60, blockSeconds: 60 };
    const counts = await Promise.all([
      store.counter(options).consume('alice'),
      other.counter(options).consume('alice'),
      store.counter(options).consume('alice'),
    ]);
    expect(counts.filter((count) => count.allowed)).toHaveLength(2);
    expect(await other.counter(options).blockedFor('alice')).toBeGreaterThan(0);
  });

  it('should give every key the prefix and a TTL', async () => {
    const prefixed = createRedisStore({ client: clients[0]!, prefix: 'idp-a:' });
    await prefixed.set('flash', 'access_denied', 30);
    await prefixed.counter({ name: 'ttl-check', points: 5, windowSeconds: 60, blockSeconds: 60 }).consume('k');
    const keys = await clients[0]!.keys('*');
    expect(keys.sort()).toEqual(['idp-a:counter:ttl-check:k', 'idp-a:flash']);
    for (const key of keys) expect(await clients[0]!.pttl(key)).toBeGreaterThan(0);
  });

  it('should refuse something that is not an ioredis client', () => {
    expect(() => createRedisStore({ client: {} as Redis })).toThrow(TypeError);
  });
});
