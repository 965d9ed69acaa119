/**
 * The kit's stylesheets as they ship. `src/styles/tokens.css` holds every token but the colors,
 * which are written once in the theme model (`src/theme/palette.ts`) and generated into it at
 * build time: by `kitStyles()` in every Vite build of a page that imports the stylesheets (the
 * demo, Storybook, the benchmarks, the story tests' host page), and by `shippedStyles()` for the
 * library's `styles.css`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { paletteCss } from '../src/theme/palette.js';

/** The stylesheets in cascade order: tokens, primitives, then each screen's. */
export const STYLESHEETS = ['tokens.css', 'ui.css', 'consent.css', 'sign-in.css'] as const;

const STYLES_DIR = resolve(import.meta.dirname, '../src/styles');
const TOKENS = join(STYLES_DIR, 'tokens.css');

/** One stylesheet as shipped (tokens.css with the generated palette first). */
export function stylesheet(name: (typeof STYLESHEETS)[number]): string {
  const source = readFileSync(join(STYLES_DIR, name), 'utf8');
  return name === 'tokens.css' ? `${paletteCss()}\n${source}` : source;
}

/** `consent-kit/styles.css`: every stylesheet, in cascade order. */
export function shippedStyles(): string {
  return STYLESHEETS.map(stylesheet).join('\n');
}

/**
 * For Vite builds of pages that import `src/styles/*.css`: adds the generated palette to
 * tokens.css, and keeps out the warning about the `"use client"` directive that Radix's modules
 * start with, which means nothing in a page bundle.
 */
export function kitStyles(): Plugin {
  return {
    name: 'consent-kit:styles',
    enforce: 'pre',
    transform(code, id) {
      if (id.split('?')[0] !== TOKENS) return undefined;
      return { code: `${paletteCss()}\n${code}`, map: null };
    },
    onLog(_level, log) {
      if (log.code === 'MODULE_LEVEL_DIRECTIVE') return false;
      return undefined;
    },
  };
}
