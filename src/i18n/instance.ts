/**
 * The kit's own i18next instance and on-demand locale loading.
 *
 * The kit never uses the global i18next singleton: a host app that runs i18next for its own
 * pages keeps its configuration, language and keys untouched. English is imported statically
 * (it is the fallback, so it must always be there); every other locale is a dynamic `import()`
 * of its own JSON file and therefore a separate chunk that only the users who need it download.
 */
import i18next, { type i18n as I18n } from 'i18next';
import en from '../locales/en/consent-kit.json';
import { DEFAULT_LANGUAGE, FALLBACK_CHAINS, NAMESPACE, fallbackChain } from './languages.js';

/** Shape of a locale file (nested string tables). */
export type LocaleResources = { [key: string]: string | LocaleResources };

/**
 * Loaders for the locales that are not bundled, one literal `import()` each so that every
 * bundler (Vite, webpack, Next.js, esbuild) emits one chunk per locale and never inlines them.
 */
const LOADERS: Record<string, () => Promise<{ default: LocaleResources }>> = {
  ko: () => import('../locales/ko/consent-kit.json'),
  ja: () => import('../locales/ja/consent-kit.json'),
  'zh-CN': () => import('../locales/zh-CN/consent-kit.json'),
  'zh-TW': () => import('../locales/zh-TW/consent-kit.json'),
  'zh-HK': () => import('../locales/zh-HK/consent-kit.json'),
  de: () => import('../locales/de/consent-kit.json'),
  fr: () => import('../locales/fr/consent-kit.json'),
  es: () => import('../locales/es/consent-kit.json'),
  it: () => import('../locales/it/consent-kit.json'),
  'pt-BR': () => import('../locales/pt-BR/consent-kit.json'),
  'pt-PT': () => import('../locales/pt-PT/consent-kit.json'),
  nl: () => import('../locales/nl/consent-kit.json'),
  sv: () => import('../locales/sv/consent-kit.json'),
  da: () => import('../locales/da/consent-kit.json'),
  nb: () => import('../locales/nb/consent-kit.json'),
  fi: () => import('../locales/fi/consent-kit.json'),
  pl: () => import('../locales/pl/consent-kit.json'),
  cs: () => import('../locales/cs/consent-kit.json'),
  ru: () => import('../locales/ru/consent-kit.json'),
  uk: () => import('../locales/uk/consent-kit.json'),
  tr: () => import('../locales/tr/consent-kit.json'),
  ar: () => import('../locales/ar/consent-kit.json'),
  fa: () => import('../locales/fa/consent-kit.json'),
  he: () => import('../locales/he/consent-kit.json'),
  hi: () => import('../locales/hi/consent-kit.json'),
  th: () => import('../locales/th/consent-kit.json'),
  vi: () => import('../locales/vi/consent-kit.json'),
  id: () => import('../locales/id/consent-kit.json'),
  ms: () => import('../locales/ms/consent-kit.json'),
};

/**
 * Creates an initialized i18next instance holding only the kit's namespace, with English
 * loaded. Initialization is synchronous (`initAsync: false`) so the first render already has
 * its strings.
 */
export function createConsentKitI18n(): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: { ...FALLBACK_CHAINS, default: [DEFAULT_LANGUAGE] } as Record<string, string[]>,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: { [DEFAULT_LANGUAGE]: { [NAMESPACE]: en } },
    // React escapes text already; escaping twice would show `&lt;` to users.
    interpolation: { escapeValue: false },
    // The kit has no backend; languages are added with addResourceBundle.
    partialBundledLanguages: true,
    returnNull: false,
  });
  return instance;
}

let shared: I18n | undefined;

/** The instance used when the host passes none; created on first use. */
export function getDefaultI18n(): I18n {
  shared ??= createConsentKitI18n();
  return shared;
}

/** Whether the kit ships a chunk for `lng`. */
export function canLoad(lng: string): boolean {
  return Object.hasOwn(LOADERS, lng);
}

/** Loads the kit's chunk for `lng` into `instance`, keeping any keys already there. */
async function load(instance: I18n, lng: string): Promise<boolean> {
  const loader = LOADERS[lng];
  if (!loader) return false;
  try {
    const module = await loader();
    // deep merge, no overwrite: a host's own `consent-kit` strings for this language win.
    instance.addResourceBundle(lng, NAMESPACE, module.default, true, false);
    return true;
  } catch {
    // A failed chunk (offline, CDN hiccup) must not block the screen: English is always there.
    return false;
  }
}

