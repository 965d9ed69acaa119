/**
 * The one check of provider-supplied colors: only CSS hex colors pass, so a color from a
 * provider (or whoever registered a client) can never smuggle other CSS
 * (`red; background: url(…)`) into the page.
 */

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The color when it is `#rgb` or `#rrggbb` (surrounding spaces trimmed), else `undefined`. */
export function safeHexColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const color = value.trim();
  return HEX_COLOR.test(color) ? color : undefined;
}
