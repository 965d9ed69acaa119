/**
 * The sign-in limits (core/limits.ts) over the in-memory store and the Redis store (a real
 * redis-server): attempts reserved before the host's check, counts per identifier, account and
 * address, locks per method that end, and resets that reset.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createSignInLimits, type AttemptSubject, type SignInLimits } from '../../src/server/core/limits.js';
import { KitHttpError } from '../../src/server/core/http.js';
import { createMemoryStore, type KitStore } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';

const wrong = () => new KitHttpError(401, 'invalid_credentials', 'wrong');

/** Runs one attempt whose check answers `ok`; resolves with the HTTP status the bridge would send. */
async function statusOf(
  limits: SignInLimits,
  ok: boolean,
  subject: AttemptSubject = { identifier: 'bob@demo.test' },
  method: 'password' | 'code' = 'password',
) {
  try {
    await limits.attempt(method, subject, async () => (ok ? { accountId: 'user_bob' } : null), wrong);
    return 200;
  } catch (error) {
    if (error instanceof KitHttpError) return error.status;
    throw error;
  }
}

function describeLimits(makeStore: () => KitStore | Promise<KitStore>) {
  let store: KitStore;
  beforeEach(async () => {
    store = await makeStore();
  });

  it('should let 100 concurrent attempts reach a 50 ms check only maxFailures times', async () => {
    const limits = createSignInLimits(store, { maxFailures: 5 });
    let calls = 0;
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () =>
        limits
          .attempt(
            'code',
            { identifier: 'carol@demo.test', ip: '203.0.113.7' },
            async () => {
              calls += 1;
              await sleep(50);
              return null;
            },
            wrong,
          )
          .then(
            () => 200,
            (error: KitHttpError) => error.status,
          ),
      ),
    );
    expect(calls).toBe(5);
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(96);
    expect(await limits.lockedFor('code', { identifier: 'carol@demo.test' })).toBeGreaterThan(800);
  });

  it('should reset on success: wrong, wrong, right, wrong answers 401; two more wrongs then lock', async () => {
    const limits = createSignInLimits(store, { maxFailures: 3 });
    expect(await statusOf(limits, false)).toBe(401);
    expect(await statusOf(limits, false)).toBe(401);
    expect(await statusOf(limits, true)).toBe(200);
    expect(await statusOf(limits, false)).toBe(401);
    expect(await statusOf(limits, false)).toBe(401);
    expect(await statusOf(limits, false)).toBe(429);
    expect(await statusOf(limits, true)).toBe(429);
  });

  it('should count an account once whatever identifier names it, as typed or normalized', async () => {
    const limits = createSignInLimits(store, { maxFailures: 3 });
    expect(await statusOf(limits, false, { identifier: 'alice@demo.test', accountId: 'user_alice' })).toBe(401);
    expect(await statusOf(limits, false, { identifier: 'alice', accountId: 'user_alice' })).toBe(401);
    expect(await statusOf(limits, false, { identifier: ' ALICE@Demo.test ', accountId: 'user_alice' })).toBe(429);
    expect(await limits.lockedFor('password', { identifier: 'alice', accountId: 'user_alice' })).toBeGreaterThan(0);
    // The identifier as typed has its own count: two failures so far ('alice@demo.test' and
    // ' ALICE@Demo.test ' are one identifier), so a third, even unresolved, locks it.
    expect(await limits.lockedFor('password', { identifier: 'alice@demo.test' })).toBe(0);
    expect(await statusOf(limits, false, { identifier: 'Alice@demo.test' })).toBe(429);
    // Fullwidth letters normalize (NFKC) to the same identifier.
    expect(await limits.lockedFor('password', { identifier: 'ａｌｉｃｅ@demo.test' })).toBeGreaterThan(0);
  });

  it('should lock an address that tries many identifiers, and only that address (IPv6 by /64)', async () => {
    const limits = createSignInLimits(store, { maxFailures: 5, maxFailuresPerIp: 10 });
    const statuses = [];
    for (let index = 0; index < 10; index += 1) {
      statuses.push(await statusOf(limits, false, { identifier: `user${index}@demo.test`, ip: '2001:db8:1:2::1' }));
    }
    expect(statuses).toEqual([...Array(9).fill(401), 429]);
    expect(await statusOf(limits, true, { identifier: 'fresh@demo.test', ip: '2001:db8:1:2:ffff::9' })).toBe(429);
    expect(await statusOf(limits, true, { identifier: 'fresh@demo.test', ip: '2001:db8:1:3::1' })).toBe(200);
    expect(await statusOf(limits, true, { identifier: 'fresh@demo.test', ip: '198.51.100.4' })).toBe(200);
  });

  it('should lock the password path without locking code sign-in for the same account', async () => {
    const limits = createSignInLimits(store, { maxFailures: 2 });
    const subject = { identifier: 'carol@demo.test', accountId: 'user_carol' };
    expect(await statusOf(limits, false, subject)).toBe(401);
    expect(await statusOf(limits, false, subject)).toBe(429);
    expect(await limits.lockedFor('password', subject)).toBeGreaterThan(0);
    expect(await limits.lockedFor('code', subject)).toBe(0);
    expect(await statusOf(limits, true, subject as never, 'code')).toBe(200);
  });

  it('should end a lock after lockSeconds', async () => {
    const limits = createSignInLimits(store, { maxFailures: 1, lockSeconds: 1 });
    expect(await statusOf(limits, false)).toBe(429);
    // That a lock refuses even the right password is the reset test's last step (a 15-minute
    // lock): checking it here would race the 1 s lock on a machine that stalls the test.
    await sleep(1_100);
    expect(await statusOf(limits, true)).toBe(200);
  });

  it('should give the attempt back when the check itself fails', async () => {
    const limits = createSignInLimits(store, { maxFailures: 2 });
    for (let index = 0; index < 5; index += 1) {
      await expect(
        limits.attempt(
          'password',
          { identifier: 'bob@demo.test' },
          async () => {
            throw new Error('database down');
          },
          wrong,
        ),
      ).rejects.toThrow('database down');
    }
    expect(await statusOf(limits, false)).toBe(401);
  });
}

