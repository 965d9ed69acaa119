/**
 * `npm run build` produces what package.json promises: every entry point with its types, the
 * stylesheet and the locales, importable by package name the way a host app imports them.
 */
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const exists = (path: string) => access(new URL(path, root)).then(() => true, () => false);

type Export = string | { types: string; import: string };
const exportsMap = pkg.exports as Record<string, Export>;

// A hang guard, not a speed check: the build takes about 15 s idle and several times that on a
// loaded CI machine.
beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: root });
}, 600_000);

describe('given a fresh library build', () => {
  it.each(['.', './client', './server', './server/redis'])('should write the %s entry point and its type declarations', async (entry) => {
    const target = exportsMap[entry] as { types: string; import: string };
    await expect(exists(target.import)).resolves.toBe(true);
    await expect(exists(target.types)).resolves.toBe(true);
  });

  it('should mark the React entry as a client module and keep React and i18next external', async () => {
    const entry = exportsMap['.'] as { import: string };
    const source = await readFile(new URL(entry.import, root), 'utf8');
    expect(source.startsWith('"use client";') || source.startsWith("'use client';")).toBe(true);
    expect(source).toMatch(/from "react"|from 'react'/);
    expect(source).not.toContain('function useState(');
  });

  it('should ship the stylesheet inside the consent-kit cascade layer', async () => {
    const css = await readFile(new URL(exportsMap['./styles.css'] as string, root), 'utf8');
    expect(css).toContain('@layer consent-kit');
    expect(css).toContain('--ck-');
  });

  it('should ship every bundled locale as JSON under ./locales', async () => {
    for (const lng of ['en', 'ko']) {
      const json = JSON.parse(await readFile(new URL(`dist/locales/${lng}/consent-kit.json`, root), 'utf8')) as object;
      expect(Object.keys(json).length).toBeGreaterThan(0);
    }
  });

  it('should let Node import consent-kit/client, consent-kit/server and consent-kit/server/redis by package name', async () => {
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
    const server = await readFile(new URL((exportsMap['./server'] as { import: string }).import, root), 'utf8');
    expect(server).not.toMatch(/RateLimiterRedis|createRedisStore|ioredis/);
    const redis = await readFile(new URL((exportsMap['./server/redis'] as { import: string }).import, root), 'utf8');
    expect(redis).toContain('RateLimiterRedis');
    // The host hands its own ioredis client in: the entry never imports one.
    expect(redis).not.toMatch(/from ["']ioredis["']/);
  });
});
