/**
 * How a scope is named on screen. Standard scopes are described by the locale files; other
 * scopes by the provider's description; anything else by its raw name, so the user always
 * sees *something* for every permission they grant.
 */
import type { ScopeItem } from '../protocol/interaction.js';
import type { KitT } from '../kit/provider.js';
import { DEFAULT_LANGUAGE, fallbackChain } from '../i18n/languages.js';

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
  return providerScopeLabel(scope, t.language);
}

/**
 * The label of a scope from what the provider says about it (no locale file): its description
 * in `language`, else its default description, else its name. Needs no `t`, so memoized rows
 * can compute it from the language alone.
 */
export function providerScopeLabel(scope: ScopeItem, language: string | undefined): string {
  const description = (localized(scope.descriptions, language) ?? scope.description)?.trim();
  return description ? description : scope.name;
}

/**
 * The provider's description in `language`: the exact tag (case-insensitive), else the
 * language's fallback (`zh-TW` for `zh-HK`), the base language (`pt` for `pt-BR`), else one
 * written for another region of it.
 */
function localized(descriptions: Record<string, string> | undefined, language: string | undefined): string | undefined {
  if (!descriptions || !language) return undefined;
  const entries = Object.entries(descriptions).filter(([, text]) => typeof text === 'string' && text.trim() !== '');
  const lower = language.toLowerCase();
  const base = lower.split('-')[0];
  const exact = (tag: string) => entries.find(([key]) => key.toLowerCase() === tag.toLowerCase())?.[1];
  return (
    exact(lower) ??
    fallbackChain(language).filter((lng) => lng !== DEFAULT_LANGUAGE).map(exact).find(Boolean) ??
    exact(base ?? '') ??
    entries.find(([tag]) => tag.toLowerCase().split(/[-_]/)[0] === base)?.[1]
  );
}
