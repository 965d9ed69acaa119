/**
 * `consent-kit/theme`: compiling a theme, without React and without the `'use client'`
 * directive of the React entry, so a React Server Component (Next.js app router), a Node server
 * or a build script can call it: `themeToCss(createTheme(…))` for a server-rendered page's
 * stylesheet, `createTheme` to hand a compiled theme to a client component. The same functions
 * are exported by `consent-kit` too.
 *
 * @packageDocumentation
 */
export { contrast } from './color.js';
export { deriveBrand, themeToCss, themeVariables } from './derive.js';
export type { BrandColors, ThemeCssOptions } from './derive.js';
export { createTheme } from './compile.js';
export { mergeThemes, resolveBranding } from './model.js';
export type { Branding, ColorScheme, CompiledTheme, Theme, ThemeColors, ThemeLogo } from './model.js';
export { presets } from './presets.js';
export type { PresetName } from './presets.js';
