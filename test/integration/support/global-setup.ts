/**
 * Packs consent-kit once per run, the way it is published: the working tree's sources are copied
 * into this run's temp folder (never touching the project's own `dist/`, which the package suite
 * rebuilds at the same time), built with `npm run build`, and packed with `npm pack`. Every
 * integration test installs that tarball, never the sources.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The packed `consent-kit-<version>.tgz`. */
    tarball: string;
    /** This run's temp folder; fixture apps go in folders of their own under it. */
    integrationDir: string;
  }
}

const run = promisify(execFile);

/** What `npm run build` and `npm pack` read: the manifest, the sources and the build scripts. */
const SOURCES = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts',
  'src',
];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'consent-kit-integration-'));
  const source = join(dir, 'source');
  await mkdir(source);
  for (const entry of SOURCES) await cp(join(PROJECT_ROOT, entry), join(source, entry), { recursive: true });
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const env = { ...process.env, NODE_ENV: 'production' };
  await run('npm', ['run', 'build'], { cwd: source, env, maxBuffer: 64 * 1024 * 1024 });
  await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: source, env });
  const tarball = (await readdir(dir)).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  project.provide('tarball', join(dir, tarball));
  project.provide('integrationDir', dir);
  console.log(`integration: packed ${tarball} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return () => rm(dir, { recursive: true, force: true });
}
