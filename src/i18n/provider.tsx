/**
 * `<ConsentKitProvider>`: chooses the language, loads it, and renders the kit root element
 * with `lang`, `dir` and theme attributes. Every screen wraps itself in one, so a host only
 * needs it to share an i18next instance or a locale across several screens.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CompiledTheme, Theme } from '../theme/model.js';
import type { RequestBranding } from '../theme/request.js';
import { isCompiledTheme, useAppliedTheme, useCssVariables, useSystemDark } from '../theme/runtime.js';
import {
  ensureLanguage,
  ensureEnglish,
  getDefaultI18n,
  hasLanguage,
  installOverrides,
  isSettled,
  type ConsentKitOverrides,
} from './instance.js';
import {
  DEFAULT_LANGUAGE,
  NAMESPACE,
  SUPPORTED_LANGUAGES,
  directionOf,
  fallbackChain,
  resolveLanguage,
} from './languages.js';

/** What a provider passes down to nested providers and to the kit's components. */
interface KitI18nContextValue {
  i18n: I18n;
  /** The language the content is rendered in. */
  language: string;
  /** The host's locale, inherited by nested providers. */
  locale: string | undefined;
  theme: ConsentKitTheme | CompiledTheme | undefined;
  /** Operator overrides in effect, inherited by nested providers. */
  overrides: ConsentKitOverrides | undefined;
  /** The i18next namespace holding the overrides, if any. */
  overridesNs: string | undefined;
  /** Whether the language's fallback chain is loaded too; flipping it re-renders the strings. */
  settled: boolean;
  /** The root's `data-theme`, so a nested provider knows whether it shows another scheme. */
  scheme: string | undefined;
}

const KitI18nContext = createContext<KitI18nContextValue | null>(null);

/** Color scheme override; without it the kit follows `prefers-color-scheme`. */
export type ConsentKitTheme = 'light' | 'dark';

/** Props of {@link ConsentKitProvider}. */
export interface ConsentKitProviderProps {
  /** The host's language choice (BCP 47). Used when the interaction's `ui_locales` match nothing. */
  locale?: string | undefined;
  /**
   * An i18next instance of the host's. The kit adds only its `consent-kit` namespace to it and
   * never changes its language (it renders through a fixed-language `t`). Must be initialized.
   * Defaults to a private instance.
   */
  i18n?: I18n | undefined;
  /** The interaction's `ui_locales`, most preferred first. Screens pass their step's value. */
  uiLocales?: readonly string[] | undefined;
  /**
   * Per-language corrections of single phrases, like Logto's custom phrases:
   * `{ ko: { 'consent.authorize': '동의하고 계속' } }`. Keys are the kit's dotted keys (plural
   * forms with their suffix, `consent.withheld.summary_one`); an override applies only to the
   * language it is given for, and changes nothing else. Kept in a namespace of their own, so
   * neither the kit's strings nor the host's are modified. Pass a stable object (module
   * constant or memoized).
   */
  overrides?: ConsentKitOverrides | undefined;
  /**
   * `light` / `dark` force a color scheme through `data-theme`. A theme made with
   * `createTheme()` (from a preset or your own) sets brand colors, radius, font, spacing and
   * logo as `--ck-` variables on the root, and its `colorScheme` (default `system`).
   */
  theme?: ConsentKitTheme | CompiledTheme | undefined;
  /**
   * The request's provider branding (the screens pass their step's, see `requestBranding`):
   * the organization's brand color and logo over the app's over `theme`, compiled with the
   * same contrast rules. The theme compiler is loaded only when there is branding to apply;
   * until it arrives the root shows `theme` alone.
   */
  branding?: RequestBranding | undefined;
  /** Extra class on the kit root. */
  className?: string | undefined;
  children?: ReactNode;
}

type BrandModule = typeof import('../theme/brand.js');
let brandModule: BrandModule | undefined;
let brandModuleLoading: Promise<BrandModule> | undefined;

/**
 * Loads (once) the theme compiler that applies a request's branding, a chunk of its own.
 * `preloadStep` calls it before mounting, so a branded step's first render is already branded.
 */
