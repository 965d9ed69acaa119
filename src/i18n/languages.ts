/**
 * Locale negotiation: which of the kit's languages to render, given what the interaction,
 * the host and the browser ask for. Pure functions, no React, so they are easy to test.
 */

/** The i18next namespace every kit string lives in, so a host's own keys are never touched. */
export const NAMESPACE = 'consent-kit';

/** The language bundled into the main chunk, and the last resort of negotiation. */
export const DEFAULT_LANGUAGE = 'en';

/**
 * Languages the kit ships, as BCP 47 tags. English is bundled; every other one is a separate
 * chunk loaded on demand. Storybook's locale toolbar and hosts' language pickers can list these.
 */
export const SUPPORTED_LANGUAGES = [
  'en',
  'ko',
  'ja',
  'zh-CN',
  'zh-TW',
  'zh-HK',
  'de',
  'fr',
  'es',
  'it',
  'pt-BR',
  'pt-PT',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'ru',
  'uk',
  'tr',
  'ar',
  'fa',
  'he',
  'hi',
  'th',
  'vi',
  'id',
  'ms',
] as const;

/** One of {@link SUPPORTED_LANGUAGES}. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Where a language looks for a key it lacks, before English: a Hong Kong reader reads
 * Taiwanese traditional Chinese far more easily than English, a Portuguese reader Brazilian
 * Portuguese. Every other language falls back to English directly.
 */
export const FALLBACK_CHAINS: Readonly<Record<string, readonly string[]>> = {
  'zh-HK': ['zh-TW', DEFAULT_LANGUAGE],
  'pt-PT': ['pt-BR', DEFAULT_LANGUAGE],
};

/** The languages `lng` falls back to, in order, ending with English. */
export function fallbackChain(lng: string): string[] {
  if (lng === DEFAULT_LANGUAGE) return [];
  return [...(FALLBACK_CHAINS[lng] ?? [DEFAULT_LANGUAGE])];
}

/** Base languages written right to left (Arabic, Persian, Hebrew, plus Urdu and Yiddish). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'yi', 'iw', 'ps', 'sd', 'ug', 'dv', 'ckb']);

/** Where the kit looks for a language, most authoritative first. */
export interface LanguageSources {
  /** The interaction's `ui_locales`: what the relying app asked for on the user's behalf. */
  uiLocales?: readonly string[] | undefined;
  /** The host page's choice (`locale` prop). */
  locale?: string | undefined;
  /** The browser's preferences; defaults to `navigator.languages` when omitted. */
  browser?: readonly string[] | undefined;
}

interface ParsedTag {
  language: string;
  script: string | undefined;
  region: string | undefined;
  /** The tag as given, lower-cased, with `_` turned into `-`. */
  raw: string;
}

/** Parses a BCP 47 tag (also accepting `_`), inferring the script of Chinese. */
function parseTag(tag: unknown): ParsedTag | undefined {
  if (typeof tag !== 'string') return undefined;
  const raw = tag.trim().replace(/_/g, '-').toLowerCase();
  if (raw === '' || raw === '*') return undefined;
  try {
    const locale = new Intl.Locale(raw);
    let script = locale.script;
    // Only Chinese needs its script guessed (zh-TW is Hant, zh-SG Hans); `maximize` knows.
    if (!script && locale.language === 'zh') script = locale.maximize().script;
    return { language: locale.language, script, region: locale.region, raw };
  } catch {
    // Not well-formed: still try its first subtag, the way browsers are lenient.
    const language = raw.split('-')[0] ?? '';
    return /^[a-z]{2,3}$/.test(language) ? { language, script: undefined, region: undefined, raw } : undefined;
  }
}

/** Hong Kong and Macau write Hong Kong traditional Chinese. */
const HK_REGIONS = new Set(['HK', 'MO']);
/** Portuguese outside Brazil follows the European norm (Portugal, Lusophone Africa, Timor, Macau). */
const PT_BR_REGIONS = new Set(['BR']);

