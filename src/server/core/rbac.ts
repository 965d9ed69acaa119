/**
 * Role-based access control as the bridges see it: what the host says a user holds, and the
 * small set operations that turn a request into an offer the user may actually grant.
 */

/**
 * The API scopes a user holds through global roles, keyed by resource indicator, e.g.
 * `{ 'https://api.example.com': ['read:reports'] }`.
 */
export type PermissionMap = Record<string, string[]>;

/** One organization the user belongs to, with the organization permissions held in it. */
export interface OrganizationMembership {
  /** Organization identifier; what the `organizations` claim carries. */
  id: string;
  /** Display name. Untrusted text, rendered as text. */
  name: string;
  /** The user's role in the organization, for display. */
  role?: string;
  /** Organization permissions (scopes of the organization resource) the user holds in it. */
  permissions: string[];
}

/** How the host describes an API resource on the consent screen. */
export interface ResourceDescription {
  /** Display name of the API; the indicator is shown when absent. */
  name?: string;
  /** Descriptions of the API's scopes, by scope value. Untrusted text, rendered as text. */
  scopes?: Record<string, string>;
  /**
   * Scopes of this API the app cannot work without: shown locked on, and a decision leaving
   * one of them out is refused (`400 invalid_scope`). Only applies to scopes the user holds.
   */
  required?: string[];
}

/** Unique values of `values`, first occurrence order. */
export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** The values of `values` that are in `allowed`, in `values` order, without duplicates. */
export function intersect(values: Iterable<string>, allowed: Iterable<string>): string[] {
  const keep = new Set(allowed);
  return unique([...values].filter((value) => keep.has(value)));
}

/** The values of `values` that are not in `removed`, in `values` order, without duplicates. */
export function subtract(values: Iterable<string>, removed: Iterable<string>): string[] {
  const drop = new Set(removed);
  return unique([...values].filter((value) => !drop.has(value)));
}

/** The scopes the user holds for `indicator` according to `permissions`. */
export function heldScopes(permissions: PermissionMap, indicator: string): string[] {
  const held = Object.hasOwn(permissions, indicator) ? permissions[indicator] : undefined;
  return Array.isArray(held) ? held.filter((scope): scope is string => typeof scope === 'string') : [];
}
