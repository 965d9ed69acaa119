/**
 * The kit's own i18next instance and on-demand locale loading.
 *
 * The kit never uses the global i18next singleton: a host app that runs i18next for its own
 * pages keeps its configuration, language and keys untouched. English is imported statically
 * (it is the fallback, so it must always be there); every other locale is a dynamic `import()`
 * and therefore a separate chunk that only the users who need it download.
 */
import i18next, { type i18n as I18n } from 'i18next';
import en from '../locales/en/consent-kit.json';
import { DEFAULT_LANGUAGE, NAMESPACE } from './languages.js';

/** Shape of a locale file (nested string tables). */
export type LocaleResources = { [key: string]: string | LocaleResources };

/** Loaders for the locales that are not bundled. Each becomes its own chunk. */
const LOADERS: Record<string, () => Promise<{ default: LocaleResources }>> = {
  ko: () => import('../locales/ko/consent-kit.json'),
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
    fallbackLng: DEFAULT_LANGUAGE,
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

/**
 * Makes sure `lng` (and English, the fallback) are present in the kit namespace of `instance`,
 * loading the locale chunk if needed. Resolves with the language actually available: `lng`,
 * or English when the kit has no such locale or its chunk failed to load.
 *
 * Bundles are added without overwriting, so a host that ships its own `consent-kit`
 * translations keeps them.
 */
export async function ensureLanguage(instance: I18n, lng: string): Promise<string> {
  ensureEnglish(instance);
  if (instance.hasResourceBundle(lng, NAMESPACE)) return lng;
  const load = LOADERS[lng];
  if (!load) return DEFAULT_LANGUAGE;
  try {
    const module = await load();
    instance.addResourceBundle(lng, NAMESPACE, module.default, true, false);
    return lng;
  } catch {
    // A failed chunk (offline, CDN hiccup) must not block the screen: English is always there.
    return DEFAULT_LANGUAGE;
  }
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