/** The kit languages that would serve `tag`, best first (before checking what is supported). */
function candidatesFor(tag: ParsedTag): string[] {
  const { language, script, region, raw } = tag;
  switch (language) {
    case 'zh':
      if (script === 'Hant') {
        return region && HK_REGIONS.has(region)
          ? ['zh-HK', 'zh-TW', 'zh-Hant', 'zh']
          : ['zh-TW', 'zh-HK', 'zh-Hant', 'zh'];
      }
      return ['zh-CN', 'zh-Hans', 'zh'];
    case 'pt':
      return !region || PT_BR_REGIONS.has(region) ? ['pt-BR', 'pt', 'pt-PT'] : ['pt-PT', 'pt', 'pt-BR'];
    case 'no':
    case 'nb':
    case 'nn':
      return [raw, 'nb', 'no', 'nn'];
    case 'iw':
      return ['he'];
    case 'in':
      return ['id'];
    default:
      return [raw, region ? `${language}-${region}` : language, language];
  }
}

/**
 * The supported language that serves `tag` (`es-419` → `es`, `zh-Hant-HK` → `zh-HK`,
 * `zh-Hant` → `zh-TW`, `zh` → `zh-CN`, `pt` → `pt-BR`, `nn` → `nb`), or undefined.
 *
 * @param supported - the languages available (defaults to {@link SUPPORTED_LANGUAGES})
 */
export function matchTag(tag: string, supported: readonly string[] = SUPPORTED_LANGUAGES): string | undefined {
  const parsed = parseTag(tag);
  if (!parsed) return undefined;
  const lower = supported.map((s) => s.toLowerCase());
  for (const candidate of candidatesFor(parsed)) {
    const index = lower.indexOf(candidate.toLowerCase());
    if (index !== -1) return supported[index];
  }
  return undefined;
}

/**
 * The text of `texts` (keyed by BCP 47 tag) that best serves `language`: by {@link matchTag}
 * (the exact tag, then the tags that serve it: `zh-TW` for `zh-HK`, `pt-BR` for `pt-PT`, the
 * base language), else one written for another region of the same language. Blank texts are
 * skipped. For provider-supplied text per language, such as scope descriptions.
 */
export function localizedText(
  texts: Readonly<Record<string, string>> | undefined,
  language: string,
): string | undefined {
  if (!texts) return undefined;
  const tags = Object.keys(texts).filter((tag) => typeof texts[tag] === 'string' && texts[tag].trim() !== '');
  const base = parseTag(language)?.language;
  const tag = matchTag(language, tags) ?? tags.find((candidate) => parseTag(candidate)?.language === base);
  return tag === undefined ? undefined : texts[tag];
}

/**
 * Picks the first candidate the kit supports, by BCP 47 matching ({@link matchTag}). Falls
 * back to English.
 *
 * @param candidates - BCP 47 tags, most preferred first
 * @param supported - the languages available (defaults to {@link SUPPORTED_LANGUAGES})
 */
export function matchLanguage(
  candidates: readonly string[],
  supported: readonly string[] = SUPPORTED_LANGUAGES,
): string {
  return firstMatch(candidates, supported) ?? DEFAULT_LANGUAGE;
}

function firstMatch(candidates: readonly string[], supported: readonly string[]): string | undefined {
  for (const candidate of candidates) {
    const found = matchTag(candidate, supported);
    if (found) return found;
  }
  return undefined;
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
    const found = firstMatch(list, supported);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** Text direction for a BCP 47 tag. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const parsed = parseTag(tag);
  if (!parsed) return 'ltr';
  // A script subtag decides when present (`az-Arab` is right to left, `ar-Latn` is not).
  if (parsed.script && parsed.language !== 'zh') {
    return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(parsed.script) ? 'rtl' : 'ltr';
  }
  return RTL_LANGUAGES.has(parsed.language) ? 'rtl' : 'ltr';
}
