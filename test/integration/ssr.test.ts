/**
 * A host that renders on the server with the packed consent-kit, on React 18 and on React 19:
 * a plain Node server (apps/ssr/server.mjs) renders a Korean consent step and an Arabic sign-in
 * step with `consent-kit/server/render`, embeds each step and preloads the chunks it needs from
 * the Vite manifest of its page script; the page script (apps/ssr/src/hydrate.tsx, built in
 * development mode) preloads the step and hydrates it in Chromium. The screen must arrive in
 * the HTML in its language, hydrate with no mismatch (the server's elements kept, no error
 * recovered, no console warning), and then act.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ar from '../../src/locales/ar/consent-kit.json';
import ko from '../../src/locales/ko/consent-kit.json';
import type { ConsentStep, LoginStep } from '../../src/protocol/interaction.js';
import { launchBrowser, openWatchedPage } from '../e2e/support/browser.js';
import { consentStep, sessionLoginStep } from '../fixtures/steps.js';
import { copyApp, type Host, installApp } from './support/install.js';
import { output, projectBin, runIn } from './support/run.js';

/**
 * The steps the server renders, without image URLs: the page loads nothing from the network
 * (an unreachable host would log a failed request, and the test allows no console error).
 */
function koreanConsent(): ConsentStep {
  const step = consentStep({ uid: 'consent-ko', uiLocales: ['ko'] });
  delete step.client.logo;
  delete step.user.avatar;
  delete step.consent.organizations;
  return step;
}

function arabicSignIn(): LoginStep {
  const step = sessionLoginStep();
  step.uid = 'login-ar';
  step.uiLocales = ['ar'];
  delete step.client.logo;
  return step;
}

const STEPS = { 'consent-ko': koreanConsent(), 'login-ar': arabicSignIn() };

