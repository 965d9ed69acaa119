/**
 * The Vite settings every browser page built outside the library shares (the demo pages, the
 * render benchmark, the story tests' host page): production React and the production JSX
 * transform. Both are pinned because Vitest sets NODE_ENV=test, which otherwise makes oxc emit
 * `jsxDEV` calls against production React in a nested build.
 */
import type { InlineConfig } from 'vite';

export const PRODUCTION_PAGE = {
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { runtime: 'automatic', development: false } },
} as const satisfies InlineConfig;
