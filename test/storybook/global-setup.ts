/**
 * Builds, once per run and into this run's own temp folder: the Storybook (as CI and designers
 * get it from `npm run build-storybook`) and the host page of the no-leak / strict-CSP checks.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { PRODUCTION_PAGE } from '../../scripts/production-page.js';
import type { TestProject } from 'vitest/node';
import { themeToCss } from '../../src/theme/derive.js';
import { THEME } from './host/theme.js';

declare module 'vitest' {
  export interface ProvidedContext {
    storybookDir: string;
    hostPageDir: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `storybook build` in a child process, with a production NODE_ENV (Vitest sets `test`). */
export async function buildStorybook(outDir: string): Promise<void> {
  await promisify(execFile)(join(root, 'node_modules/.bin/storybook'), ['build', '--quiet', '-o', outDir], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', STORYBOOK_DISABLE_TELEMETRY: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The host page: a site with its own styles that mounts the kit on demand. */
export async function buildHostPage(outDir: string): Promise<void> {
  await build({
    ...PRODUCTION_PAGE,
    root: fileURLToPath(new URL('./host/', import.meta.url)),
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // No data: URLs: the page's CSP allows images and fonts from 'self' only.
      assetsInlineLimit: 0,
    },
  });
  // The stylesheet route of the same theme, as a host would ship it.
  await writeFile(join(outDir, 'theme.css'), themeToCss(THEME));
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-kit-storybook-'));
  const storybookDir = join(dir, 'storybook');
  const hostPageDir = join(dir, 'host');
  await buildStorybook(storybookDir);
  await buildHostPage(hostPageDir);
  project.provide('storybookDir', storybookDir);
  project.provide('hostPageDir', hostPageDir);
  return () => rm(dir, { recursive: true, force: true });
}
