/**
 * Builds the demo pages once for every end-to-end test file, into a folder of this run's own,
 * so that two test runs on one machine never overwrite each other's pages.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildDemo } from '../../../demo/build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    demoBuildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-kit-e2e-'));
  await buildDemo(dir);
  project.provide('demoBuildDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
