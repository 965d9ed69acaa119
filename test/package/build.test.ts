/**
 * `npm run build` produces what package.json promises: every entry point with its types, the
 * stylesheet and the locales, importable by package name the way a host app imports them.
 */
import { execFile } from 'node:child_process';
import { access, readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import postcss from 'postcss';
import pkg from '../../package.json' with { type: 'json' };
import { STYLESHEETS, stylesheet } from '../../scripts/kit-styles.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const exists = (path: string) =>
  access(new URL(path, root)).then(
    () => true,
    () => false,
  );

type Export = string | { types: string; default: string };

/**
 * The top-level statements of `css` that are not a `@layer consent-kit` block (comments aside):
 * the kit must never style the host page outside its layer, or an unlayered host rule would
 * no longer win.
 */
function outsideTheLayer(css: string): string[] {
  return postcss
    .parse(css)
    .nodes.filter(
      (node) =>
        node.type !== 'comment' && !(node.type === 'atrule' && node.name === 'layer' && node.params === 'consent-kit'),
    )
    .map((node) =>
      node.type === 'rule'
        ? `rule ${node.selector}`
        : node.type === 'atrule'
          ? `atrule @${node.name} ${node.params}`
          : node.type,
    );
}
const exportsMap = pkg.exports as Record<string, Export>;

// A hang guard, not a speed check: the build takes about 15 s idle and several times that on a
// loaded CI machine.
beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: root });
}, 600_000);

describe('given a fresh library build', () => {
  it.each(['.', './client', './server', './server/redis'])(
    'should write the %s entry point and its type declarations',
    async (entry) => {
      const target = exportsMap[entry] as { types: string; default: string };
      await expect(exists(target.default)).resolves.toBe(true);
      await expect(exists(target.types)).resolves.toBe(true);
    },
  );

  it('should write declarations that import no JSON (a host without resolveJsonModule reads them)', async () => {
    const dir = new URL('dist/types/', root);
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(20);
    const jsonImports: string[] = [];
    for (const file of files) {
      const source = await readFile(new URL(file, dir), 'utf8');
      if (/from ['"][^'"]*\.json['"]|import\(['"][^'"]*\.json['"]\)/.test(source)) jsonImports.push(file);
    }
    expect(jsonImports).toEqual([]);
    // The typed keys survive: the English file's shape is written in their place.
    const keys = await readFile(new URL('i18n/keys.d.ts', dir), 'utf8');
    expect(keys).toMatch(/declare const en: \{\n\s+"common": \{/);
  });

  it('should mark the React entry as a client module and keep React and i18next external', async () => {
    const entry = exportsMap['.'] as { default: string };
    const source = await readFile(new URL(entry.default, root), 'utf8');
    expect(source.startsWith('"use client";') || source.startsWith("'use client';")).toBe(true);
    expect(source).toMatch(/from "react"|from 'react'/);
    expect(source).not.toContain('function useState(');
  });

  it('should ship every stylesheet, each with every top-level rule inside the consent-kit layer', async () => {
    const css = await readFile(new URL((exportsMap['./styles.css'] as { default: string }).default, root), 'utf8');
    expect(outsideTheLayer(css)).toEqual([]);
    for (const name of STYLESHEETS) {
      expect([name, outsideTheLayer(stylesheet(name))]).toEqual([name, []]);
      // Shipped whole: the layer's rules of each file are all in styles.css.
      expect(css).toContain(stylesheet(name).trim());
    }
    expect(css).toContain('--ck-color-surface:');
  });

  it('should report a rule outside the layer, or in another layer', () => {
    expect(outsideTheLayer('@layer consent-kit { .ck-root { color: red; } }\n.ck-consent { color: blue; }')).toEqual([
      'rule .ck-consent',
    ]);
    expect(outsideTheLayer('@media (forced-colors: active) { @layer consent-kit { .a { color: red; } } }')).toEqual([
      'atrule @media (forced-colors: active)',
    ]);
    expect(outsideTheLayer('@layer other { .a { color: red; } } /* a comment */')).toEqual(['atrule @layer other']);
  });

  it('should ship every bundled locale as JSON under ./locales', async () => {
    for (const lng of ['en', 'ko']) {
      const json = JSON.parse(await readFile(new URL(`dist/locales/${lng}/consent-kit.json`, root), 'utf8')) as object;
      expect(Object.keys(json).length).toBeGreaterThan(0);
    }
  });

  it('should let Node import consent-kit/client, /server and /server/redis by package name', async () => {
    const script = `
      const client = await import('consent-kit/client');
      const server = await import('consent-kit/server');
      const redis = await import('consent-kit/server/redis');
      console.log(JSON.stringify([
        typeof client.createInteractionClient, typeof client.kitAdapter, typeof server.createOidcProviderBridge,
        typeof server.createMemoryStore, typeof redis.createRedisStore, typeof redis.createOidcRedisAdapter,
      ]));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function', 'function', 'function', 'function']);
  });

  it('should keep the Redis code out of consent-kit/server, and load no Redis client itself', async () => {
    const server = await readFile(new URL((exportsMap['./server'] as { default: string }).default, root), 'utf8');
    expect(server).not.toMatch(/RateLimiterRedis|createRedisStore|ioredis/);
    const redis = await readFile(new URL((exportsMap['./server/redis'] as { default: string }).default, root), 'utf8');
    expect(redis).toContain('RateLimiterRedis');
    // The host hands its own ioredis client in: the entry never imports one.
    expect(redis).not.toMatch(/from ["']ioredis["']/);
  });
});
