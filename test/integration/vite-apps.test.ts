/**
 * The packed consent-kit in a Vite + React app, once on React 18 with the lowest majors the
 * peer ranges allow (i18next 25, react-i18next 15) and once on React 19 with the highest
 * (i18next 27, react-i18next 18): the app type-checks against the published declarations with
 * `skipLibCheck: false`, builds with Vite in development mode (React's warnings on), and renders
 * both screens in Chromium through the host's own i18next instance, with no console warning.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import de from '../../src/locales/de/consent-kit.json';
import type { ConsentStep, LoginStep } from '../../src/protocol/interaction.js';
import { launchBrowser, openWatchedPage } from '../e2e/support/browser.js';
import { REPORTS_API, consentStep, sessionLoginStep } from '../fixtures/steps.js';
import { type AppServer, serveApp } from './support/app-server.js';
import { copyApp, type Host, installApp } from './support/install.js';
import { output, projectBin, runIn } from './support/run.js';

/** The React hosts, and the majors each installs: React, i18next, react-i18next. */
type ReactHost = Exclude<Host, 'next'>;
const MAJORS: Record<ReactHost, [number, number, number]> = { 'react-18': [18, 25, 15], 'react-19': [19, 27, 18] };

/** An app name with every character HTML escaping would change. */
const APP_NAME = `Acme & "Co" <b>`;
const CALLBACK = 'https://app.example.test/callback?code=abc';
const RESUME = 'https://idp.example.test/auth/login-uid-session';

declare global {
  /** The window of the fixture app, with what it records (apps/vite/src/main.tsx). */
  interface Window {
    hostEvents: unknown[];
    hostScreen: HTMLDivElement | null;
    reactVersion: string;
  }
}

/**
 * The steps the app is served, without image URLs: the page loads nothing from the network
 * (an unreachable host would log a failed request, and the test allows no console error).
 */
function consentPayload(): ConsentStep {
  const step = consentStep({ uid: 'consent-1' });
  const { logo: _logo, ...client } = step.client;
  step.client = { ...client, name: APP_NAME };
  delete step.user.avatar;
  delete step.consent.organizations;
  return step;
}

function signInPayload(): LoginStep {
  const step = sessionLoginStep();
  delete step.client.logo;
  return step;
}

const ROUTES = {
  'GET /interaction/consent-1/details': consentPayload(),
  'POST /interaction/consent-1/consent': { redirectTo: CALLBACK },
  'GET /interaction/login-uid-session/details': signInPayload(),
  'POST /interaction/login-uid-session/continue': { redirectTo: RESUME },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(['react-18', 'react-19'] as const satisfies readonly ReactHost[])('given a Vite app on %s', (host) => {
  let appDir: string;
  let installed: Map<string, string>;
  let server: AppServer | undefined;

  beforeAll(async () => {
    appDir = await copyApp('vite', inject('integrationDir'), `vite-${host}`);
    installed = await installApp(appDir, inject('tarball'), { host });
  });
  afterAll(async () => {
    await server?.close();
  });

  /** Opens the built app; collects every console warning and error and every uncaught error. */
  async function open(query: string): Promise<{ page: Page; problems: string[] }> {
    server ??= await serveApp(join(appDir, 'dist'), ROUTES);
    const { page, problems } = await openWatchedPage(browser);
    await page.goto(`${server.url}?${query}`);
    return { page, problems };
  }

  it('should install one copy of React, i18next and react-i18next, at the majors of the host', () => {
    const [react, i18next, reactI18next] = MAJORS[host];
    const major = (folder: string) => Number(installed.get(folder)?.split('.')[0]);
    expect([major('node_modules/react'), major('node_modules/i18next'), major('node_modules/react-i18next')]).toEqual([
      react,
      i18next,
      reactI18next,
    ]);
    // No second copy anywhere, under consent-kit or elsewhere.
    const copies = [...installed.keys()].filter((folder) =>
      /(^|\/)node_modules\/(react|i18next|react-i18next)$/.test(folder),
    );
    expect(copies.sort()).toEqual(['node_modules/i18next', 'node_modules/react', 'node_modules/react-i18next']);
  });

  it('should type-check against the published declarations with skipLibCheck false', async () => {
    const result = await runIn(appDir, projectBin('tsc'), ['-p', 'tsconfig.json']);
    expect(result.code, output(result)).toBe(0);
  });

  it('should build with Vite, in development mode', async () => {
    const result = await runIn(appDir, projectBin('vite'), ['build', '--mode', 'development'], {
      NODE_ENV: 'development',
    });
    expect(result.code, output(result)).toBe(0);
    await access(join(appDir, 'dist/index.html'));
  });

  it("should render consent in the host's language with the app name as written, and report the decision", async () => {
    const { page, problems } = await open('uid=consent-1&lng=de');
    try {
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(de.consent.title.replace('{{app}}', APP_NAME));
      expect(await page.evaluate(() => window.reactVersion.split('.')[0])).toBe(String(MAJORS[host][0]));
      // The replaced part, and the ref and class on the screen's outermost element: a scope
      // inside the host's provider, which holds the page's one kit root.
      await page.getByText(`Reviewed by the host for ${APP_NAME}`).waitFor();
      expect(
        await page.evaluate(() => {
          const screen = document.querySelector('.host-screen');
          return [
            window.hostScreen === screen,
            screen?.classList.contains('ck-scope'),
            screen?.getAttribute('lang'),
            screen?.parentElement?.classList.contains('ck-root'),
            document.querySelectorAll('.ck-root').length,
          ];
        }),
      ).toEqual([true, true, 'de', true, 1]);

      await page.getByRole('checkbox', { name: de.scopes.email }).click();
      await page.getByRole('button', { name: de.consent.authorize }).click();
      await expect.poll(() => page.evaluate(() => window.hostEvents.length)).toBe(2);
      const decision = {
        profileScopes: ['openid', 'profile'],
        resources: { [REPORTS_API]: ['read:reports', 'write:reports'] },
        organizationIds: [],
        remember: false,
      };
      expect(await page.evaluate(() => window.hostEvents)).toEqual([
        { type: 'decision', event: { action: 'authorize', decision, redirect: { to: CALLBACK } } },
        { type: 'redirect', url: CALLBACK },
      ]);
      expect(server?.requests.at(-1)).toEqual({
        method: 'POST',
        path: '/interaction/consent-1/consent',
        body: decision,
      });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('should render sign-in through a host instance without key separators, and report the sign-in', async () => {
    const { page, problems } = await open('uid=login-uid-session&lng=en&separators=off');
    try {
      // SignIn.Account's button takes a ref (React 18 dropped it from a plain function component, with a warning).
      await page.getByRole('button', { name: 'Continue as Alice Example' }).click();
      await expect.poll(() => page.evaluate(() => window.hostEvents.length)).toBe(2);
      expect(await page.evaluate(() => window.hostEvents)).toEqual([
        { type: 'signIn', event: { method: 'session', redirect: { to: RESUME } } },
        { type: 'redirect', url: RESUME },
      ]);
      expect(await page.title()).toBe('Host app');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
