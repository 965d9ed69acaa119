/**
 * `consent-kit/server/render`: the interaction step's screen rendered to HTML on the server
 * (`react-dom/server`), in its language and branding, for a page that the browser then
 * hydrates: the Authorize and Cancel buttons (or the sign-in form) are in the first HTML, and
 * the browser starts from the embedded step with no details request.
 *
 * Node only (React and react-dom are peers); `consent-kit/server` itself stays free of React.
 *
 * @packageDocumentation
 */
import type { i18n as I18n } from 'i18next';
import { renderToString } from 'react-dom/server';
import { parseEmbeddedStep } from '../client/embedded-step.js';
import type { InteractionClient } from '../client/types.js';
import { ConsentKitProvider } from '../kit/provider.js';
import { InteractionScreen } from '../screens/interaction-screen.js';
import { preloadStep } from '../screens/preload.js';
import { brandingKey, loadBrandModule } from '../theme/context.js';
import { EMBEDDED_PRELOAD_ID, type EmbeddedPreload } from '../screens/embedded-preload.js';
import { getDefaultI18n, type LocaleResources, renderingInstance } from '../i18n/instance.js';
import { NAMESPACE } from '../i18n/languages.js';
import { directionOf, fallbackChain } from '../i18n/languages.js';
import { embeddedStepElement, EMBEDDED_STEP_ID } from '../protocol/embed.js';
import { InteractionError } from '../protocol/errors.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { themeToCss } from '../theme/derive.js';
import { isCompiledTheme } from '../theme/runtime.js';
import type { CompiledTheme } from '../theme/model.js';
import { requestBranding } from '../theme/request.js';
import type { ConsentKitTheme } from '../theme/context.js';

export { preloadLinks } from './preload-links.js';
export type { PreloadLinkOptions, PreloadManifest, PreloadManifestChunk } from './preload-links.js';

/** Options of {@link renderInteraction}. */
export interface RenderInteractionOptions {
  /**
   * The host's language choice (BCP 47), used when the step's `ui_locales` match no kit
   * language. Pass the browser's `Accept-Language` header as `acceptLanguage` instead (or too).
   */
  locale?: string | undefined;
  /** The request's `Accept-Language` header: the browser's languages, after `locale`. */
  acceptLanguage?: string | undefined;
  /** The i18next instance to render with (see `ConsentKitProvider`); default the kit's own. */
  i18n?: I18n | undefined;
  /**
   * The operator's theme, as given to `ConsentKitProvider` on the client: the screen is then
   * rendered inside a provider with it, exactly as the client must hydrate it.
   */
  theme?: CompiledTheme | ConsentKitTheme | undefined;
  /** The id of the embedded step's element; default `consent-kit-step`. */
  stepElementId?: string | undefined;
}

/**
 * What a step needs besides the page's entry script and {@link RenderedInteraction.preloadElement}
 * (which carries its strings and compiled branding): preload these (see {@link preloadLinks}).
 */
export interface StepNeeds {
  /**
   * The kit language chunks to load: none, the page carries the strings (`preloadElement`).
   * Kept for hosts that leave that element out: then the language and its fallbacks, with the
   * locale loader, are `fallbackChain(language)` without English.
   */
  locales: string[];
  /** The branding compiler: never, the page carries the compiled branding (`preloadElement`). */
  branding: boolean;
  /** The sign-in kit, for a sign-in step. */
  signIn: boolean;
}

/** What {@link renderInteraction} returns, to put in the page. */
export interface RenderedInteraction {
  /** The screen's markup, to put inside the element the client hydrates. */
  html: string;
  /**
   * The step as a `<script type="application/json">` element (escaped against `</script>`,
   * `<!--` and U+2028/2029), to put before the page's script; read with `readEmbeddedStep()`.
   */
  stepElement: string;
  /**
   * The kit's strings for the language rendered (none for English, which is bundled) and the
   * step's branding compiled into a theme, as a `<script type="application/json"
   * id="consent-kit-preload">` element (escaped like `stepElement`): put it in the page, and
   * `preloadStep` takes them from it, so the browser loads no locale chunk and no branding
   * compiler before the screen is usable.
   */
  preloadElement: string;
  /** The language rendered: pass it as `locale` when hydrating, and as the page's `lang`. */
  language: string;
  /** Its direction. */
  dir: 'ltr' | 'rtl';
  /** The chunks the step needs, for `<link rel="modulepreload">` ({@link preloadLinks}). */
  needs: StepNeeds;
  /**
   * The step's provider branding as a stylesheet (`themeToCss`), or `undefined` without
   * branding. The screen applies it through the CSSOM once hydrated (a strict CSP refuses
   * style attributes in markup); put this in a `<style>` (with your CSP nonce) or a stylesheet
   * of your own so the first paint is branded too.
   */
  css: string | undefined;
}

