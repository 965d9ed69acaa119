/**
 * The language a kit root renders in, and the kit's `t` for the parts below it. The provider
 * (`kit/provider.tsx`) resolves and loads the language with {@link useLanguageState} and shares
 * it through {@link LanguageContext}; parts read it with {@link useKitTranslation}.
 */
import type { i18n as I18n } from 'i18next';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsentKitOverrides,
  ensureEnglish,
  ensureLanguage,
  getDefaultI18n,
  hasLanguage,
  hostOf,
  installOverrides,
  isHostInstance,
  isSettled,
  renderingInstance,
} from './instance.js';
import type { KitKey, KitT } from './keys.js';
import { DEFAULT_LANGUAGE, fallbackChain, NAMESPACE, resolveLanguage, SUPPORTED_LANGUAGES } from './languages.js';

/** The language state a provider shares with nested providers and the kit's parts. */
export interface LanguageState {
  i18n: I18n;
  /** The language the content is rendered in. */
  language: string;
  /** The host's locale, inherited by nested providers. */
  locale: string | undefined;
  /** Operator overrides in effect, inherited by nested providers. */
  overrides: ConsentKitOverrides | undefined;
  /** The i18next namespace holding the overrides, if any. */
  overridesNs: string | undefined;
  /** Whether the language's fallback chain is loaded too; flipping it re-renders the strings. */
  settled: boolean;
}

export const LanguageContext = createContext<LanguageState | null>(null);

/** Where a provider takes its language from; unset fields are inherited from an outer provider. */
export interface LanguageOptions {
  i18n?: I18n | undefined;
  locale?: string | undefined;
  uiLocales?: readonly string[] | undefined;
  overrides?: ConsentKitOverrides | undefined;
}

/**
 * The language a host's i18next instance is in (`i18n.language`), kept current through its
 * `languageChanged` event; undefined for an instance the kit created, whose language is no
 * choice of the host's.
 */
