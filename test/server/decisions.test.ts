/**
 * The consent bridges' decision state (core/decisions.ts) over the in-memory store and a real
 * Redis shared by two instances: submissions for one interaction take turns, a crashed holder's
 * lock lapses, and what is recorded per grant expires with the grant.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createDecisionState, type DecisionState } from '../../src/server/core/decisions.js';
import { createMemoryStore } from '../../src/server/index.js';
import { createRedisStore } from '../../src/server/redis.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';

/** Runs 10 tasks for one interaction over `states` in turn; returns the most that overlapped. */
async function overlap(states: DecisionState[]): Promise<number> {
  let running = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      states[index % states.length]!.exclusive('uid-1', async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(10);
        running -= 1;
      }),
    ),
  );
  return most;
}

function describeDecisionState(states: () => DecisionState[]) {
  it('should let submissions for one interaction take turns, and others run at once', async () => {
    expect(await overlap(states())).toBe(1);
    // Three interactions: each task waits until all three are inside, which only happens when
    // they run at once (a 45 s guard, below the test limit, fails the test instead of hanging).
    const [state] = states();
    let inside = 0;
    let allInside!: () => void;
    const barrier = new Promise<void>((resolve) => (allInside = resolve));
    const stopGuard = new AbortController();
    const guard = sleep(45_000, undefined, { signal: stopGuard.signal }).then(() =>
      Promise.reject(new Error('interactions did not run at once')),
    );
    guard.catch(() => undefined);
    await Promise.all(
      ['a', 'b', 'c'].map((uid) =>
        state!.exclusive(uid, async () => {
          inside += 1;
          if (inside === 3) allInside();
          await Promise.race([barrier, guard]);
        }),
      ),
    );
    stopGuard.abort();
    expect(inside).toBe(3);
  });

  it('should release the lock when the task fails', async () => {
    const [state] = states();
    await expect(state!.exclusive('uid-2', async () => Promise.reject(new Error('provider down')))).rejects.toThrow(
      'provider down',
    );
    await expect(state!.exclusive('uid-2', async () => 'next')).resolves.toBe('next');
  });

  it('should record per grant what was decided, each field on its own, until the grant expires', async () => {
    const [first, second] = states();
    await first!.recordGrant('g1', { remember: true, organizations: ['org_acme'] }, 60);
    await first!.recordGrant('g1', { withheld: { 'https://api.demo.test': ['write:reports'] } }, 60);
    await first!.recordGrant('short', { remember: true }, 0.2);
    const other = second ?? first!;
    expect(await other.remembered('g1')).toBe(true);
    expect(await other.organizations('g1')).toEqual(['org_acme']);
    expect(await other.withheld('g1')).toEqual({ 'https://api.demo.test': ['write:reports'] });
    expect(await other.remembered('never')).toBeUndefined();
    await sleep(300);
    expect(await other.remembered('short')).toBeUndefined();
  });
}

describe('given the decision state in memory', () => {
  let state: DecisionState;
  beforeEach(() => {
    state = createDecisionState(createMemoryStore());
  });
  describeDecisionState(() => [state]);

  it('should take over a lock whose holder never released it once it lapses', async () => {
    const store = createMemoryStore();
    await store.add('decision-lock:stuck', 'crashed-instance', 0.2);
    // The wait is a hang guard far above the 0.2 s the stale lock has left.
    const quick = createDecisionState(store, { lockSeconds: 5, waitSeconds: 60 });
    await expect(quick.exclusive('stuck', async () => 'decided')).resolves.toBe('decided');
    const impatient = createDecisionState(store, { waitSeconds: 0.1 });
    await store.add('decision-lock:held', 'other', 30);
    await expect(impatient.exclusive('held', async () => 'never')).rejects.toThrow(/still being decided/);
  });
});

describe('given the decision state of two instances on one Redis', () => {
  let server: RedisServer;
  let clients: Redis[];
  let states: DecisionState[];
  beforeAll(async () => {
    server = await startRedisServer();
    clients = [new Redis(server.url), new Redis(server.url)];
  });
  afterAll(async () => {
    await Promise.all(clients?.map((client) => client.quit()) ?? []);
    await server?.stop();
  });
  beforeEach(async () => {
    await clients[0]!.flushdb();
    states = clients.map((client) => createDecisionState(createRedisStore({ client })));
  });
  describeDecisionState(() => states);
});
