/**
 * The kit's own i18next instance and on-demand locale loading.
 *
 * The kit never uses the global i18next singleton: a host app that runs i18next for its own
 * pages keeps its configuration, language and keys untouched. English is imported statically
 * (it is the fallback, so it must always be there); every other locale is a dynamic `import()`
 * of its own JSON file (see `load.ts`) and therefore a separate chunk that only the users who
 * need it download.
 */
import i18next, { type i18n as I18n } from 'i18next';
import en from '../locales/en/consent-kit.json';
import { DEFAULT_LANGUAGE, FALLBACK_CHAINS, NAMESPACE } from './languages.js';

/** Shape of a locale file (nested string tables). */
export type LocaleResources = { [key: string]: string | LocaleResources };

/**
 * The instances the kit made (`createConsentKitI18n`): their language is the kit's default, not a
 * choice of the host's, so it never stands in for the host's language.
 */
const kitInstances = new WeakSet<I18n>();

/** Whether `instance` is the host's own i18next instance rather than one the kit created. */
export function isHostInstance(instance: I18n): boolean {
  return !kitInstances.has(instance);
}

/**
 * Creates an initialized i18next instance holding only the kit's namespace, with English
 * loaded. Initialization is synchronous (`initAsync: false`) so the first render already has
 * its strings.
 */
export function createConsentKitI18n(): I18n {
  const instance = i18next.createInstance();
  kitInstances.add(instance);
  void instance.init({
    initAsync: false,
    lng: DEFAULT_LANGUAGE,
    fallbackLng: { ...FALLBACK_CHAINS, default: [DEFAULT_LANGUAGE] } as Record<string, string[]>,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    // A copy: i18next merges later bundles into the objects it holds, and this module is shared
    // by every instance (one host's wording would show on all of them).
    resources: { [DEFAULT_LANGUAGE]: { [NAMESPACE]: structuredClone(en) } },
    // React escapes text already; escaping twice would show `&lt;` to users.
    interpolation: { escapeValue: false },
    // The kit has no backend; languages are added with addResourceBundle.
    partialBundledLanguages: true,
    returnNull: false,
  });
  return instance;
}

/** The kit instance standing in for a host instance with an `i18nFormat` module, and back. */
const standIns = new WeakMap<I18n, I18n>();
const hostsOf = new WeakMap<I18n, I18n>();

/**
 * The instance the kit renders its strings with, for the instance a host passed. A host instance
 * with its own `pluralSeparator` would miss the kit's plural forms (keys on screen); one
 * with an `i18nFormat` module (i18next-icu, i18next-fluent) runs every string it returns through
 * that format, whatever the call's options: the kit's `{{app}}` came out as written, leaving the
 * app's name out of the consent sentence, and its plurals as keys. Such a host gets a kit
 * instance of its own, holding the host's `consent-kit` bundles as they are when the screen
 * mounts (its keys win); its language still follows the host's ({@link hostOf}).
 */
export function renderingInstance(instance: I18n): I18n {
  if (!needsStandIn(instance)) return instance;
  let standIn = standIns.get(instance);
  if (!standIn) {
    standIn = createConsentKitI18n();
    for (const [lng, namespaces] of Object.entries(instance.store?.data ?? {})) {
      const bundle = namespaces?.[NAMESPACE];
      // A copy: the chunks loaded later merge into it, and it is the host's.
      if (bundle && typeof bundle === 'object')
        standIn.addResourceBundle(lng, NAMESPACE, structuredClone(bundle), true, true);
    }
    standIns.set(instance, standIn);
    hostsOf.set(standIn, instance);
  }
  return standIn;
}

/**
 * Whether the host's instance reads the kit's strings another way than any call can undo: an
 * `i18nFormat` module, or plural forms under another separator than `_` (`consent.x_one`).
 */