describe('given the limits over the in-memory store', () => {
  describeLimits(() => createMemoryStore());

  it('should keep a locked identifier locked while 10,000 other identifiers fail', async () => {
    const limits = createSignInLimits(createMemoryStore(), { maxFailures: 3 });
    for (let index = 0; index < 3; index += 1) await statusOf(limits, false, { identifier: 'victim@demo.test' });
    expect(await limits.lockedFor('password', { identifier: 'victim@demo.test' })).toBeGreaterThan(0);
    for (let index = 0; index < 10_000; index += 1)
      await statusOf(limits, false, { identifier: `other${index}@demo.test` });
    expect(await limits.lockedFor('password', { identifier: 'victim@demo.test' })).toBeGreaterThan(0);
    expect(await statusOf(limits, true, { identifier: 'victim@demo.test' })).toBe(429);
  });
});

describe('given the limits over the Redis store on a real redis-server', () => {
  let server: RedisServer;
  let clients: Redis[];
  beforeAll(async () => {
    server = await startRedisServer();
    clients = [new Redis(server.url), new Redis(server.url)];
  });
  afterAll(async () => {
    await Promise.all(clients?.map((client) => client.quit()) ?? []);
    await server?.stop();
  });

  describeLimits(async () => {
    await clients[0]!.flushdb();
    return createRedisStore({ client: clients[0]! });
  });

  it('should count the failures of two instances together', async () => {
    await clients[0]!.flushdb();
    const [a, b] = clients.map((client) => createSignInLimits(createRedisStore({ client }), { maxFailures: 4 }));
    expect(await statusOf(a!, false)).toBe(401);
    expect(await statusOf(b!, false)).toBe(401);
    expect(await statusOf(a!, false)).toBe(401);
    expect(await statusOf(b!, false)).toBe(429);
    expect(await statusOf(a!, true)).toBe(429);
  });
});
