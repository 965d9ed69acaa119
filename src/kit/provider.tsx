/**
 * `<ConsentKitProvider>`: the kit root. Composes the language (`i18n/translation.tsx`: chosen,
 * loaded, shared with the parts' `t`) and the theme (`theme/`: applied as `--ck-` variables
 * and `data-theme`, with the request's branding over it), and renders the root element with
 * `lang`, `dir` and theme attributes. Every screen wraps itself in one, so a host only needs it
 * to share an i18next instance, a locale or a theme across several screens.
 */
import type { i18n as I18n } from 'i18next';
import { type ReactNode, useContext, useMemo } from 'react';
import type { ConsentKitOverrides } from '../i18n/instance.js';
import { directionOf } from '../i18n/languages.js';
import { LanguageContext, useLanguageState } from '../i18n/translation.js';
import { type ConsentKitTheme, ThemeContext, type ThemeInput, useBrandedTheme } from '../theme/context.js';
import type { RequestBranding } from '../theme/request.js';
import { isCompiledTheme, useAppliedTheme, useCssVariables } from '../theme/runtime.js';

export type { ConsentKitTheme };

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
  theme?: ThemeInput;
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

/**
 * Provides the kit's translations and theme and renders its root element (`.ck-root`). Nested
 * providers inherit the instance, locale, overrides and theme of the nearest outer one unless
 * given their own, and render a `.ck-scope` element (their `lang`, `dir` and theme variables)
 * inside that root rather than a second root, unless they show another color scheme.
 *
 * While a locale chunk or the branding compiler loads, the root is rendered empty with
 * `aria-busy`, rather than flashing English text or the operator's colors that would then
 * change under the user's eyes.
 */
export function ConsentKitProvider(props: ConsentKitProviderProps): ReactNode {
  const parentTheme = useContext(ThemeContext);
  const language = useLanguageState(props);
  const { theme, pending } = useBrandedTheme(props.theme ?? parentTheme?.theme, props.branding);
  const applied = useAppliedTheme(isCompiledTheme(theme) ? theme : undefined);
  const rootRef = useCssVariables<HTMLDivElement>(applied?.style);
  const dataTheme = applied?.scheme ?? (typeof theme === 'string' ? theme : undefined);
  const themeValue = useMemo(() => ({ theme, scheme: dataTheme }), [theme, dataTheme]);
  // One `.ck-root` per kit: the outermost provider's (its tokens would reset a theme set further
  // out). A provider inside another (a screen inside the host's provider) scopes only what it
  // changes: language, direction and theme variables; unless it shows another color scheme, which
  // needs the stylesheet's tokens for that scheme, i.e. a root of its own.
  const base = parentTheme && parentTheme.scheme === dataTheme ? 'ck-scope' : 'ck-root';
  const className = props.className ? `${base} ${props.className}` : base;

  if (!language || pending) {
    return <div ref={rootRef} className={className} aria-busy="true" data-theme={dataTheme} />;
  }
  return (
    <LanguageContext.Provider value={language}>
      <ThemeContext.Provider value={themeValue}>
        <div
          ref={rootRef}
          className={className}
          lang={language.language}
          dir={directionOf(language.language)}
          data-theme={dataTheme}
        >
          {props.children}
        </div>
      </ThemeContext.Provider>
    </LanguageContext.Provider>
  );
}
