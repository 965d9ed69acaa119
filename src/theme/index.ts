/**
 * Theming: the typed theme model, presets, brand-color derivation with WCAG contrast, and the
 * conversion to `--ck-` CSS variables (at run time through the provider's `theme` prop, or as
 * a stylesheet with `themeToCss`).
 */
export { contrast, parseColor, toHex } from './color.js';
export { DEFAULT_COLORS, TEXT_CONTRAST, UI_CONTRAST, deriveBrand, themeToCss, themeVariables } from './derive.js';
export type { BrandColors, Derived, ThemeCssOptions } from './derive.js';
export { createTheme } from './compile.js';
export { brandingToTheme, mergeThemes, resolveBranding } from './model.js';
export type { Branding, ColorScheme, CompiledTheme, Theme, ThemeColors, ThemeLogo } from './model.js';
export { presets } from './presets.js';
export type { PresetName } from './presets.js';
export { requestBranding } from './request.js';
export type { RequestBranding } from './request.js';
export { BrandLogo } from './brand-logo.js';
export type { BrandLogoProps } from './brand-logo.js';
