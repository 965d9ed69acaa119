/**
 * From a theme to CSS variables: brand-color derivation with WCAG AA contrast, and the
 * scheme-independent knobs (radius, font, spacing, shadow).
 */
import {
  adjustToContrast,
  contrast,
  mix,
  mustParse,
  parseColor,
  rgbToHsl,
  toHex,
  withLightness,
  type Rgb,
} from './color.js';
import { cssRule, schemeRules } from './css.js';
import type { Theme, ThemeColors } from './model.js';
import { DEFAULT_COLORS, THEME_COLOR_TOKENS } from './palette.js';

/** WCAG 2.x AA for normal text. */
export const TEXT_CONTRAST = 4.5;
/** WCAG 2.1 AA for UI components and graphical objects (focus ring). */
export const UI_CONTRAST = 3;

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const INK: Rgb = { r: 12, g: 14, b: 19 };

/** Colors derived from one brand color for one scheme. */
export interface BrandColors {
  /** Primary button background. */
  accent: string;
  accentHover: string;
  accentPressed: string;
  /** Text and icons on {@link accent}. */
  onAccent: string;
  /** Brand-colored text on the surfaces (links, info badges). */
  accentText: string;
  /** Tint behind selected rows and info badges. */
  accentSubtle: string;
  /** Focus ring, 3:1 against surface and canvas. */
  focus: string;
}

/** Result of a derivation: the colors and what had to be changed to keep them readable. */
export interface Derived<T> {
  value: T;
  /** Human-readable notes for developers; empty when the input was used as given. */
  warnings: string[];
}

/**
 * Derives the brand colors of one scheme. The button keeps the brand color whenever white or
 * near-black text reaches 4.5:1 on it (which is always possible unless `onBrand` is forced);
 * otherwise its lightness moves until the forced text reads, with a warning. Brand-colored text
 * and the focus ring are separate tokens, darkened (light) or lightened (dark) until they reach
 * 4.5:1 and 3:1 on every surface, so a pale-yellow or near-black brand never yields an
 * unreadable link or an invisible ring.
 */
export function deriveBrand(
  brandInput: string,
  scheme: 'light' | 'dark',
  options: { onBrand?: string | undefined; surfaces?: readonly string[] | undefined } = {},
): Derived<BrandColors> {
  const warnings: string[] = [];
  const brand = mustParse(brandInput);
  const surfaces = (options.surfaces ?? [DEFAULT_COLORS[scheme].surface, DEFAULT_COLORS[scheme].surfaceMuted]).map(
    mustParse,
  );
  const surface = surfaces[0]!;

  // Button: background and the text on it.
  let onAccent: Rgb;
  let accent = brand;
  if (options.onBrand) {
    onAccent = mustParse(options.onBrand);
  } else {
    onAccent = contrast(brand, WHITE) >= contrast(brand, INK) ? WHITE : INK;
  }
  if (contrast(accent, onAccent) < TEXT_CONTRAST) {
    const away = rgbToHsl(onAccent).l > rgbToHsl(brand).l ? 'darker' : 'lighter';
    const fixed =
      adjustToContrast(brand, onAccent, TEXT_CONTRAST, away) ??
      adjustToContrast(brand, onAccent, TEXT_CONTRAST, away === 'darker' ? 'lighter' : 'darker');
    if (fixed) {
      accent = fixed;
    } else {
      onAccent = contrast(brand, WHITE) >= contrast(brand, INK) ? WHITE : INK;
    }
    const text = options.onBrand ?? toHex(onAccent);
    const ratio = contrast(brand, mustParse(text)).toFixed(2);
    warnings.push(
      `${scheme}: text ${text} on brand ${brandInput} reaches ${ratio}:1, below ${TEXT_CONTRAST}:1; ` +
        `the button uses ${toHex(accent)} with ${toHex(onAccent)} instead`,
    );
  }

  // Hover and pressed: a visible step that keeps the text readable.
  const preferred = scheme === 'light' ? 'darker' : 'lighter';
  const shift = (amount: number): Rgb => {
    const { l } = rgbToHsl(accent);
    for (const direction of [preferred, preferred === 'darker' ? 'lighter' : 'darker']) {
      const candidate = withLightness(accent, direction === 'darker' ? l - amount : l + amount);
      if (contrast(candidate, onAccent) >= TEXT_CONTRAST) return candidate;
    }
    return accent;
  };
  const accentHover = shift(0.07);
  const accentPressed = shift(0.14);

  // Tint: a little brand over the surface.
  const accentSubtle = mix(surface, brand, scheme === 'light' ? 0.12 : 0.22);

  // Brand-colored text must read on every surface and on the tint.
  const textDirection = luminanceOrder(surface) === 'light' ? 'darker' : 'lighter';
  let accentText: Rgb | undefined = brand;
  for (const bg of [...surfaces, accentSubtle]) {
    accentText = accentText && adjustToContrast(accentText, bg, TEXT_CONTRAST, textDirection);
  }
  if (!accentText) {
    accentText = textDirection === 'darker' ? INK : WHITE;
    warnings.push(
      `${scheme}: no shade of brand ${brandInput} reads on the surfaces; brand-colored text uses ${toHex(accentText)}`,
    );
  }

  let focus: Rgb | undefined = brand;
  for (const bg of surfaces) focus = focus && adjustToContrast(focus, bg, UI_CONTRAST, textDirection);
  focus ??= accentText;

  return {
    value: {
      accent: toHex(accent),
      accentHover: toHex(accentHover),
      accentPressed: toHex(accentPressed),
      onAccent: toHex(onAccent),
      accentText: toHex(accentText),
      accentSubtle: toHex(accentSubtle),
      focus: toHex(focus),
    },
    warnings,
  };
}

