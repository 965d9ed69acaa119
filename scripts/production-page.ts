/**
 * The Vite settings every browser page built outside the library shares (the demo pages, the
 * render benchmark, the story tests' host page): production React and the production JSX
 * transform, and the kit's stylesheets as they ship (`kitStyles`). React's mode is pinned
 * because Vitest sets NODE_ENV=test, which otherwise makes oxc emit `jsxDEV` calls against
 * production React in a nested build.
 */
import type { InlineConfig } from 'vite';
import { kitStyles } from './kit-styles.js';

export const PRODUCTION_PAGE = {
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', development: false } },
  plugins: [kitStyles()],
} as const satisfies InlineConfig;
