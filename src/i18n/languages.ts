/**
 * Locale negotiation: which of the kit's languages to render, given what the interaction,
 * the host and the browser ask for. Pure functions, no React, so they are easy to test.
 */

/** The i18next namespace every kit string lives in, so a host's own keys are never touched. */
export const NAMESPACE = 'consent-kit';

/** The language bundled into the main chunk, and the last resort of negotiation. */
export const DEFAULT_LANGUAGE = 'en';

/** Languages the kit ships. English is bundled; the others are loaded on demand. */
export const SUPPORTED_LANGUAGES = ['en', 'ko'] as const;

/** One of {@link SUPPORTED_LANGUAGES}. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Base languages written right to left (Arabic, Persian, Hebrew, plus Urdu and Yiddish). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'yi']);

/** Where the kit looks for a language, most authoritative first. */
export interface LanguageSources {
  /** The interaction's `ui_locales`: what the relying app asked for on the user's behalf. */
  uiLocales?: readonly string[] | undefined;
  /** The host page's choice (`locale` prop). */
  locale?: string | undefined;
  /** The browser's preferences; defaults to `navigator.languages` when omitted. */
  browser?: readonly string[] | undefined;
}

/** Lower-cased base subtag of a BCP 47 tag (`ko-KR` → `ko`). */
function baseOf(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Picks the first candidate the kit supports, trying an exact match first and then the base
 * language, so `ko-KR` finds `ko`. Falls back to English.
 *
 * @param candidates - BCP 47 tags, most preferred first
 * @param supported - the languages available (defaults to {@link SUPPORTED_LANGUAGES})
 */
export function matchLanguage(
  candidates: readonly string[],
  supported: readonly string[] = SUPPORTED_LANGUAGES,
): string {
  const lower = supported.map((s) => s.toLowerCase());
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || candidate.trim() === '') continue;
    const exact = lower.indexOf(candidate.toLowerCase().replace('_', '-'));
    if (exact !== -1) return supported[exact]!;
    const base = lower.indexOf(baseOf(candidate));
    if (base !== -1) return supported[base]!;
  }
  return DEFAULT_LANGUAGE;
}

/** The browser's preferred languages, or none outside a browser. */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

/**
 * Resolves the language to render: the interaction's `uiLocales` first (the user asked the
 * app for it), then the host's `locale`, then the browser. Each source is matched in full
 * before the next is consulted, so a supported `ui_locales` entry always wins.
 */
export function resolveLanguage(sources: LanguageSources, supported: readonly string[] = SUPPORTED_LANGUAGES): string {
  const ordered: (readonly string[])[] = [
    sources.uiLocales ?? [],
    sources.locale ? [sources.locale] : [],
    sources.browser ?? browserLanguages(),
  ];
  for (const list of ordered) {
    const found = matchLanguage(list, supported);
    // `matchLanguage` returns the default when nothing matched; only accept it when asked for.
    if (found !== DEFAULT_LANGUAGE || list.some((tag) => baseOf(tag) === DEFAULT_LANGUAGE)) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** Text direction for a BCP 47 tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(baseOf(tag)) ? 'rtl' : 'ltr';
}