function luminanceOrder(color: Rgb): 'light' | 'dark' {
  return contrast(color, INK) >= contrast(color, WHITE) ? 'light' : 'dark';
}

/** Semantic color token names, keyed by {@link ThemeColors} field (the brand derives several). */
const { brand: _brand, ...COLOR_TOKENS } = THEME_COLOR_TOKENS;

/** The CSS variables of one scheme's colors. Empty when the theme sets no color for it. */
export function colorVariables(theme: Theme, scheme: 'light' | 'dark'): Derived<Record<string, string>> {
  const own = theme.colors?.[scheme] ?? {};
  // A dark scheme without its own brand reuses the light one (derivation keeps it readable).
  const brand = own.brand ?? (scheme === 'dark' ? theme.colors?.light?.brand : undefined);
  const setsAny = Object.values(own).some((v) => v !== undefined) || brand !== undefined;
  if (!setsAny) return { value: {}, warnings: [] };
  const base = { ...DEFAULT_COLORS[scheme], ...stripUndefined(own) };
  const vars: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [key, token] of Object.entries(COLOR_TOKENS) as [keyof typeof COLOR_TOKENS, string][]) {
    // Every color is written, defaults included, so a scheme's block is complete on its own
    // (a pasted dark-first stylesheet must not mix in light defaults).
    const value = base[key];
    if (!parseColor(value))
      throw new TypeError(
        `consent-kit theme: colors.${scheme}.${key} "${value}" is not an opaque #hex, rgb() or hsl() color`,
      );
    vars[token] = value;
  }
  const brandColors = deriveBrand(brand ?? base.brand, scheme, {
    onBrand: own.onBrand,
    surfaces: [base.surface, base.surfaceMuted, base.canvas],
  });
  warnings.push(...brandColors.warnings);
  Object.assign(vars, {
    '--ck-color-accent': brandColors.value.accent,
    '--ck-color-accent-hover': brandColors.value.accentHover,
    '--ck-color-accent-pressed': brandColors.value.accentPressed,
    '--ck-color-on-accent': brandColors.value.onAccent,
    '--ck-color-accent-text': brandColors.value.accentText,
    '--ck-color-accent-subtle': brandColors.value.accentSubtle,
    '--ck-color-focus': brandColors.value.focus,
  });
  // Text the designer chose themselves is kept, but an unreadable pair is reported.
  for (const [fg, bgs] of [
    ['text', ['surface', 'surfaceMuted', 'canvas']],
    ['textMuted', ['surface', 'surfaceMuted']],
    ['danger', ['surface']],
    ['warning', ['surface']],
  ] as const) {
    for (const bg of bgs) {
      const ratio = contrast(base[fg], base[bg]);
      if ((own[fg] !== undefined || own[bg] !== undefined) && ratio < TEXT_CONTRAST) {
        warnings.push(
          `${scheme}: ${fg} ${base[fg]} on ${bg} ${base[bg]} reaches ${ratio.toFixed(2)}:1, below ${TEXT_CONTRAST}:1`,
        );
      }
    }
  }
  return { value: vars, warnings };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const SPACE_STEPS = [1, 2, 3, 4, 5, 6, 8] as const;

