/**
 * Small sRGB color helpers for theme derivation: parsing, WCAG 2.x relative luminance and
 * contrast ratio, HSL lightness moves. No dependency and no DOM, so they run in Node, in tests
 * and at render time alike.
 */

/** An sRGB color with 0–255 channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
};

/**
 * Parses `#rgb`, `#rrggbb`, `rgb(r g b)` / `rgb(r, g, b)` and `hsl(h s% l%)`. Returns
 * `undefined` for anything else (including alpha below 1 and CSS keywords but white/black):
 * a theme color must be a concrete opaque color to have a computable contrast.
 */
export function parseColor(input: string): Rgb | undefined {
  const value = (NAMED[input.trim().toLowerCase()] ?? input).trim().toLowerCase();
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (m) {
    const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
    return { r: parseInt(hex.slice(0, 2), 16), g: parseInt(hex.slice(2, 4), 16), b: parseInt(hex.slice(4, 6), 16) };
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/.exec(value);
  if (m) {
    if (m[4] !== undefined && parseFloat(m[4]) < (m[4].endsWith('%') ? 100 : 1)) return undefined;
    const [r, g, b] = [m[1], m[2], m[3]].map((c) => Math.round(Number(c)));
    if ([r, g, b].some((c) => c! > 255)) return undefined;
    return { r: r!, g: g!, b: b! };
  }
  m = /^hsla?\(\s*([\d.]+)(?:deg)?[\s,]+([\d.]+)%[\s,]+([\d.]+)%\s*\)$/.exec(value);
  if (m) return hslToRgb({ h: Number(m[1]) % 360, s: Number(m[2]) / 100, l: Number(m[3]) / 100 });
  return undefined;
}

/** `#rrggbb`. */
export function toHex({ r, g, b }: Rgb): string {
  return `#${[r, g, b]
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
export function luminance({ r, g, b }: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio between two colors, 1 to 21. */
export function contrast(a: Rgb | string, b: Rgb | string): number {
  const la = luminance(typeof a === 'string' ? mustParse(a) : a);
  const lb = luminance(typeof b === 'string' ? mustParse(b) : b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Parses or throws a `TypeError` naming the bad value. */
export function mustParse(input: string): Rgb {
  const rgb = parseColor(input);
  if (!rgb) throw new TypeError(`consent-kit theme: "${input}" is not an opaque #hex, rgb() or hsl() color`);
  return rgb;
}

/** HSL with all three in 0–1 except the hue (degrees). */
export interface Hsl {
  h: number;
  s: number;
  l: number;
}

export function rgbToHsl({ r, g, b }: Rgb): Hsl {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
  return { h: h * 60, s, l };
}

export function hslToRgb({ h, s, l }: Hsl): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return { r: Math.round(f(0) * 255), g: Math.round(f(8) * 255), b: Math.round(f(4) * 255) };
}

/** The same hue and saturation at HSL lightness `l` (0–1). */
export function withLightness(color: Rgb, l: number): Rgb {
  return hslToRgb({ ...rgbToHsl(color), l: Math.min(1, Math.max(0, l)) });
}

/** Mixes `a` toward `b` by `amount` (0–1) in sRGB, rounded to 8-bit channels. */
export function mix(a: Rgb, b: Rgb, amount: number): Rgb {
  // Rounded to 8-bit channels now, so contrast is checked on the color that will be printed.
  const at = (x: number, y: number) => Math.round(x + (y - x) * amount);
  return { r: at(a.r, b.r), g: at(a.g, b.g), b: at(a.b, b.b) };
}

/**
 * The color of `color`'s hue and saturation closest in lightness to `color` that reaches
 * `ratio` against `against`, moving darker or lighter (`direction`). `undefined` when even the
 * end of that direction (black or white) does not reach it.
 */
export function adjustToContrast(
  color: Rgb,
  against: Rgb,
  ratio: number,
  direction: 'darker' | 'lighter',
): Rgb | undefined {
  if (contrast(color, against) >= ratio) return color;
  const { l } = rgbToHsl(color);
  let lo = direction === 'darker' ? 0 : l;
  let hi = direction === 'darker' ? l : 1;
  const end = withLightness(color, direction === 'darker' ? 0 : 1);
  if (contrast(end, against) < ratio) return undefined;
  // Binary search for the lightness nearest the original that still passes.
  for (let i = 0; i < 24; i++) {
    const mid = (lo + hi) / 2;
    const passes = contrast(withLightness(color, mid), against) >= ratio;
    if (direction === 'darker') {
      if (passes) lo = mid;
      else hi = mid;
    } else if (passes) hi = mid;
    else lo = mid;
  }
  const found = withLightness(color, direction === 'darker' ? lo : hi);
  // Rounding to 8-bit channels can lose a hair of contrast: nudge until it really passes.
  let step = 0;
  let result = found;
  while (contrast(result, against) < ratio && step < 50) {
    step++;
    result = withLightness(color, direction === 'darker' ? lo - step * 0.002 : hi + step * 0.002);
  }
  return contrast(result, against) >= ratio ? result : undefined;
}