/** Starts `node server.mjs` in `app` and resolves with the URL it printed. */
function startServer(app: string): Promise<{ url: string; child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: app,
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const line = /\{"url":"[^"]+"\}/.exec(log)?.[0];
      if (line) resolve({ url: JSON.parse(line).url, child, log: () => log });
    });
    child.on('exit', (code) => reject(new Error(`the SSR host exited (${code}) before listening:\n${log}`)));
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['react-18', 'react-19'] as const satisfies readonly Host[])(
  'given a server-rendering Node host on %s',
  (host) => {
    let app: string;
    let server: Awaited<ReturnType<typeof startServer>> | undefined;

    beforeAll(async () => {
      app = await copyApp('ssr', inject('integrationDir'), `ssr-${host}`);
      await installApp(app, inject('tarball'), { host });
      await writeFile(join(app, 'steps.json'), JSON.stringify(STEPS));
    });
    afterAll(() => {
      server?.child.kill();
    });

    it('should type-check the page script and build it with its manifest', async () => {
      const checked = await runIn(app, projectBin('tsc'), ['-p', 'tsconfig.json']);
      expect(checked.code, output(checked)).toBe(0);
      const built = await runIn(app, projectBin('vite'), ['build', '--mode', 'development'], {
        NODE_ENV: 'development',
      });
      expect(built.code, output(built)).toBe(0);
      server = await startServer(app);
    });

    /**
     * Opens an interaction page; returns its HTML as the server sent it and every console
     * warning and error and uncaught error of the page.
     */
    async function open(uid: string): Promise<{ page: Page; html: string; problems: string[] }> {
      expect(server, 'the server of the previous test').toBeDefined();
      const { page, problems } = await openWatchedPage(browser);
      const response = await page.goto(`${server!.url}/interaction/${uid}`);
      const html = (await response?.text()) ?? '';
      await page.waitForFunction(() => window.ssr?.hydrated === true);
      return { page, html, problems };
    }

    /** The kit's strings and branding the page carries (`preloadElement`), parsed. */
    function preloaded(html: string): unknown {
      const json = /<script type="application\/json" id="consent-kit-preload">(.*?)<\/script>/s.exec(html)?.[1];
      expect(json, 'the preload element').toBeDefined();
      return JSON.parse(json!);
    }

    /** What tells a clean hydration: the server's heading kept, nothing recovered, nothing logged. */
    async function hydration(page: Page) {
      return page.evaluate(() => ({
        sameHeading: window.ssr.serverHeading !== null && window.ssr.serverHeading === document.querySelector('h1'),
        recoverable: window.ssr.recoverable,
      }));
    }

    it('should send the Korean consent screen in the HTML, hydrate it without a mismatch, and authorize', async () => {
      const { page, html, problems } = await open('consent-ko');
      try {
        // In the first HTML: the heading and both buttons in Korean, no loading root, one kit root.
        const title = ko.consent.title.replace('{{app}}', STEPS['consent-ko'].client.name);
        expect(html).toContain(`>${ko.consent.authorize}</button>`);
        expect(html).toContain(`>${ko.consent.cancel}</button>`);
        expect(html).toMatch(/<div class="ck-root" lang="ko" dir="ltr"/);
        expect(html).not.toContain('aria-busy');
        expect(html.match(/class="ck-root/g)).toHaveLength(1);
        // The Korean strings travel in the page (preloadElement): no locale chunk to find or fetch.
        expect(preloaded(html)).toMatchObject({
          language: 'ko',
          resources: { ko: { consent: { authorize: ko.consent.authorize } } },
        });
        expect(html).not.toMatch(/<link rel="modulepreload" href="\/assets\/locale-/);

        await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
        // Hydrated, not replaced: the checkbox answers and Authorize posts the choice.
        await page.getByRole('checkbox', { name: ko.scopes.email }).click();
        await page.getByRole('button', { name: ko.consent.authorize }).click();
        await expect.poll(() => page.evaluate(() => window.ssr.events.length)).toBe(2);
        const events = (await page.evaluate(() => window.ssr.events)) as { type: string }[];
        expect(events.map((event) => event.type)).toEqual(['decision', 'redirect']);
        expect(events[1]).toEqual({
          type: 'redirect',
          url: 'https://app.example.test/callback?step=consent-ko&action=consent',
        });
        expect(await hydration(page)).toEqual({ sameHeading: true, recoverable: [] });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });

    it('should send the Arabic sign-in screen right to left with its chunks preloaded, hydrate it, and continue', async () => {
      const { page, html, problems } = await open('login-ar');
      try {
        expect(html).toMatch(/<div class="ck-root" lang="ar" dir="rtl"/);
        expect(html).toContain(`>${ar.signIn.title}</h1>`);
        expect(html).not.toContain('aria-busy');
        // The sign-in kit preloaded, a chunk the page would otherwise find late; the Arabic
        // strings in the page.
        expect(html).toMatch(/<link rel="modulepreload" href="\/assets\/sign-in-[\w-]+\.js">/);
        expect(preloaded(html)).toMatchObject({
          language: 'ar',
          resources: { ar: { signIn: { title: ar.signIn.title } } },
        });
        expect(html).not.toMatch(/<link rel="modulepreload" href="\/assets\/locale-/);

        const name = ar.signIn.account.continueAs.replace('{{name}}', 'Alice Example');
        await page.getByRole('button', { name }).click();
        await expect.poll(() => page.evaluate(() => window.ssr.events.length)).toBe(2);
        expect(await page.evaluate(() => window.ssr.events)).toEqual([
          {
            type: 'signIn',
            event: {
              method: 'session',
              redirect: { to: 'https://app.example.test/callback?step=login-ar&action=continue' },
            },
          },
          { type: 'redirect', url: 'https://app.example.test/callback?step=login-ar&action=continue' },
        ]);
        expect(await hydration(page)).toEqual({ sameHeading: true, recoverable: [] });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  },
);

declare global {
  /** The window of the SSR fixture's page (apps/ssr/src/hydrate.tsx). */
  interface Window {
    ssr: { serverHeading: Element | null; recoverable: string[]; events: unknown[]; hydrated: boolean };
  }
}