/** Variables that do not depend on the color scheme. */
export function shapeVariables(theme: Theme): Record<string, string> {
  const vars: Record<string, string> = {};
  if (theme.radius !== undefined) {
    const r = cssLength(theme.radius, 'radius');
    vars['--ck-radius-sm'] = `calc(${r} * 0.6)`;
    vars['--ck-radius-md'] = r;
    vars['--ck-radius-lg'] = `calc(${r} * 1.6)`;
  }
  if (theme.spacing !== undefined) {
    const unit = cssLength(theme.spacing, 'spacing');
    for (const n of SPACE_STEPS) vars[`--ck-space-${n}`] = `calc(${unit} * ${n})`;
  }
  if (theme.font?.family) vars['--ck-font-sans'] = cssValue(theme.font.family, 'font.family');
  if (theme.font?.mono) vars['--ck-font-mono'] = cssValue(theme.font.mono, 'font.mono');
  if (theme.font?.size) {
    const size = cssLength(theme.font.size, 'font.size');
    vars['--ck-font-size-xs'] = `calc(${size} * 0.75)`;
    vars['--ck-font-size-sm'] = `calc(${size} * 0.875)`;
    vars['--ck-font-size-md'] = size;
    vars['--ck-font-size-lg'] = `calc(${size} * 1.25)`;
  }
  if (theme.shadow !== undefined) vars['--ck-shadow-card'] = cssValue(theme.shadow, 'shadow');
  return vars;
}

/** A CSS length: a number (px), `0`, or a number with a length unit. */
function cssLength(value: string | number, label: string): string {
  if (typeof value === 'number') return value === 0 ? '0px' : `${value}px`;
  const v = value.trim();
  if (v === '0') return '0px';
  if (!/^\d*\.?\d+(px|rem|em|%|ch|ex|vw|vh)$/.test(v))
    throw new TypeError(`consent-kit theme: ${label} "${value}" is not a CSS length`);
  return v;
}

/** Free-form values must not break out of a declaration (`;`, braces) when printed as CSS. */
function cssValue(value: string, label: string): string {
  if (/[;{}<>\\]/.test(value) || /url\s*\(/i.test(value))
    throw new TypeError(`consent-kit theme: ${label} "${value}" contains characters a CSS value may not`);
  return value.trim();
}

/** Everything a theme sets for one scheme, as `{ '--ck-…': value }`. */
export function themeVariables(theme: Theme, scheme: 'light' | 'dark'): Derived<Record<string, string>> {
  const colors = colorVariables(theme, scheme);
  return { value: { ...shapeVariables(theme), ...colors.value }, warnings: colors.warnings };
}

/** Options of {@link themeToCss}. */
export interface ThemeCssOptions {
  /** The kit roots to theme; default every root (`.ck-root`). */
  selector?: string;
}

/**
 * The theme as a stylesheet to paste after `consent-kit/styles.css`: the same variables the
 * `theme` prop sets, inside `@layer consent-kit`, following the system scheme unless the theme
 * or the root's `data-theme` fixes one. Works under a strict CSP, since it is a file.
 */
export function themeToCss(theme: Theme, options: ThemeCssOptions = {}): string {
  const sel = options.selector ?? '.ck-root';
  const scheme = theme.colorScheme ?? 'system';
  const shape = shapeVariables(theme);
  const light = colorVariables(theme, 'light').value;
  const dark = colorVariables(theme, 'dark').value;
  // `*/` split rather than removed: removing it from `**//` would leave a `*/` behind.
  const name = theme.name ? `: ${theme.name.replaceAll('*/', '* /')}` : '';
  let css = `/* consent-kit theme${name} */\n@layer consent-kit {\n`;
  css += cssRule(sel, shape);
  if (scheme === 'dark') {
    css += cssRule(sel, { ...dark, 'color-scheme': 'dark' });
    css += cssRule(`${sel}[data-theme='light']`, { ...light, 'color-scheme': 'light' });
    css += cssRule(`${sel}[data-theme='dark']`, dark);
  } else if (scheme === 'system') {
    css += schemeRules(sel, light, dark);
  } else {
    css += cssRule(sel, light);
    css += cssRule(`${sel}[data-theme='dark']`, dark);
  }
  return `${css}}\n`;
}
