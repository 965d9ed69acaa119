/**
 * How a claim requested through the `claims` parameter is named on screen: standard claims
 * (OpenID Connect Core §5.1) by the locale files, others by the provider's text, else by the
 * claim name itself, so the user always sees *something* for every detail they share.
 */
import type { KitKey, KitT } from '../i18n/keys.js';
import en from '../locales/en/consent-kit.json';
import type { ClaimItem } from '../protocol/interaction.js';
import { providerScopeLabel } from './scope-label.js';

/**
 * Claims with a line in the locale files: the English file's `claims`. A fixed list rather
 * than `i18n.exists`, because claim names come from the provider and may contain `.` or `:`,
 * which i18next would read as key and namespace separators.
 */
export const KNOWN_CLAIMS: ReadonlySet<string> = new Set(Object.keys(en.claims));

/** The label of a requested claim, in `language` when the provider's text comes per language. */
export function claimLabel(claim: ClaimItem, t: KitT, language: string): string {
  if (KNOWN_CLAIMS.has(claim.name)) return t(`claims.${claim.name as keyof typeof en.claims}` satisfies KitKey);
  return providerScopeLabel({ ...claim, required: false }, language);
}
