/**
 * The one check of provider-supplied colors: only CSS hex colors pass, so a color from a
 * provider (or whoever registered a client) can never smuggle other CSS
 * (`red; background: url(…)`) into the page.
 */

import type { ProviderBranding } from './interaction.js';
import { safeHttpUrl } from './url.js';

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The color when it is `#rgb` or `#rrggbb` (surrounding spaces trimmed), else `undefined`. */
export function safeHexColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const color = value.trim();
  return HEX_COLOR.test(color) ? color : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Provider branding, leniently: it only decorates a step, so anything malformed is dropped
 * rather than refused. Colors must be CSS hex (`#rgb` / `#rrggbb`), logos `http(s)` URLs.
 * `undefined` when nothing usable is left.
 */
export function safeBranding(value: unknown): ProviderBranding | undefined {
  if (!isRecord(value)) return undefined;
  const result: ProviderBranding = {};
  if (isRecord(value.brand)) {
    const light = safeHexColor(value.brand.light);
    const dark = safeHexColor(value.brand.dark);
    if (light || dark) result.brand = { ...(light && { light }), ...(dark && { dark }) };
  }
  if (isRecord(value.logo)) {
    const light = safeHttpUrl(value.logo.light);
    const dark = safeHttpUrl(value.logo.dark);
    if (light || dark) result.logo = { ...(light && { light }), ...(dark && { dark }) };
  }
  return result.brand || result.logo ? result : undefined;
}
