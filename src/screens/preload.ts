/**
 * `preloadStep()`: everything a step's first render needs, loaded before mounting. A page that
 * embeds its step calls it and then mounts (or hydrates) once: the screen renders in its
 * language and branding at the first render, with no loading state in between and no second
 * pass, and a server-rendered screen hydrates without a mismatch.
 */
import type { i18n as I18n } from 'i18next';
import {
  addEmbeddedLanguage,
  ensureEnglish,
  ensureLanguage,
  getDefaultI18n,
  renderingInstance,
} from '../i18n/instance.js';
import { NAMESPACE, resolveLanguage, SUPPORTED_LANGUAGES } from '../i18n/languages.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { addPrecompiledBranding, brandingKey, loadBrandModule } from '../theme/context.js';
import { requestBranding } from '../theme/request.js';
import { type EmbeddedPreload, readEmbeddedPreload } from './embedded-preload.js';
import { loadSignIn } from './lazy-sign-in.js';

/** Options of {@link preloadStep}: the same language sources the screens are given. */
export interface PreloadStepOptions {
  /** The i18next instance the screens will use (`ConsentKitProvider i18n`); default the kit's own. */
  i18n?: I18n | undefined;
  /** The host's language choice, as passed to the screens' `locale`. */
  locale?: string | undefined;
  /** The browser's languages, after `locale`; default `navigator.languages` (none on a server). */
  browser?: readonly string[] | undefined;
  /**
   * The strings and compiled branding the server rendered the step with (`renderInteraction`'s
   * `preloadElement`); default: read from the page's `consent-kit-preload` element, if any.
   * What it carries is not loaded again: no locale chunk, no branding compiler.
   */
  embedded?: EmbeddedPreload | undefined;
}

/**
 * Loads what rendering `step` needs and returns the language it will render in: the locale
 * chunk the step's `ui_locales` (then `locale`, then the browser) resolve to, with its fallback
 * chain; the branding compiler when the step carries provider branding; the sign-in chunk for a
 * sign-in step. Loading failures are not errors: the screen then renders English, or loads what
 * is missing itself.
 */
export async function preloadStep(step: InteractionStep, options: PreloadStepOptions = {}): Promise<string> {
  // Where the provider will look (a stand-in for an ICU host's instance), so it finds it loaded.
  const i18n = renderingInstance(options.i18n ?? getDefaultI18n());
  ensureEnglish(i18n);
  const embedded = options.embedded ?? readEmbeddedPreload();
  if (embedded) addEmbeddedLanguage(i18n, embedded.language, embedded.resources);
  const branding = requestBranding(step);
  const key = branding && brandingKey(branding);
  if (key && embedded?.branding?.key === key) addPrecompiledBranding(key, embedded.branding.theme);
  // The same negotiation as ConsentKitProvider: a host's own `consent-kit` bundles count too.
  const hostLanguages = Object.keys(i18n.store?.data ?? {}).filter((lng) => i18n.hasResourceBundle(lng, NAMESPACE));
  const wanted = resolveLanguage({ uiLocales: step.uiLocales, locale: options.locale, browser: options.browser }, [
    ...new Set([...SUPPORTED_LANGUAGES, ...hostLanguages]),
  ]);
  const [language] = await Promise.all([
    ensureLanguage(i18n, wanted),
    key && embedded?.branding?.key !== key ? loadBrandModule().catch(() => undefined) : undefined,
    step.kind === 'login' ? loadSignIn().catch(() => undefined) : undefined,
  ]);
  return language;
}
