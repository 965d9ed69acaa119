/**
 * Vite settings of the Storybook build. No plugin-react is installed: Vite 8's oxc compiles
 * JSX. `development: false` is pinned because Vitest sets NODE_ENV=test, which would otherwise
 * make oxc emit `jsxDEV` calls against the production React of a nested build (the story tests
 * build Storybook from inside Vitest).
 */
import { defineConfig } from 'vite';
import { kitStyles } from '../scripts/kit-styles.js';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', development: false } },
  logLevel: 'warn',
  // The stylesheets as they ship; also keeps "use client" directive warnings out of the bundle.
  plugins: [kitStyles()],
});
