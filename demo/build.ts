/**
 * Builds the demo's two browser pages with Vite: the IdP's interaction page (which embeds
 * consent-kit) and the third-party SPA. `npm start` and the end-to-end tests both call it.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';
import { PRODUCTION_PAGE } from '../scripts/production-page.js';
import { precompress } from './precompress.js';

/** Where `npm start` puts the built pages; tests build into a folder of their own. */
export const BUILD_DIR = fileURLToPath(new URL('./.build/', import.meta.url));

/** The two pages' folders inside a build folder. */
export function buildPaths(dir = BUILD_DIR): { interaction: string; spa: string } {
  return { interaction: join(dir, 'interaction'), spa: join(dir, 'spa') };
}
/** URL prefix under which the IdP serves the interaction page's assets. */
export const INTERACTION_ASSETS_PREFIX = '/interaction-ui/';

function page(root: string, base: string, outDir: string): InlineConfig {
  return {
    ...PRODUCTION_PAGE,
    root: fileURLToPath(new URL(root, import.meta.url)),
    base,
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      target: 'es2022',
      // The IdP reads it to preload the chunks a step needs (`preloadLinks`).
      manifest: true,
      rolldownOptions: {
        onwarn(warning, warn) {
          // The demo page mounts <InteractionScreen>, which needs the sign-in kit up front; the
          // consent screen's lazy import of it only splits pages that render consent alone.
          if (warning.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
          warn(warning);
        },
      },
    },
  };
}

/** Builds both pages into `dir`, with compressed copies of the IdP page's assets. */
export async function buildDemo(dir = BUILD_DIR): Promise<void> {
  const paths = buildPaths(dir);
  await build(page('./interaction/', INTERACTION_ASSETS_PREFIX, paths.interaction));
  await precompress(join(paths.interaction, 'assets'));
  await build(page('./app/spa/', '/spa/', paths.spa));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildDemo();
}
