/**
 * Vite settings of the Storybook build. No plugin-react is installed: Vite 8's oxc compiles
 * JSX. `development: false` is pinned because Vitest sets NODE_ENV=test, which would otherwise
 * make oxc emit `jsxDEV` calls against the production React of a nested build (the story tests
 * build Storybook from inside Vitest).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', development: false } },
  logLevel: 'warn',
  build: {
    rolldownOptions: {
      // "use client" directives (the kit's own entry has one) mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