/** The server has no way to act: the browser's client takes over once hydrated. */
const notOnTheServer = async (): Promise<never> => {
  throw new InteractionError('invalid_request', 'consent-kit: the server-rendered screen acts only once hydrated');
};
const SERVER_CLIENT: InteractionClient = {
  load: notOnTheServer,
  signIn: notOnTheServer,
  consent: notOnTheServer,
  deny: notOnTheServer,
  switchAccount: notOnTheServer,
  sendCode: notOnTheServer,
  verifyCode: notOnTheServer,
  startConnector: notOnTheServer,
  continueSession: notOnTheServer,
};

/** The tags of an `Accept-Language` header, most preferred first (RFC 9110 §12.5.4). */
export function acceptLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * Renders the screen for an interaction step (the kit protocol JSON of `GET …/details`, e.g.
 * from `bridge.step(req, res)`), after loading its language, branding compiler and, for a
 * sign-in step, the sign-in kit. The step is validated exactly as the browser's client
 * validates it, so server and browser render the same thing.
 *
 * On the client, hydrate the same tree: `await preloadStep(step, { locale: language })`, then
 * `hydrateRoot(element, <InteractionScreen client={client} initialStep={step} locale={language} />)`
 * (inside the same `ConsentKitProvider` when `theme` or `i18n` were given).
 *
 * @throws InteractionError `invalid_response` when `step` is not a valid step
 */
export async function renderInteraction(
  step: unknown,
  options: RenderInteractionOptions = {},
): Promise<RenderedInteraction> {
  const parsed: InteractionStep = parseEmbeddedStep(step);
  const browser = acceptLanguages(options.acceptLanguage);
  // The language both sides will agree on: resolved here, then passed to the client as `locale`.
  const language = await preloadStep(parsed, { i18n: options.i18n, locale: options.locale, browser });
  const branding = requestBranding(parsed);
  const screen = <InteractionScreen client={SERVER_CLIENT} initialStep={parsed} locale={language} />;
  const wrapped =
    options.theme !== undefined || options.i18n !== undefined ? (
      <ConsentKitProvider theme={options.theme} i18n={options.i18n} locale={language}>
        {screen}
      </ConsentKitProvider>
    ) : (
      screen
    );
  const html = renderToString(wrapped);
  let css: string | undefined;
  let compiledBranding: EmbeddedPreload['branding'];
  if (branding) {
    const { brandTheme } = await loadBrandModule();
    const base = isCompiledTheme(options.theme)
      ? options.theme.theme
      : typeof options.theme === 'string'
        ? { colorScheme: options.theme }
        : undefined;
    const compiled = brandTheme(base, branding);
    // Provider names reach the stylesheet's comment: no `<` may end the host's <style> early.
    if (compiled) {
      css = themeToCss(compiled.theme, { selector: ':is(.ck-root, .ck-scope)' }).replace(/</g, '\\3c ');
      compiledBranding = { key: brandingKey(branding), theme: compiled };
    }
  }
  const i18n = renderingInstance(options.i18n ?? getDefaultI18n());
  const resources: Record<string, LocaleResources> = {};
  for (const lng of language === 'en' ? [] : [language, ...fallbackChain(language)]) {
    if (lng === 'en') continue;
    const bundle = i18n.getResourceBundle(lng, NAMESPACE) as LocaleResources | undefined;
    if (bundle) resources[lng] = bundle;
  }
  const preload: EmbeddedPreload = {
    language,
    resources,
    ...(compiledBranding && { branding: compiledBranding }),
  };
  return {
    html,
    stepElement: embeddedStepElement(step, options.stepElementId ?? EMBEDDED_STEP_ID),
    preloadElement: embeddedStepElement(preload, EMBEDDED_PRELOAD_ID),
    language,
    dir: directionOf(language),
    needs: {
      locales: [],
      branding: false,
      signIn: parsed.kind === 'login',
    },
    css,
  };
}
