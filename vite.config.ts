/// <reference types="vitest/config" />
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { shippedStyles } from './scripts/kit-styles.js';

/** The sign-in kit's modules: the parts, their hook, and the ready screen. */
const SIGN_IN_MODULES = /[\\/]src[\\/]sign-in[\\/]|[\\/]src[\\/]screens[\\/]sign-in-screen\.tsx$/;

/**
 * The React half both screens share: not `theme/`'s compiler (`consent-kit/theme`, and the
 * branding chunk), nor the locale loader (a chunk of its own, for pages not in English).
 */
const SHARED_REACT_MODULES =
  /[\\/]src[\\/](?:ui|kit|consent)[\\/]|[\\/]src[\\/]screens[\\/](?!sign-in-screen\.tsx$)|[\\/]src[\\/]i18n[\\/](?!load\.ts$)|[\\/]src[\\/]theme[\\/](?:runtime|context)\.tsx$/;

/** Runtime imports the library leaves to the host: peers, its own dependencies and Node built-ins. */
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^i18next$/,
  /^react-i18next$/,
  /^@radix-ui\//,
  /^node:/,
  // Server only: the stores' limiter and LRU, and the host's own Redis client (an optional peer).
  /^rate-limiter-flexible$/,
  /^lru-cache$/,
  /^ioredis$/,
];

/**
 * Emits `styles.css` (tokens with the generated palette, the primitives, then one file per
 * screen, all inside `@layer consent-kit`; see scripts/kit-styles.ts) and the locale files as
 * plain JSON, so hosts can load them without a bundler.
 */
function staticAssets(): Plugin {
  return {
    name: 'consent-kit:static-assets',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'styles.css', source: shippedStyles() });
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

/**
 * Time limits catch hangs, not slowness. CI machines are shared: a 2-core machine running other
 * jobs beside this suite has been measured 20-30x slower than an idle one, so every limit is far
 * above the idle time of what it guards (jsdom tests take well under 0.5 s idle, a browser test a
 * few seconds). The browser suites' Playwright waits (120 s, test/e2e/support/browser.ts) stay
 * below their test limit, so a hang reports what it was waiting for.
 */
const TEST_LIMIT = { node: 60_000, browser: 300_000, browserHooks: 600_000 };

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [staticAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        client: 'src/client/index.ts',
        server: 'src/server/index.ts',
        theme: 'src/theme/entry.ts',
        render: 'src/render/index.tsx',
        // Its own entry, so hosts without Redis never load the Redis code.
        'server-redis': 'src/server/redis.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // The sign-in kit in a chunk of its own, so that a host bundling only the consent screen
        // (or InteractionScreen on a consent step) tree-shakes it away: the entry re-exports it,
        // and the consent screen imports it dynamically, after "Not you?".
        // What both screens share goes to a chunk of its own first, so the sign-in group holds
        // nothing the consent screen needs.
        codeSplitting: {
          groups: [
            // Browser and Node code of every entry: never pulled into a React chunk.
            { name: 'protocol', test: /[\\/]src[\\/]protocol[\\/]/, priority: 4 },
            { name: 'client', test: /[\\/]src[\\/]client[\\/]/, priority: 3 },
            { name: 'screens', test: SHARED_REACT_MODULES, priority: 2 },
            { name: 'sign-in', test: SIGN_IN_MODULES, priority: 1 },
          ],
        },
        // The React entry is a client module for React Server Components hosts (Next.js app router).
        banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
        // Chunks a server may preload for a step (`preloadLinks`) carry a readable name. The
        // locale chunks and their loader carry no hash: the host's bundler adds its own, and 30
        // hashes in the loader's table of chunks are bytes no compression saves.
        chunkFileNames: (chunk) => {
          const locale = /[\\/]locales[\\/]([\w-]+)[\\/]consent-kit\.json$/.exec(chunk.facadeModuleId ?? '')?.[1];
          if (locale) return `locale-${locale}.js`;
          if (/[\\/]i18n[\\/]load\.ts$/.test(chunk.facadeModuleId ?? '')) return 'locale-loader.js';
          return '[name]-[hash].js';
        },
      },
    },
  },
  test: {
    globals: true,
    // Two test files at a time, whatever the core count: Vitest's default (cores - 1) is one on
    // a 2-core machine, which ran the whole suite file after file while the browser suites spent
    // most of their time waiting for Chromium. The limits above are sized for the contention.
    maxWorkers: 2,
    // Global set-ups stop a browser and servers when the run ends; 10 s by default.
    teardownTimeout: TEST_LIMIT.browserHooks,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          // One jsdom and one module graph per worker rather than per file: building a fresh
          // window and re-importing React, the kit and Testing Library for each of the 23 files
          // cost 9 s of environment set-up and cold (unoptimized) first renders, which is what
          // pushed single tests past their limit on a loaded machine. Testing Library's cleanup
          // runs after every test (test/setup/jsdom.ts); no test relies on module state.
          isolate: false,
          testTimeout: TEST_LIMIT.node,
          hookTimeout: TEST_LIMIT.node,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup/jsdom.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          testTimeout: TEST_LIMIT.node,
          // beforeAll starts real providers (oidc-provider, Better Auth): Vitest's 10 s default
          // hook limit is within reach of a loaded machine.
          hookTimeout: TEST_LIMIT.node,
          include: ['test/server/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          // Runs `npm run build` (vite + tsc) inside the test.
          testTimeout: TEST_LIMIT.browser,
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
          testTimeout: TEST_LIMIT.browser,
          hookTimeout: TEST_LIMIT.browserHooks,
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
          testTimeout: TEST_LIMIT.browser,
          hookTimeout: TEST_LIMIT.browserHooks,
        },
      },
    ],
  },
});
