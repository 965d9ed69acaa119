/**
 * The packed tarball as the registry would serve it: publint (the package.json against what the
 * tarball holds), @arethetypeswrong/cli (types and runtime resolve alike for every entry, in
 * node10, node16 ESM and bundler resolution), what it ships, and npm's own resolution of its
 * peer ranges at their lowest and highest majors (no second i18next under consent-kit).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { output, projectBin, runIn } from './support/run.js';

describe('given the packed tarball', () => {
  it('should pass publint, suggestions included', async () => {
    const result = await runIn(inject('integrationDir'), projectBin('publint'), [
      'run',
      inject('tarball'),
      '--level',
      'suggestion',
      '--strict',
    ]);
    expect(result.code, output(result)).toBe(0);
    expect(result.stdout).toContain('All good!');
  });

  it('should pass @arethetypeswrong/cli for every entry', async () => {
    // Two exceptions, both by design. cjs-resolves-to-esm: the package is ES modules only, and
    // CommonJS loads them through require(esm) on the Node versions of `engines` (attw predates
    // require(esm); node.test.ts requires every entry). ./styles.css is a stylesheet, not a module.
    const result = await runIn(inject('integrationDir'), projectBin('attw'), [
      inject('tarball'),
      '--ignore-rules',
      'cjs-resolves-to-esm',
      '--exclude-entrypoints',
      './styles.css',
      '--format',
      'table-flipped',
    ]);
    expect(result.code, output(result)).toBe(0);
    expect(result.stdout).toContain('No problems found');
  });

  it('should ship the build, the license and the manifest, and nothing from the sources', async () => {
    const list = await runIn(inject('integrationDir'), 'tar', ['-tzf', inject('tarball')]);
    const files = list.stdout.trim().split('\n');
    for (const file of ['package/package.json', 'package/LICENSE', 'package/README.md', 'package/dist/index.js']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => !/^package\/(dist\/|package\.json$|LICENSE$|README\.md$)/.test(file))).toEqual([]);
  });
});

/**
 * npm's resolution of a host's install, lock only (`--package-lock-only`: metadata from the
 * registry into a cache in this run's temp folder, no tarball downloaded), at the lowest and the
 * highest majors of the peer ranges. A range that excluded the host's i18next would fail here
 * with ERESOLVE; i18next as a dependency would nest its own copy under consent-kit.
 */
describe.each([
  {
    host: 'React 18, i18next 25, react-i18next 15',
    packages: ['react@18.3.1', 'react-dom@18.3.1', 'i18next@25.0.0', 'react-i18next@15.0.0'],
  },
  {
    host: 'React 19, i18next 27, react-i18next 18',
    packages: ['react@19', 'react-dom@19', 'i18next@27', 'react-i18next@18'],
  },
])('given npm installing the tarball beside $host', ({ packages }) => {
  it('should resolve one copy of each peer, the host’s', async () => {
    const dir = join(inject('integrationDir'), `npm-${packages.join('-').replace(/[^\w.-]/g, '_')}`);
    await mkdir(dir);
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'host', version: '1.0.0', private: true }));
    const result = await runIn(dir, 'npm', [
      'install',
      '--package-lock-only',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--cache',
      join(dir, '.npm-cache'),
      inject('tarball'),
      ...packages,
    ]);
    expect(result.code, output(result)).toBe(0);
    const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string }>;
    };
    const copies = (name: string) =>
      Object.entries(lock.packages)
        .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
        .map(([path, { version }]) => `${path}@${version}`);
    for (const spec of packages) {
      const [name, version] = spec.split('@') as [string, string];
      expect(copies(name)).toEqual([
        expect.stringMatching(new RegExp(`^node_modules/${name}@${version.replaceAll('.', '\\.')}`)),
      ]);
    }
  });
});
