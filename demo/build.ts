/**
 * Builds the demo's two browser pages with Vite: the IdP's interaction page (which embeds
 * consent-kit) and the third-party SPA. `npm start` and the end-to-end tests both call it.
 */
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

/** Where the built pages go. */
export const BUILD_DIR = fileURLToPath(new URL('./.build/', import.meta.url));
export const INTERACTION_DIR = `${BUILD_DIR}interaction`;
export const SPA_DIR = `${BUILD_DIR}spa`;
/** URL prefix under which the IdP serves the interaction page's assets. */
export const INTERACTION_ASSETS_PREFIX = '/interaction-ui/';

function page(root: string, base: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root: fileURLToPath(new URL(root, import.meta.url)),
    base,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: { outDir, emptyOutDir: true, sourcemap: true, target: 'es2022' },
  };
}

/** Builds both pages. */
export async function buildDemo(): Promise<void> {
  await build(page('./interaction/', INTERACTION_ASSETS_PREFIX, INTERACTION_DIR));
  await build(page('./app/spa/', '/spa/', SPA_DIR));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDemo();
}