function needsStandIn(instance: I18n): boolean {
  const { services, options } = instance as {
    services?: { i18nFormat?: unknown };
    options?: { pluralSeparator?: string };
  };
  return Boolean(services?.i18nFormat) || (options?.pluralSeparator ?? '_') !== '_';
}

/** The host instance a {@link renderingInstance} stands in for, or `instance` itself. */
export function hostOf(instance: I18n): I18n {
  return hostsOf.get(instance) ?? instance;
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
 * Everything about loading lives in a chunk of its own (`load.ts`, with the table of locale
 * chunks), so the initial JavaScript stays the same size however many locales ship, and an
 * English page loads none of it.
 */
export async function ensureLanguage(instance: I18n, lng: string): Promise<string> {
  ensureEnglish(instance);
  // English, or a language whose strings the page brought along (`addEmbeddedLanguage`).
  if (lng === DEFAULT_LANGUAGE || isSettled(instance, lng)) return lng;
  try {
    const { loadLanguage } = await import('./load.js');
    const language = await loadLanguage(instance, lng);
    if (language === lng) markSettled(instance, lng);
    return language;
  } catch {
    // A failed chunk (offline, CDN hiccup) must not block the screen: English is always there.
    return instance.hasResourceBundle(lng, NAMESPACE) ? lng : DEFAULT_LANGUAGE;
  }
}

/** Languages `ensureLanguage` completed per instance (the kit's strings and its fallback chain in). */
const settledLanguages = new WeakMap<I18n, Set<string>>();

function markSettled(instance: I18n, lng: string): void {
  const set = settledLanguages.get(instance) ?? new Set<string>();
  set.add(lng);
  settledLanguages.set(instance, set);
}

/**
 * Whether `lng` is complete in `instance`: English (bundled), or a language `ensureLanguage`
 * loaded with its fallback chain. A bundle the host added itself may lack keys the kit's chunk
 * would fill, so it does not count until `ensureLanguage` has run for it.
 */
export function isSettled(instance: I18n, lng: string): boolean {
  if (lng === DEFAULT_LANGUAGE) return instance.hasResourceBundle(lng, NAMESPACE);
  return settledLanguages.get(instance)?.has(lng) ?? false;
}

/**
 * Adds the kit's strings for `lng` (and the fallback languages it needs) that the server put in
 * the page, and counts `lng` as complete: `ensureLanguage` then loads no chunk for it. Keys
 * already there (a host's own) win.
 */
export function addEmbeddedLanguage(
  instance: I18n,
  lng: string,
  bundles: Readonly<Record<string, LocaleResources>>,
): void {
  ensureEnglish(instance);
  for (const [language, bundle] of Object.entries(bundles)) {
    instance.addResourceBundle(language, NAMESPACE, bundle, true, false);
  }
  if (instance.hasResourceBundle(lng, NAMESPACE)) markSettled(instance, lng);
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

/**
 * Segments no kit key has: written through, they reach `Object.prototype` (`__proto__.x`
 * would set `x` on every object of the page). Overrides often come from a translation platform.
 */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Sets `tree[a][b]…` for the dotted key `a.b…`; a key naming the prototype is dropped. */
function setPath(tree: LocaleResources, key: string, value: string): void {
  const parts = key.split('.');
  if (parts.some((part) => PROTOTYPE_KEYS.has(part))) return;
  let node = tree;
  for (const part of parts.slice(0, -1)) {
    let next = Object.hasOwn(node, part) ? node[part] : undefined;
    if (typeof next !== 'object') {
      next = {};
      node[part] = next;
    }
    node = next;
  }
  node[parts[parts.length - 1]!] = value;
}

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
    // Nested here rather than by `addResources`, which splits keys on the instance's own
    // `keySeparator` (a host's may be `false`): the kit looks keys up by their dotted path.
    const tree: LocaleResources = {};
    for (const [key, value] of Object.entries(phrases)) if (typeof value === 'string') setPath(tree, key, value);
    instance.addResourceBundle(code, ns, tree, true, true);
  }
  return ns;
}