export function loadBrandModule(): Promise<BrandModule> {
  brandModuleLoading ??= import('../theme/brand.js').then((loaded) => (brandModule = loaded));
  return brandModuleLoading;
}

/**
 * `theme` with the request's branding over it, once the (lazy) compiler is loaded, and whether
 * it is still loading (the provider then holds the first paint, as it does for a locale chunk).
 */
function useBrandedTheme(
  theme: ConsentKitTheme | CompiledTheme | undefined,
  branding: RequestBranding | undefined,
): { theme: ConsentKitTheme | CompiledTheme | undefined; pending: boolean } {
  const [state, setModule] = useState(brandModule);
  // Loaded since this provider mounted (by another provider or preloadStep): no need to wait.
  const module = state ?? brandModule;
  const key = branding ? JSON.stringify(branding) : undefined;
  useEffect(() => {
    if (!key || module) return;
    let active = true;
    void loadBrandModule().then((loaded) => {
      if (active) setModule(() => loaded);
    });
    return () => {
      active = false;
    };
  }, [key, module]);
  const branded = useMemo(() => {
    if (!key || !module) return theme;
    const base: Theme | undefined = isCompiledTheme(theme) ? theme.theme : theme ? { colorScheme: theme } : undefined;
    return module.brandTheme(base, JSON.parse(key) as RequestBranding) ?? theme;
  }, [key, module, theme]);
  return { theme: branded, pending: Boolean(key) && !module };
}

/**
 * Provides the kit's translations and renders its root element (`.ck-root`). Nested providers
 * inherit the instance, locale and theme of the nearest outer one unless given their own, and
 * render a `.ck-scope` element (with their `lang`, `dir` and theme variables) inside that root
 * rather than a second root.
 *
 * While a locale chunk or the branding compiler loads, the root is rendered empty with
 * `aria-busy`, rather than flashing English text or the operator's colors that would then
 * change under the user's eyes.
 */
