/**
 * How a scope is named on screen. Standard scopes are described by the locale files; other
 * scopes by the provider's description; anything else by its raw name, so the user always
 * sees *something* for every permission they grant.
 */
import type { KitKey, KitT } from '../i18n/keys.js';
import { localizedText } from '../i18n/languages.js';
import en from '../locales/en/consent-kit.json';
import type { ClaimItem, ScopeItem, WithheldScope } from '../protocol/interaction.js';

/**
 * Scopes with a description in the locale files. A fixed list (the English file's `scopes`)
 * rather than `i18n.exists`: scope names come from the provider and may contain `:` or `.`,
 * which i18next would read as namespace and key separators.
 */
export const KNOWN_SCOPES: ReadonlySet<string> = new Set(Object.keys(en.scopes));

/** What a label is made of: an offered scope, a withheld one, or a requested claim. */
export type DescribedScope = ScopeItem | WithheldScope | ClaimItem;

/**
 * The label of a scope. Known OIDC scopes use the locale (only for profile scopes: an API may
 * well define its own `email` scope with another meaning).
 */
export function scopeLabel(scope: DescribedScope, t: KitT, language: string, profile: boolean): string {
  if (profile && KNOWN_SCOPES.has(scope.name))
    return t(`scopes.${scope.name as keyof typeof en.scopes}` satisfies KitKey);
  return providerScopeLabel(scope, language);
}

/**
 * The label of a scope from what the provider says about it (no locale file): its description
 * in `language` (see `localizedText`), else its default description, else its name. Needs no
 * `t`, so memoized rows can compute it from the language alone.
 */
export function providerScopeLabel(scope: DescribedScope, language: string): string {
  const description = (localizedText(scope.descriptions, language) ?? scope.description)?.trim();
  return description ? description : scope.name;
}
