/**
 * Storage adapters for oidc-provider (its documented `adapter` interface, see oidc-provider's
 * `example/my_adapter.js`): the provider's sessions, interactions, grants, codes and tokens.
 * This module holds the interface and the in-memory adapter; the Redis one is in
 * `consent-kit/server/redis`.
 *
 * The in-memory adapter replaces oidc-provider's development adapter, which holds 1,000 entries
 * and drops the least recently used ones — under load, interactions still in progress.
 */
import { BoundedExpiringMap } from './memory.js';

/** What oidc-provider stores for one model instance (a session, an interaction, a token…). */
export interface OidcAdapterPayload {
  [key: string]: unknown;
  /** Grant the instance belongs to (tokens and codes). */
  grantId?: string;
  /** A session's fixed uid. */
  uid?: string;
  /** A device code's user code. */
  userCode?: string;
  /** Set by `consume` (epoch seconds). */
  consumed?: number;
}

/** One oidc-provider model's storage (the provider creates one per model name). */
export interface OidcAdapter {
  /** Creates or replaces the instance, to expire in `expiresIn` seconds (never when absent). */
  upsert(id: string, payload: OidcAdapterPayload, expiresIn?: number): Promise<void>;
  /** The stored instance, or `undefined`. */
  find(id: string): Promise<OidcAdapterPayload | undefined>;
  /** A device code by its user code. */
  findByUserCode(userCode: string): Promise<OidcAdapterPayload | undefined>;
  /** A session by its uid. */
  findByUid(uid: string): Promise<OidcAdapterPayload | undefined>;
  /** Marks the instance consumed: later finds carry `consumed`. */
  consume(id: string): Promise<void>;
  /** Deletes the instance. */
  destroy(id: string): Promise<void>;
  /** Deletes every token and code of a grant. */
  revokeByGrantId(grantId: string): Promise<void>;
}

/** oidc-provider's `adapter` option: a factory called with each model name. */
export type OidcAdapterFactory = (model: string) => OidcAdapter;

/** Models whose instances belong to a grant and go with `revokeByGrantId`. */
export const GRANTABLE_MODELS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

/** Settings of {@link createOidcMemoryAdapter}. */
export interface OidcMemoryAdapterOptions {
  /** Entries held at most (instances plus their indexes). Default 200 000. */
  maxEntries?: number;
}

const epochSeconds = () => Math.floor(Date.now() / 1000);

/**
 * An in-memory oidc-provider adapter for one process (development, demos, single-instance
 * IdPs that accept losing sessions on restart). Every instance expires when oidc-provider says;
 * expired ones are swept; none is dropped early: when `maxEntries` unexpired entries are held,
 * `upsert` throws `StoreFullError` (the provider answers 500) instead of losing an interaction
 * a user is in the middle of. Pass as `adapter: createOidcMemoryAdapter()`.
 */
export function createOidcMemoryAdapter(options: OidcMemoryAdapterOptions = {}): OidcAdapterFactory {
  // Instances as JSON text (like Redis: the provider never shares an object with the store);
  // indexes as ids; a grant's members as a Map of key → expiry (ms epoch, Infinity for never).
  const storage = new BoundedExpiringMap<string | Map<string, number>>(
    'the in-memory oidc-provider adapter',
    options.maxEntries ?? 200_000,
  );
  const ttlOf = (expiresIn: number | undefined) =>
    typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : 0;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

  function grantMembers(grantId: string): Map<string, number> {
    const members = storage.get(`grant:${grantId}`);
    return members instanceof Map ? members : new Map();
  }

  function saveGrantMembers(grantId: string, members: Map<string, number>): void {
    const now = Date.now();
    for (const [key, expiresAt] of members) if (expiresAt <= now) members.delete(key);
    if (members.size === 0) {
      storage.delete(`grant:${grantId}`);
      return;
    }
    const last = Math.max(...members.values());
    storage.set(`grant:${grantId}`, members, Number.isFinite(last) ? last - now : 0);
  }

  function dropIndexes(model: string, id: string, payload: OidcAdapterPayload): void {
    if (payload.uid && storage.get(`sessionUid:${payload.uid}`) === id) storage.delete(`sessionUid:${payload.uid}`);
    if (payload.userCode && storage.get(`userCode:${payload.userCode}`) === id)
      storage.delete(`userCode:${payload.userCode}`);
    if (GRANTABLE_MODELS.has(model) && payload.grantId) {
      const members = grantMembers(payload.grantId);
      members.delete(`${model}:${id}`);
      saveGrantMembers(payload.grantId, members);
    }
  }

  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const read = (id: string | undefined): OidcAdapterPayload | undefined => {
      const stored = id === undefined ? undefined : text(storage.get(key(id)));
      return stored === undefined ? undefined : (JSON.parse(stored) as OidcAdapterPayload);
    };

    return {
      async upsert(id, payload, expiresIn) {
        const ttl = ttlOf(expiresIn);
        const previous = read(id);
        if (previous) dropIndexes(model, id, previous);
        storage.set(key(id), JSON.stringify(payload), ttl);
        if (model === 'Session' && payload.uid) storage.set(`sessionUid:${payload.uid}`, id, ttl);
        if (payload.userCode) storage.set(`userCode:${payload.userCode}`, id, ttl);
        if (GRANTABLE_MODELS.has(model) && payload.grantId) {
          const members = grantMembers(payload.grantId);
          members.set(key(id), ttl > 0 ? Date.now() + ttl : Infinity);
          saveGrantMembers(payload.grantId, members);
        }
      },
      async find(id) {
        return read(id);
      },
      async findByUid(uid) {
        return read(text(storage.get(`sessionUid:${uid}`)));
      },
      async findByUserCode(userCode) {
        return read(text(storage.get(`userCode:${userCode}`)));
      },
      async consume(id) {
        const payload = read(id);
        if (!payload) return;
        // Keep the instance's own expiry: consuming must not extend or shorten it.
        const remaining = storage.remaining(key(id));
        payload.consumed = epochSeconds();
        storage.set(key(id), JSON.stringify(payload), Number.isFinite(remaining) ? Math.max(1, remaining) : 0);
      },
      async destroy(id) {
        const payload = read(id);
        storage.delete(key(id));
        if (payload) dropIndexes(model, id, payload);
      },
      async revokeByGrantId(grantId) {
        for (const member of grantMembers(grantId).keys()) {
          const stored = text(storage.get(member));
          storage.delete(member);
          if (stored === undefined) continue;
          const payload = JSON.parse(stored) as OidcAdapterPayload;
          const id = member.slice(member.indexOf(':') + 1);
          if (payload.uid && storage.get(`sessionUid:${payload.uid}`) === id)
            storage.delete(`sessionUid:${payload.uid}`);
          if (payload.userCode && storage.get(`userCode:${payload.userCode}`) === id)
            storage.delete(`userCode:${payload.userCode}`);
        }
        storage.delete(`grant:${grantId}`);
      },
    };
  };
}
