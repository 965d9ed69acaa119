/**
 * What the server put in the page besides the step, so the first render needs no chunk: the
 * kit's strings for the step's language (and the fallbacks it needs) and the step's branding
 * compiled into a theme. `renderInteraction` writes it (`preloadElement`) as JSON in a
 * `<script type="application/json">` element, like the step; `preloadStep` reads it.
 */
import type { LocaleResources } from '../i18n/instance.js';
import type { CompiledTheme } from '../theme/model.js';

/** The id of the element holding {@link EmbeddedPreload}. */
export const EMBEDDED_PRELOAD_ID = 'consent-kit-preload';

/** What the server rendered the step with, for the browser to render it the same way at once. */
export interface EmbeddedPreload {
  /** The language rendered (BCP 47). */
  language: string;
  /** The kit's strings per language: the language rendered and its fallbacks; none for English. */
  resources: Record<string, LocaleResources>;
  /** The step's branding compiled over the operator's theme, and its key (`brandingKey`). */
  branding?: { key: string; theme: CompiledTheme };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The page's {@link EmbeddedPreload}, or `undefined` (no document, no element, or not in the
 * expected shape: the screens then load what they need, as without it).
 */
export function readEmbeddedPreload(id: string = EMBEDDED_PRELOAD_ID): EmbeddedPreload | undefined {
  if (typeof document === 'undefined') return undefined;
  const text = document.getElementById(id)?.textContent;
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value) || typeof value.language !== 'string' || !isObject(value.resources)) return undefined;
    const branding = value.branding;
    if (
      branding !== undefined &&
      !(
        isObject(branding) &&
        typeof branding.key === 'string' &&
        isObject(branding.theme) &&
        branding.theme.kind === 'consent-kit/theme'
      )
    ) {
      return undefined;
    }
    return value as unknown as EmbeddedPreload;
  } catch {
    return undefined;
  }
}
