/**
 * The packed consent-kit on the server side and in the module systems hosts use: a Node ESM
 * server (Express 5 + oidc-provider + the bridge, driven by the kit's client), a CommonJS
 * `require` (ES modules only, loaded through Node's require(esm): the documented outcome),
 * TypeScript `nodenext` in a CommonJS project (type-checks and then runs), and
 * `moduleResolution: "node"` (types through typesVersions).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import en from '../../src/locales/en/consent-kit.json';
import { consentStep } from '../fixtures/steps.js';
import { copyApp, installApp } from './support/install.js';
import { output, projectBin, runIn } from './support/run.js';

/** The last line a fixture script printed, as JSON. */
const printed = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');

describe('given a Node ESM server importing consent-kit/server and consent-kit/client', () => {
  it('should sign in and consent through the bridge behind Express, ending at the app with a code', async () => {
    const app = await copyApp('node-esm', inject('integrationDir'));
    await installApp(app, inject('tarball'), { packages: ['express', 'oidc-provider'] });
    const result = await runIn(app, process.execPath, ['server.mjs']);
    expect(result.code, output(result)).toBe(0);
    expect(printed(result.stdout)).toEqual({
      login: 'login',
      wrongPassword: 'invalid_credentials',
      consent: { kind: 'consent', user: 'Alice Example', scopes: ['openid', 'email'] },
      callback: { origin: 'http://127.0.0.1:9', hasCode: true, state: 'state-1' },
      redisEntry: 'function',
    });
  });
});

describe('given a CommonJS project', () => {
  it('should require every entry (require(esm)) and render the consent screen on the server', async () => {
    const app = await copyApp('cjs', inject('integrationDir'), 'cjs-require');
    await installApp(app, inject('tarball'), { host: 'react-19' });
    const step = consentStep();
    const result = await runIn(app, process.execPath, ['require.js', JSON.stringify(step)]);
    expect(result.code, output(result)).toBe(0);
    expect(printed(result.stdout)).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      kind: 'consent',
      bridge: 'function',
      error: true,
      heading: en.consent.title.replace('{{app}}', step.client.name),
    });
    // Loaded without Node's experimental warning (and without any other).
    expect(result.stderr).toBe('');
  });

  it('should type-check with TypeScript nodenext and then run as compiled (require calls)', async () => {
    const app = await copyApp('cjs', inject('integrationDir'), 'cjs-nodenext');
    await installApp(app, inject('tarball'), { host: 'react-19', packages: ['@types/node'] });
    const compiled = await runIn(app, projectBin('tsc'), ['-p', 'tsconfig.json']);
    expect(compiled.code, output(compiled)).toBe(0);
    const result = await runIn(app, process.execPath, [join('out', 'index.js')]);
    expect(result.code, output(result)).toBe(0);
    expect(printed(result.stdout)).toEqual({ loaded: null, code: 'invalid_request', store: 'object' });
  });
});

/**
 * TypeScript 7 (the project's) has dropped `moduleResolution: "node"`; hosts still on it run
 * TypeScript 5. The one here is the compiler @arethetypeswrong/core depends on (5.6).
 */
const typescript5 = join(
  dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/core/package.json')),
  'node_modules/typescript/bin/tsc',
);

describe('given TypeScript 5 with moduleResolution node (node10)', () => {
  it('should find the types of every entry and the stylesheet', async () => {
    const app = await copyApp('node10', inject('integrationDir'));
    await installApp(app, inject('tarball'), { host: 'react-19', packages: ['@types/node'] });
    const version = await runIn(app, process.execPath, [typescript5, '--version']);
    expect(version.stdout).toMatch(/^Version 5\./);
    const result = await runIn(app, process.execPath, [typescript5, '-p', 'tsconfig.json']);
    expect(result.code, output(result)).toBe(0);
  });
});