export function ConsentKitProvider(props: ConsentKitProviderProps): ReactNode {
  const parent = useContext(KitI18nContext);
  const i18n = props.i18n ?? parent?.i18n ?? getDefaultI18n();
  const locale = props.locale ?? parent?.locale;
  const { theme, pending: brandingPending } = useBrandedTheme(props.theme ?? parent?.theme, props.branding);
  const overrides = props.overrides ?? parent?.overrides;
  const uiKey = (props.uiLocales ?? []).join(',');
  // A host-provided instance needs the English bundle before the first render.
  ensureEnglish(i18n);
  // A host may add its own `consent-kit` bundles (say Arabic) to its instance: those count as
  // supported too, which is how an RTL locale gets `dir="rtl"` without the kit shipping it.
  const hostLanguages = Object.keys(i18n.store?.data ?? {}).filter((lng) => i18n.hasResourceBundle(lng, NAMESPACE));
  const supportedKey = hostLanguages.join(',');
  const wanted = useMemo(
    () => resolveLanguage({ uiLocales: props.uiLocales, locale }, [...new Set([...SUPPORTED_LANGUAGES, ...hostLanguages])]),
    // Keyed on joined lists so a new array with the same entries does not re-resolve.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [uiKey, locale, supportedKey],
  );
  const [loaded, setLoaded] = useState<{ i18n: I18n; wanted: string; language: string } | null>(null);
  const immediate = hasLanguage(i18n, wanted) ? wanted : undefined;
  // The language and every language it falls back to are there already (English, or a locale
  // preloaded with `preloadStep`): settled from the first render, so the strings are looked up
  // once per mount, not again after an effect finds nothing to load.
  const complete = immediate !== undefined && isSettled(i18n, wanted);
  const settled =
    loaded && loaded.i18n === i18n && loaded.wanted === wanted ? loaded : complete ? { language: wanted } : undefined;
  const language = immediate ?? settled?.language;

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

  const supported = useMemo(() => [...new Set([...SUPPORTED_LANGUAGES, ...hostLanguages])], [supportedKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const overridesNs = useMemo(
    () =>
      installOverrides(
        i18n,
        overrides,
        (lng) => supported.find((code) => code.toLowerCase() === lng.toLowerCase()) ?? lng,
      ),
    [i18n, overrides, supported],
  );
  const applied = useAppliedTheme(isCompiledTheme(theme) ? theme : undefined);
  const rootRef = useCssVariables<HTMLDivElement>(applied?.style);
  const dataTheme = applied?.scheme ?? (typeof theme === 'string' ? theme : undefined);
  const value = useMemo<KitI18nContextValue | null>(
    () =>
      language
        ? { i18n, language, locale, theme, overrides, overridesNs, settled: Boolean(settled), scheme: dataTheme }
        : null,
    [i18n, language, locale, theme, overrides, overridesNs, settled, dataTheme],
  );
  // One `.ck-root` per kit: the outermost provider's (its tokens would reset a theme set further
  // out). A provider inside another (a screen inside the host's provider) scopes only what it
  // changes: language, direction and theme variables; unless it shows another color scheme, which
  // needs the stylesheet's tokens for that scheme, i.e. a root of its own.
  const base = parent && parent.scheme === dataTheme ? 'ck-scope' : 'ck-root';
  const className = props.className ? `${base} ${props.className}` : base;

  if (!value || brandingPending) {
    return <div ref={rootRef} className={className} aria-busy="true" data-theme={dataTheme} />;
  }
  return (
    <KitI18nContext.Provider value={value}>
      <div ref={rootRef} className={className} lang={value.language} dir={directionOf(value.language)} data-theme={dataTheme}>
        {props.children}
      </div>
    </KitI18nContext.Provider>
  );
}

/**
 * The kit's translation function, fixed to the provider's language and namespace, with the
 * language's fallback chain (zh-HK → zh-TW → en) and the operator's overrides. Outside a
 * provider it renders English from the default instance, so parts stay usable in isolation.
 */
export function useKitTranslation(): { t: KitT; language: string } {
  const ctx = useContext(KitI18nContext);
  const i18n = ctx?.i18n ?? getDefaultI18n();
  const language = ctx?.language ?? DEFAULT_LANGUAGE;
  const overridesNs = ctx?.overridesNs;
  const settled = ctx?.settled;
  const { t: fixed } = useTranslation(NAMESPACE, { i18n, lng: language, useSuspense: false });
  const t = useMemo<KitT>(() => {
    const fallbackLng = fallbackChain(language);
    const base = fixed as unknown as (key: string, options: Record<string, unknown>) => string;
    const translate = (key: string, values?: Record<string, unknown>): string => {
      if (overridesNs) {
        // Only the active language's own override counts: an English override must not leak
        // into Korean through the fallback chain.
        const options = { ...values, ns: overridesNs, lng: language, fallbackLng: false as const };
        if (i18n.exists(key, options)) return i18n.t(key, options) as string;
      }
      return base(key, { ...values, fallbackLng });
    };
    return Object.assign(translate, { language });
    // `settled` is a dependency on purpose: a new `t` once fallback bundles arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fixed, i18n, language, overridesNs, settled]);
  return { t, language };
}

/**
 * The kit's `t`: a key of the `consent-kit` namespace plus interpolation values. `language`
 * is the language it renders (for picking provider-supplied per-language text).
 */
export type KitT = ((key: string, values?: Record<string, unknown>) => string) & { readonly language?: string };

/**
 * The compiled theme in force (if any) and the color scheme being shown, for parts that render
 * theme content such as `<BrandLogo>`.
 */
export function useKitTheme(): { theme: CompiledTheme | undefined; scheme: 'light' | 'dark' } {
  const value = useContext(KitI18nContext)?.theme;
  const theme = isCompiledTheme(value) ? value : undefined;
  const systemDark = useSystemDark();
  const wanted = typeof value === 'string' ? value : (theme?.colorScheme ?? 'system');
  return {
    theme,
    scheme: wanted === 'system' ? (systemDark ? 'dark' : 'light') : wanted,
  };
}
