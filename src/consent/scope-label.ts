/**
 * How a scope is named on screen. Standard scopes are described by the locale files; other
 * scopes by the provider's description; anything else by its raw name, so the user always
 * sees *something* for every permission they grant.
 */
import type { ScopeItem } from '../protocol/interaction.js';
import type { KitT } from '../i18n/provider.js';

/**
 * Scopes with a description in the locale files. A fixed list rather than `i18n.exists`:
 * scope names come from the provider and may contain `:` or `.`, which i18next would read as
 * namespace and key separators.
 */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'profile',
  'email',
  'phone',
  'address',
  'offline_access',
  'custom_data',
  'identities',
  'roles',
  'organizations',
  'organization_roles',
]);

/**
 * The label of a scope. Known OIDC scopes use the locale (only for profile scopes: an API may
 * well define its own `email` scope with another meaning).
 */
export function scopeLabel(scope: ScopeItem, t: KitT, profile: boolean): string {
  if (profile && KNOWN_SCOPES.has(scope.name)) return t(`scopes.${scope.name}`);
  const description = scope.description?.trim();
  return description ? description : scope.name;
}
