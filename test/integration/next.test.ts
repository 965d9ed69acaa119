/**
 * The packed consent-kit in a Next.js 15 App Router app (apps/next) on the React 19 host's
 * packages: a Server Component compiles the operator's theme through `consent-kit/theme`, a
 * client component mounts `InteractionScreen`, and route handlers answer the kit protocol.
 * `next build` must succeed (the theme entry carries no 'use client' and needs no React) and
 * `next start` must serve a page that renders and acts in Chromium with no console warning.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../../src/locales/en/consent-kit.json';
import type { ConsentStep } from '../../src/protocol/interaction.js';
import { launchBrowser, openWatchedPage } from '../e2e/support/browser.js';
import { consentStep } from '../fixtures/steps.js';
import { copyApp, installApp } from './support/install.js';
import { output, runIn } from './support/run.js';

/** The step served, without image URLs: the page loads nothing from the network. */
function payload(): ConsentStep {
  const step = consentStep({ uid: 'consent-next' });
  delete step.client.logo;
  delete step.user.avatar;
  delete step.consent.organizations;
  return step;
}
const STEP = payload();

/** Next's CLI as installed in the app; telemetry off (no network). */
const NEXT = ['node_modules/next/dist/bin/next'];
const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: '1' };

/** A free port on 127.0.0.1 (`next start` takes a port, not 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `next start` and resolves once it answers. */
async function start(app: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: app,
    env: { ...process.env, ...NEXT_ENV, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  // A hang guard, not a speed check: polled until it answers or the process ends.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${log}`);
    const answered = await fetch(`${url}/interaction/${STEP.uid}/details`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let browser: Browser;
let app: string;
let server: { url: string; child: ChildProcess } | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await copyApp('next', inject('integrationDir'));
  await installApp(app, inject('tarball'), { host: ['react-19', 'next'] });
  await writeFile(join(app, 'steps.json'), JSON.stringify({ [STEP.uid]: STEP }));
});
afterAll(async () => {
  server?.child.kill();
  await browser?.close();
});

describe('given a Next.js 15 App Router app', () => {
  it('should build, with the theme compiled in a Server Component', async () => {
    const result = await runIn(app, process.execPath, [...NEXT, 'build'], { ...NEXT_ENV, NODE_ENV: 'production' });
    expect(result.code, output(result)).toBe(0);
    // The interaction route is a server-rendered page, not an error page.
    expect(result.stdout).toMatch(/\/interaction\/\[uid\]/);
  });

  it('should serve the themed consent screen, render it in Chromium and authorize', async () => {
    server = await start(app);
    const { page, problems } = await openWatchedPage(browser);
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    try {
      const response = await page.goto(`${server.url}/interaction/${STEP.uid}`);
      // The Server Component's stylesheet, compiled on the server, is in the page.
      expect(await response?.text()).toContain('--ck-color-accent: #0e7490;');
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(en.consent.title.replace('{{app}}', STEP.client.name));
      // The theme applies to the kit's root, and the host's class reaches it.
      expect(
        await page.evaluate(() => {
          const root = document.querySelector('.host-screen');
          return [
            root?.classList.contains('ck-root'),
            root && getComputedStyle(root).getPropertyValue('--ck-color-accent').trim(),
          ];
        }),
      ).toEqual([true, '#0e7490']);

      await page.getByRole('button', { name: en.consent.authorize }).click();
      const events = () => page.evaluate(() => (window as { hostEvents?: { type: string }[] }).hostEvents ?? []);
      await expect.poll(async () => (await events()).map((event) => event.type)).toEqual(['decision', 'redirect']);
      expect((await events())[1]).toEqual({
        type: 'redirect',
        url: `https://app.example.test/callback?step=${STEP.uid}&action=consent`,
      });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
