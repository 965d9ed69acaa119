/**
 * What a consent bridge remembers about decisions, in the bridge's store (memory, or Redis shared
 * by every instance):
 *
 * - per interaction, a lock that makes concurrent submissions take turns, on whichever instance
 *   they land (the decision itself is recorded in the provider's interaction; only the window
 *   while it is being made needs the lock);
 * - per grant, whether the user asked to remember the decision, the organizations chosen, and
 *   the scopes the offer withheld — each expiring with the grant, so nothing outlives it.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KitStore } from './store.js';

/** Scopes withheld from a decision (the user did not hold them), by resource indicator. */
export type WithheldScopes = Record<string, string[]>;

/** Settings of {@link createDecisionState}. */
export interface DecisionStateOptions {
  /**
   * Seconds a decision may take before its lock lapses (a crashed instance never holds it
   * longer). Default 30.
   */
  lockSeconds?: number;
  /** Seconds a submission waits for an earlier one on the same interaction. Default 30. */
  waitSeconds?: number;
}

/** See the module documentation. */
export interface DecisionState {
  /**
   * Runs `task` once no other submission for the same interaction `uid` is being decided, on any
   * instance sharing the store. Rejects when the earlier one holds the lock past `waitSeconds`.
   */
  exclusive<T>(uid: string, task: () => Promise<T>): Promise<T>;
  /** Records what was decided for a grant, for `ttlSeconds` (the grant's remaining lifetime). */
  recordGrant(grantId: string, record: GrantRecord, ttlSeconds: number): Promise<void>;
  /** Whether the user asked to remember the grant's decision; `undefined` when not recorded. */
  remembered(grantId: string): Promise<boolean | undefined>;
  /** The organizations chosen for the grant; `undefined` when none were recorded. */
  organizations(grantId: string): Promise<string[] | undefined>;
  /** The scopes withheld when the grant's decision was made; `undefined` when not recorded. */
  withheld(grantId: string): Promise<WithheldScopes | undefined>;
}

/** What is recorded per grant (each field only when given). */
export interface GrantRecord {
  remember?: boolean;
  organizations?: string[];
  withheld?: WithheldScopes;
}

const POLL_MS = 20;

/** Creates the decision state over `store`. */
export function createDecisionState(store: KitStore, options: DecisionStateOptions = {}): DecisionState {
  const lockSeconds = options.lockSeconds ?? 30;
  const waitMs = (options.waitSeconds ?? 30) * 1000;
  const key = (grantId: string, field: keyof GrantRecord) => `grant:${grantId}:${field}`;

  return {
    async exclusive<T>(uid: string, task: () => Promise<T>): Promise<T> {
      const lock = `decision-lock:${uid}`;
      const token = randomBytes(16).toString('base64url');
      const deadline = Date.now() + waitMs;
      // SET NX with a TTL; released by compare-and-delete, so a lapsed lock taken over by
      // another submission is never released by the first one.
      while (!(await store.add(lock, token, lockSeconds))) {
        if (Date.now() > deadline) throw new Error(`interaction ${uid} is still being decided`);
        await sleep(POLL_MS + Math.floor(Math.random() * POLL_MS));
      }
      try {
        return await task();
      } finally {
        await store.takeIfEquals(lock, token);
      }
    },
    async recordGrant(grantId, record, ttlSeconds) {
      const writes: Array<Promise<void>> = [];
      if (record.remember !== undefined) writes.push(store.set(key(grantId, 'remember'), record.remember, ttlSeconds));
      if (record.organizations !== undefined)
        writes.push(store.set(key(grantId, 'organizations'), record.organizations, ttlSeconds));
      if (record.withheld !== undefined) writes.push(store.set(key(grantId, 'withheld'), record.withheld, ttlSeconds));
      await Promise.all(writes);
    },
    remembered: (grantId) => store.get<boolean>(key(grantId, 'remember')),
    organizations: (grantId) => store.get<string[]>(key(grantId, 'organizations')),
    withheld: (grantId) => store.get<WithheldScopes>(key(grantId, 'withheld')),
  };
}