function useHostLanguage(i18n: I18n): string | undefined {
  const host = isHostInstance(i18n);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!host) return () => {};
      i18n.on('languageChanged', onChange);
      return () => i18n.off('languageChanged', onChange);
    },
    [i18n, host],
  );
  // `cimode` is i18next's show-the-keys mode, a developer's tool rather than a language.
  const read = () => (host && i18n.language !== 'cimode' ? i18n.language : undefined);
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * Resolves the language (the interaction's `ui_locales`, then the host's locale: the `locale`
 * prop, else the language of the host's i18next instance; then the browser), loads its chunk,
 * and installs the overrides. `null` until the language can render; while a new language loads,
 * the one rendered before stays (the screen keeps its state).
 */
export function useLanguageState(options: LanguageOptions): LanguageState | null {
  const parent = useContext(LanguageContext);
  const i18n = renderingInstance(options.i18n ?? parent?.i18n ?? getDefaultI18n());
  const locale = options.locale ?? parent?.locale;
  const hostLanguage = useHostLanguage(hostOf(i18n));
  const overrides = options.overrides ?? parent?.overrides;
  const uiKey = (options.uiLocales ?? []).join(',');
  // A host-provided instance needs the English bundle before the first render.
  ensureEnglish(i18n);
  // A host may add its own `consent-kit` bundles (say Arabic) to its instance: those count as
  // supported too, which is how an RTL locale gets `dir="rtl"` without the kit shipping it.
  const hostLanguages = Object.keys(i18n.store?.data ?? {}).filter((lng) => i18n.hasResourceBundle(lng, NAMESPACE));
  const supportedKey = hostLanguages.join(',');
  // Keyed on joined lists so a new array with the same entries does not re-resolve.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined keys stand for the lists
  const supported = useMemo(() => [...new Set([...SUPPORTED_LANGUAGES, ...hostLanguages])], [supportedKey]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: uiKey stands for options.uiLocales
  const wanted = useMemo(
    () => resolveLanguage({ uiLocales: options.uiLocales, locale: locale ?? hostLanguage }, supported),
    [uiKey, locale, hostLanguage, supported],
  );
  const [loaded, setLoaded] = useState<{ i18n: I18n; wanted: string; language: string } | null>(null);
  const immediate = hasLanguage(i18n, wanted) ? wanted : undefined;
  // The language and every language it falls back to are there already (English, or a locale
  // preloaded with `preloadStep`): settled from the first render, so the strings are looked up
  // once per mount, not again after an effect finds nothing to load.
  const complete = immediate !== undefined && isSettled(i18n, wanted);
  const settled =
    loaded && loaded.i18n === i18n && loaded.wanted === wanted ? loaded : complete ? { language: wanted } : undefined;
  // While a new language loads (the host switched), the one shown before stays: whether it was
  // loaded here or found complete at the first render (then nothing was loaded to remember),
  // so the screen under this provider is not unmounted and keeps the user's choices.
  const shown = useRef<{ i18n: I18n; language: string } | undefined>(undefined);
  const previous =
    loaded?.i18n === i18n ? loaded.language : shown.current?.i18n === i18n ? shown.current.language : undefined;
  const language = immediate ?? settled?.language ?? previous;
  useEffect(() => {
    if (language) shown.current = { i18n, language };
  }, [i18n, language]);

  useEffect(() => {
    if (settled) return;
    let active = true;
    // Also run when the bundle is already there (a host's, possibly partial): it then only
    // loads the fallback chain (zh-HK → zh-TW) if keys are missing, and re-renders after.
    void ensureLanguage(i18n, wanted).then((language) => {
      if (active) setLoaded({ i18n, wanted, language });
    });
    return () => {
      active = false;
    };
  }, [i18n, wanted, settled]);

  const overridesNs = useMemo(
    () =>
      installOverrides(
        i18n,
        overrides,
        (lng) => supported.find((code) => code.toLowerCase() === lng.toLowerCase()) ?? lng,
      ),
    [i18n, overrides, supported],
  );
  return useMemo(
    () => (language ? { i18n, language, locale, overrides, overridesNs, settled: Boolean(settled) } : null),
    [i18n, language, locale, overrides, overridesNs, settled],
  );
}

/**
 * What every kit `t` call passes, so that the kit's strings render the same through any i18next
 * instance whatever the host initialized it with (i18next takes these per call): dotted keys
 * (a host may set `keySeparator` or `nsSeparator` to `false`, or `:` / `.`), `{{value}}`
 * interpolation of every placeholder (whatever the host's `maxReplaces`) without i18next's HTML
 * escaping (React escapes text already; the host default `escapeValue: true` would show
 * `Acme &amp; Co`), no nesting (a provider's app name reading `$t(…)` stays text), none of the
 * host's post-processors, strings rather than `returnDetails` objects, and the languages to look
 * in given outright (`lngs`), so a host's `supportedLngs`, `load` or `lowerCaseLng` cannot turn
 * `zh-HK` into something the kit has no strings for. What no call can change (an `i18nFormat`
 * module, `pluralSeparator`) is handled by a stand-in instance (`renderingInstance`).
 */
const RENDER_OPTIONS = {
  keySeparator: '.',
  nsSeparator: false,
  interpolation: {
    escapeValue: false,
    prefix: '{{',
    suffix: '}}',
    formatSeparator: ',',
    unescapePrefix: '-',
    unescapeSuffix: '',
    skipOnVariables: true,
    alwaysFormat: false,
    maxReplaces: 1000,
  },
  nest: false,
  postProcess: [] as string[],
  returnObjects: false,
  returnDetails: false,
} as const;

/**
 * The kit's translation function, fixed to the provider's language and namespace, with the
 * language's fallback chain (zh-HK → zh-TW → en) and the operator's overrides, and the language
 * it renders (for provider-supplied per-language text and `Intl` formatting). Outside a provider
 * it renders English from the default instance, so parts stay usable in isolation.
 */
export function useKitTranslation(): { t: KitT; language: string } {
  const ctx = useContext(LanguageContext);
  const i18n = ctx?.i18n ?? getDefaultI18n();
  const language = ctx?.language ?? DEFAULT_LANGUAGE;
  const overridesNs = ctx?.overridesNs;
  const settled = ctx?.settled;
  const { t: fixed } = useTranslation(NAMESPACE, { i18n, lng: language, useSuspense: false });
  // `settled` is a dependency on purpose: a new `t` once fallback bundles arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  const t = useMemo<KitT>(() => {
    const lngs = [language, ...fallbackChain(language)];
    const base = fixed as unknown as (key: KitKey, options: Record<string, unknown>) => string;
    return (key, values) => {
      if (overridesNs) {
        // Only the active language's own override counts: an English override must not leak
        // into Korean through the fallback chain.
        const options = { ...values, ...RENDER_OPTIONS, ns: overridesNs, lng: language, lngs: [language] };
        if (i18n.exists(key, options)) return (i18n.t as typeof base)(key, options);
      }
      return base(key, { ...values, ...RENDER_OPTIONS, lng: language, lngs });
    };
  }, [fixed, i18n, language, overridesNs, settled]);
  return useMemo(() => ({ t, language }), [t, language]);
}
