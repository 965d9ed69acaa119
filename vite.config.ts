/// <reference types="vitest/config" />
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/** Runtime imports the library leaves to the host: peers, its own dependencies and Node built-ins. */
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^i18next$/, /^react-i18next$/, /^node:/];

/**
 * Emits `styles.css` (tokens first, then one file per screen, all inside `@layer consent-kit`)
 * and the locale files as plain JSON, so hosts can load them without a bundler.
 */
function staticAssets(): Plugin {
  return {
    name: 'consent-kit:static-assets',
    apply: 'build',
    generateBundle() {
      const order = ['tokens.css'];
      const files = readdirSync('src/styles').filter((f) => f.endsWith('.css'));
      const sorted = [...order.filter((f) => files.includes(f)), ...files.filter((f) => !order.includes(f)).sort()];
      const css = sorted.map((f) => readFileSync(join('src/styles', f), 'utf8')).join('\n');
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: css });
      for (const lng of readdirSync('src/locales')) {
        for (const file of readdirSync(join('src/locales', lng))) {
          this.emitFile({
            type: 'asset',
            fileName: `locales/${lng}/${file}`,
            source: readFileSync(join('src/locales', lng, file), 'utf8'),
          });
        }
      }
    },
  };
}

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [staticAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: { index: 'src/index.ts', client: 'src/client/index.ts', server: 'src/server/index.ts' },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // The React entry is a client module for React Server Components hosts (Next.js app router).
        banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/jsdom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['test/package/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The built Storybook and a strict-CSP host page, in Chromium (test/storybook).
          name: 'storybook',
          environment: 'node',
          include: ['test/storybook/**/*.test.ts'],
          globalSetup: ['test/storybook/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
