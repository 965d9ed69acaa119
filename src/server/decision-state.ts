/**
 * The oidc-provider bridge's own state about decisions, kept behind one factory so that it can
 * move behind the kit's store interface (memory or Redis) without touching the bridge.
 *
 * Everything here is per process today:
 * - the per-interaction lock that makes concurrent submissions take turns (the decision
 *   itself is recorded in the provider's own interaction, so "already decided" is shared by
 *   every process using the provider's adapter; only the in-flight window needs the lock);
 * - per grant, the scopes the offer withheld when the decision was made, so that a scope the
 *   user gains later is offered instead of staying rejected in a remembered grant.
 *
 * Across processes, the lock needs a shared one (e.g. Redis `SET key token NX PX <ttl>`,
 * released by compare-and-delete, with the TTL above the longest decision) and the withheld
 * record a shared key-value entry per grant id, expiring with the grant.
 */

/** Scopes withheld from a decision (the user did not hold them), by resource indicator. */
export type WithheldScopes = Record<string, string[]>;

/** See the module documentation. */
export interface DecisionState {
  /**
   * Runs `task` once every earlier task for the same `key` (an interaction uid) has settled,
   * so that two submissions for one interaction never decide at the same time.
   */
  exclusive<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** The scopes withheld when the grant's decision was made; `undefined` when not recorded. */
  withheldFor(grantId: string): Promise<WithheldScopes | undefined>;
  /** Records the scopes withheld from the decision that produced `grantId`. */
  recordWithheld(grantId: string, withheld: WithheldScopes): Promise<void>;
}

/** Creates the in-memory {@link DecisionState} (one process; records kept until restart). */
export function createDecisionState(): DecisionState {
  const tails = new Map<string, Promise<unknown>>();
  const withheld = new Map<string, WithheldScopes>();

  return {
    exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(task, task);
      // The next task waits for this one whether it succeeds or fails.
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
    async withheldFor(grantId) {
      const record = withheld.get(grantId);
      return record && structuredClone(record);
    },
    async recordWithheld(grantId, record) {
      withheld.set(grantId, structuredClone(record));
    },
  };
}