/** Every dotted key of a locale tree (plural suffixes kept). */
function keysOf(tree: LocaleResources, prefix = '', out: string[] = []): string[] {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.push(path);
    else keysOf(value, path, out);
  }
  return out;
}

const EN_KEYS = keysOf(en as LocaleResources).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));

/** Whether `lng`'s bundle in `instance` lacks some English key (plural forms folded). */
function isIncomplete(instance: I18n, lng: string): boolean {
  const bundle = instance.getResourceBundle(lng, NAMESPACE) as LocaleResources | undefined;
  if (!bundle) return true;
  const present = new Set(keysOf(bundle).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')));
  return EN_KEYS.some((key) => !present.has(key));
}

/**
 * Makes sure `lng` (and English, the fallback) are present in the kit namespace of `instance`,
 * loading the locale chunk if needed. Resolves with the language actually available: `lng`,
 * or English when the kit has no such locale or its chunk failed to load.
 *
 * Only the language shown is downloaded. Its fallback languages (zh-HK → zh-TW, pt-PT →
 * pt-BR) are loaded too only when its bundle lacks keys — a host's partial bundle, or a chunk
 * older than the English strings.
 *
 * Bundles are added without overwriting, so a host that ships its own `consent-kit`
 * translations keeps them.
 */
export async function ensureLanguage(instance: I18n, lng: string): Promise<string> {
  ensureEnglish(instance);
  if (lng === DEFAULT_LANGUAGE) return lng;
  const present = instance.hasResourceBundle(lng, NAMESPACE) || (await load(instance, lng));
  if (!present) {
    // No chunk of its own: a chain member may still serve it (a host asking for `zh-HK`
    // with only zh-TW available is better served in traditional Chinese than in English).
    for (const next of fallbackChain(lng)) {
      if (next === DEFAULT_LANGUAGE) break;
      if (instance.hasResourceBundle(next, NAMESPACE) || (await load(instance, next))) return next;
    }
    return DEFAULT_LANGUAGE;
  }
  if (isIncomplete(instance, lng)) {
    for (const next of fallbackChain(lng)) {
      if (next !== DEFAULT_LANGUAGE && !instance.hasResourceBundle(next, NAMESPACE)) await load(instance, next);
    }
  }
  return lng;
}

/** Whether `lng` can be rendered right away, without waiting for a chunk. */
export function hasLanguage(instance: I18n, lng: string): boolean {
  return instance.hasResourceBundle(lng, NAMESPACE);
}

/** Adds the bundled English strings to a host-provided instance, once. */
export function ensureEnglish(instance: I18n): void {
  if (!instance.hasResourceBundle(DEFAULT_LANGUAGE, NAMESPACE)) {
    instance.addResourceBundle(DEFAULT_LANGUAGE, NAMESPACE, en, true, false);
  }
}

/**
 * Operator overrides of single phrases, per language: `{ ko: { 'consent.authorize': '동의' } }`.
 * Keys are the kit's dotted keys; plural forms take their suffix (`consent.withheld.summary_one`).
 */
export type ConsentKitOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** A short stable hash, so the same overrides always share one namespace. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * Puts `overrides` into a namespace of their own in `instance` (never into the kit's or the
 * host's) and returns its name, or undefined when there are none. Override languages are
 * matched case-insensitively to the kit's codes (`zh-hk` → `zh-HK`).
 */
export function installOverrides(
  instance: I18n,
  overrides: ConsentKitOverrides | undefined,
  normalize: (lng: string) => string = (lng) => lng,
): string | undefined {
  if (!overrides) return undefined;
  const entries = Object.entries(overrides).filter(
    ([, phrases]) => phrases && typeof phrases === 'object' && Object.keys(phrases).length > 0,
  );
  if (entries.length === 0) return undefined;
  const ns = `${NAMESPACE}-overrides-${hash(JSON.stringify(entries))}`;
  for (const [lng, phrases] of entries) {
    const code = normalize(lng);
    if (instance.hasResourceBundle(code, ns)) continue;
    const strings: Record<string, string> = {};
    for (const [key, value] of Object.entries(phrases)) if (typeof value === 'string') strings[key] = value;
    // addResources splits dotted keys into the nested shape the kit's keys use.
    instance.addResources(code, ns, strings);
  }
  return ns;
}
