/**
 * Loading the locales that are not bundled. This module is itself loaded on demand by
 * `ensureLanguage`, so the table of locale chunks below (which grows with every locale shipped)
 * and the fallback logic cost an English page nothing.
 */
import type { i18n as I18n } from 'i18next';
import en from '../locales/en/consent-kit.json';
import type { LocaleResources } from './instance.js';
import { DEFAULT_LANGUAGE, NAMESPACE, fallbackChain } from './languages.js';

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
    return false;
  }
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every dotted key of a locale tree, plural suffixes folded. */
function keysOf(tree: LocaleResources, prefix = '', out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.add(path.replace(PLURAL, ''));
    else keysOf(value, path, out);
  }
  return out;
}

/** Whether `lng`'s bundle in `instance` lacks some English key. */
function isIncomplete(instance: I18n, lng: string): boolean {
  const bundle = instance.getResourceBundle(lng, NAMESPACE) as LocaleResources | undefined;
  if (!bundle) return true;
  const present = keysOf(bundle);
  for (const key of keysOf(en as LocaleResources)) if (!present.has(key)) return true;
  return false;
}

/**
 * Loads `lng` into `instance` unless present, and resolves with the language to render.
 *
 * Only the language shown is downloaded. Its fallback languages (zh-HK → zh-TW, pt-PT →
 * pt-BR) are loaded too only when its bundle lacks keys — a host's partial bundle, or a chunk
 * older than the English strings. A language the kit lacks entirely is served by a fallback
 * language when one is available (`zh-HK` by zh-TW), else English.
 */
export async function loadLanguage(instance: I18n, lng: string): Promise<string> {
  const present = instance.hasResourceBundle(lng, NAMESPACE) || (await load(instance, lng));
  const chain = fallbackChain(lng).filter((next) => next !== DEFAULT_LANGUAGE);
  if (!present) {
    for (const next of chain) {
      if (instance.hasResourceBundle(next, NAMESPACE) || (await load(instance, next))) return next;
    }
    return DEFAULT_LANGUAGE;
  }
  if (isIncomplete(instance, lng)) {
    for (const next of chain) if (!instance.hasResourceBundle(next, NAMESPACE)) await load(instance, next);
  }
  return lng;
}
