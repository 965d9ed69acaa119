/**
 * The kit's default palette, written once: the primitive colors (tier 1) and what each semantic
 * color (tier 2) is in the light and the dark scheme. The stylesheet's color tokens are
 * generated from it at build time (`paletteCss`, added to tokens.css by scripts/kit-styles.ts),
 * and theme derivation starts from the same values (`DEFAULT_COLORS`).
 *
 * Renaming or removing a variable is a breaking change (stories/docs/theming.mdx lists them).
 */
import { schemeRules } from './css.js';
import type { ThemeColors } from './model.js';

/** Tier 1: the raw colors, `--ck-color-<name>`. Components never use them directly. */
export const PRIMITIVE_COLORS = {
  white: '#ffffff',
  'gray-25': '#fcfcfd',
  'gray-50': '#f7f7f9',
  'gray-100': '#eef0f3',
  'gray-200': '#e1e4ea',
  'gray-300': '#c9ced8',
  'gray-500': '#6b7385',
  'gray-600': '#535b6c',
  'gray-700': '#3a4150',
  'gray-800': '#252a35',
  'gray-850': '#1c2029',
  'gray-900': '#14171e',
  'gray-950': '#0c0e13',
  'indigo-100': '#e7e8ff',
  'indigo-300': '#a5a9ff',
  'indigo-400': '#8288fb',
  'indigo-500': '#5d5fef',
  'indigo-600': '#4a4ad8',
  'indigo-700': '#3b39b5',
  'red-100': '#fde8e8',
  'red-300': '#f5a3a3',
  'red-600': '#c93030',
  'red-900': '#4a1717',
  'amber-100': '#fdf1d8',
  'amber-300': '#f2c66b',
  'amber-700': '#8a5a00',
  'amber-900': '#3d2a05',
} as const;

type Primitive = keyof typeof PRIMITIVE_COLORS;

/** A semantic value: a primitive color by name, or a CSS value of its own. */
type Value = Primitive | { css: string };

/**
 * Tier 2, the colors a theme sets (its {@link ThemeColors} fields), per scheme, as primitives:
 * theme derivation computes contrast against them.
 */
const THEME_DEFAULTS: Readonly<Record<Exclude<keyof ThemeColors, 'onBrand'>, { light: Primitive; dark: Primitive }>> = {
  brand: { light: 'indigo-600', dark: 'indigo-400' },
  canvas: { light: 'gray-50', dark: 'gray-950' },
  surface: { light: 'white', dark: 'gray-900' },
  surfaceMuted: { light: 'gray-50', dark: 'gray-850' },
  surfaceRaised: { light: 'gray-100', dark: 'gray-800' },
  border: { light: 'gray-200', dark: 'gray-800' },
  borderStrong: { light: 'gray-300', dark: 'gray-700' },
  text: { light: 'gray-900', dark: 'gray-50' },
  textMuted: { light: 'gray-600', dark: 'gray-300' },
  danger: { light: 'red-600', dark: 'red-300' },
  warning: { light: 'amber-700', dark: 'amber-300' },
};

/** The {@link ThemeColors} fields and the variables they set. */
export const THEME_COLOR_TOKENS: Readonly<Record<Exclude<keyof ThemeColors, 'onBrand'>, string>> = {
  brand: '--ck-color-accent',
  canvas: '--ck-color-canvas',
  surface: '--ck-color-surface',
  surfaceMuted: '--ck-color-surface-muted',
  surfaceRaised: '--ck-color-surface-raised',
  border: '--ck-color-border',
  borderStrong: '--ck-color-border-strong',
  text: '--ck-color-text',
  textMuted: '--ck-color-text-muted',
  danger: '--ck-color-danger',
  warning: '--ck-color-warning',
};

/** Tier 2, the rest: what a theme derives from its brand color, and tokens no theme sets. */
const OTHER_SCHEME_TOKENS: Readonly<Record<string, { light: Value; dark: Value }>> = {
  '--ck-color-accent-hover': { light: 'indigo-700', dark: 'indigo-300' },
  '--ck-color-accent-pressed': { light: { css: '#2f2d94' }, dark: { css: '#c4c7ff' } },
  '--ck-color-on-accent': { light: 'white', dark: 'gray-950' },
  // Brand-colored text on surfaces (links, info badges): may differ from the button color.
  '--ck-color-accent-text': { light: { css: 'var(--ck-color-accent)' }, dark: { css: 'var(--ck-color-accent)' } },
  '--ck-color-accent-subtle': { light: 'indigo-100', dark: { css: 'rgb(93 95 239 / 0.18)' } },
  '--ck-color-danger-subtle': { light: 'red-100', dark: 'red-900' },
  '--ck-color-warning-subtle': { light: 'amber-100', dark: 'amber-900' },
  '--ck-color-focus': { light: 'indigo-500', dark: 'indigo-300' },
  '--ck-shadow-card': {
    light: { css: '0 1px 2px rgb(20 23 30 / 0.06), 0 8px 24px rgb(20 23 30 / 0.08)' },
    dark: { css: '0 1px 2px rgb(0 0 0 / 0.4), 0 8px 24px rgb(0 0 0 / 0.35)' },
  },
};

/** The default colors of each scheme as hex, the base of theme derivation. */
export const DEFAULT_COLORS = {
  light: Object.fromEntries(
    Object.entries(THEME_DEFAULTS).map(([field, value]) => [field, PRIMITIVE_COLORS[value.light]]),
  ),
  dark: Object.fromEntries(
    Object.entries(THEME_DEFAULTS).map(([field, value]) => [field, PRIMITIVE_COLORS[value.dark]]),
  ),
} as Record<'light' | 'dark', Required<Omit<ThemeColors, 'onBrand'>>>;

function cssOf(value: Value): string {
  return typeof value === 'string' ? `var(--ck-color-${value})` : value.css;
}

function schemeDeclarations(scheme: 'light' | 'dark'): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const [field, token] of Object.entries(THEME_COLOR_TOKENS)) {
    declarations[token] = cssOf(THEME_DEFAULTS[field as keyof typeof THEME_DEFAULTS][scheme]);
  }
  for (const [token, values] of Object.entries(OTHER_SCHEME_TOKENS)) declarations[token] = cssOf(values[scheme]);
  declarations['color-scheme'] = scheme;
  return declarations;
}

/**
 * The palette as CSS for `.ck-root`, inside `@layer consent-kit`: the primitives and the light
 * scheme, then the dark scheme when the system asks for it or `data-theme="dark"` forces it.
 */
export function paletteCss(): string {
  const primitives: Record<string, string> = {};
  for (const [name, hex] of Object.entries(PRIMITIVE_COLORS)) primitives[`--ck-color-${name}`] = hex;
  const header = '/* consent-kit palette: generated from src/theme/palette.ts */\n';
  const rules = schemeRules('.ck-root', { ...primitives, ...schemeDeclarations('light') }, schemeDeclarations('dark'));
  return `${header}@layer consent-kit {\n${rules}}\n`;
}
