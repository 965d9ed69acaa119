/**
 * What every {@link KitStore} must do, as tests: run by `stores.test.ts` against the in-memory
 * store and the Redis store (a real redis-server). A host writing its own store can run them too.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { KitStore } from '../../../src/server/index.js';

/** Registers the contract's tests; `store()` is called inside each test. */
export function describeStoreContract(store: () => KitStore): void {
  describe('given values with a TTL', () => {
    it('should return what was set, as a copy, until it expires', async () => {
      const value = { scopes: ['openid', 'email'], remember: true, count: 2, none: null };
      await store().set('contract:value', value, 60);
      await store().set('contract:short', value, 0.2);
      const read = await store().get<typeof value>('contract:value');
      expect(read).toEqual(value);
      expect(read).not.toBe(value);
      value.scopes.push('changed');
      expect(await store().get('contract:value')).toEqual({
        scopes: ['openid', 'email'],
        remember: true,
        count: 2,
        none: null,
      });
      await sleep(300);
      expect(await store().get('contract:short')).toBeUndefined();
      expect(await store().get('contract:value')).toBeDefined();
    });

    it('should replace a value and its TTL on set, and delete it', async () => {
      await store().set('contract:replace', 'first', 0.2);
      await store().set('contract:replace', 'second', 30);
      await sleep(300);
      expect(await store().get('contract:replace')).toBe('second');
      await store().delete('contract:replace');
      expect(await store().get('contract:replace')).toBeUndefined();
      await expect(store().delete('contract:never-set')).resolves.toBeUndefined();
    });

    it('should refuse a TTL that is not a positive number', async () => {
      await expect(store().set('contract:ttl', 1, 0)).rejects.toThrow(TypeError);
      await expect(store().add('contract:ttl', 1, Number.NaN)).rejects.toThrow(TypeError);
    });
  });

  describe('given concurrent callers', () => {
    it('should let exactly one add win, and keep its value', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) => store().add('contract:add', index, 30)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store().get('contract:add')).toBe(results.indexOf(true));
      expect(await store().add('contract:add', 'again', 30)).toBe(false);
    });

    it('should hand a taken value to exactly one caller', async () => {
      await store().set('contract:take', { state: 'abc' }, 30);
      const taken = await Promise.all(Array.from({ length: 20 }, () => store().take('contract:take')));
      expect(taken.filter((value) => value !== undefined)).toEqual([{ state: 'abc' }]);
      expect(await store().get('contract:take')).toBeUndefined();
    });

    it('should take a value only when it is the one given, once', async () => {
      await store().set('contract:code', 'digest-1', 30);
      expect(await store().takeIfEquals('contract:code', 'digest-2')).toBe(false);
      expect(await store().get('contract:code')).toBe('digest-1');
      const results = await Promise.all(
        Array.from({ length: 20 }, () => store().takeIfEquals('contract:code', 'digest-1')),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store().takeIfEquals('contract:code', 'digest-1')).toBe(false);
    });
  });

  describe('given an attempt counter', () => {
    it('should allow exactly `points` of 100 concurrent attempts, then block for blockSeconds', async () => {
      const counter = store().counter({ name: 'contract-burst', points: 5, windowSeconds: 60, blockSeconds: 120 });
      const counts = await Promise.all(Array.from({ length: 100 }, () => counter.consume('burst')));
      expect(counts.filter((count) => count.allowed)).toHaveLength(5);
      const blocked = await counter.blockedFor('burst');
      expect(blocked).toBeGreaterThan(110_000);
      expect(blocked).toBeLessThanOrEqual(120_000);
      expect((await counter.consume('burst')).allowed).toBe(false);
      expect(await counter.blockedFor('another key')).toBe(0);
    });

    it('should give an attempt back on refund, and forget everything on reset', async () => {
      const counter = store().counter({ name: 'contract-refund', points: 2, windowSeconds: 60, blockSeconds: 60 });
      expect((await counter.consume('k')).consumed).toBe(1);
      await counter.refund('k');
      expect((await counter.consume('k')).consumed).toBe(1);
      expect((await counter.consume('k')).allowed).toBe(true);
      expect((await counter.consume('k')).allowed).toBe(false);
      expect(await counter.blockedFor('k')).toBeGreaterThan(0);
      await counter.reset('k');
      expect(await counter.blockedFor('k')).toBe(0);
      expect(await counter.consume('k')).toMatchObject({ allowed: true, consumed: 1 });
    });

    it('should block a key on demand, and end a window after windowSeconds', async () => {
      const counter = store().counter({ name: 'contract-window', points: 1, windowSeconds: 1, blockSeconds: 30 });
      await counter.block('blocked', 30);
      expect(await counter.blockedFor('blocked')).toBeGreaterThan(25_000);
      expect((await counter.consume('blocked')).allowed).toBe(false);

      expect((await counter.consume('window')).allowed).toBe(true);
      await sleep(1_100);
      expect(await counter.consume('window')).toMatchObject({ allowed: true, consumed: 1 });
    });

    it('should count one name in one place, and refuse one name with two settings', () => {
      const options = { name: 'contract-same', points: 3, windowSeconds: 60, blockSeconds: 60 };
      expect(store().counter(options)).toBe(store().counter({ ...options }));
      expect(() => store().counter({ ...options, points: 4 })).toThrow(TypeError);
      expect(() => store().counter({ ...options, name: 'Bad Name' })).toThrow(TypeError);
      expect(() => store().counter({ ...options, name: 'contract-zero', points: 0 })).toThrow(TypeError);
    });
  });
}
