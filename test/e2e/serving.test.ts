/**
 * The demo IdP serves its interaction page the way a production host would, so the flow
 * benchmark measures the kit and not a naive static server: compressed scripts, hashed assets
 * cached for good, a page that is never cached, and the fast path (the step and the rendered
 * screen in the page, the chunks it needs preloaded).
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { useDemoSession } from './support/demo-session.js';
import ko from '../../src/locales/ko/consent-kit.json' with { type: 'json' };
import { expectAppResult, expectConsent, expectSignIn, recordResponses, signIn, text } from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

/** The scripts a page fetched, as Chromium's resource timing reports them. */
function scriptsOf(page: Page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'))
      .map((entry) => ({ name: entry.name, transferSize: (entry as PerformanceResourceTiming).transferSize })),
  );
}

describe('given the sign-in page of the demo IdP', () => {
  it('should send its scripts compressed, cacheable for a year, and the page itself never cached', async () => {
    const responses = recordResponses(page);
    await page.goto(`${stack.app.url}/login`);
    await page.getByRole('button', { name: 'Continue', exact: true }).waitFor();

    const document = responses.find((r) => /\/interaction\/[\w-]+$/.test(new URL(r.url()).pathname));
    expect(document, 'the interaction page').toBeDefined();
    expect((await document!.allHeaders())['cache-control']).toBe('no-store');
    const scripts = responses.filter(
      (r) => new URL(r.url()).pathname.startsWith('/interaction-ui/assets/') && r.url().endsWith('.js'),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const headers = await script.allHeaders();
      expect(headers['content-encoding'], script.url()).toMatch(/^(br|gzip)$/);
      expect(headers['cache-control'], script.url()).toMatch(/max-age=31536000.*immutable/);
      // Compressed on the wire: far fewer bytes travel than the script holds.
      const sizes = await script.request().sizes();
      expect(sizes.responseBodySize, script.url()).toBeLessThan((await script.body()).length / 2);
    }
  });
});

describe('given alice signed in, on her way to the consent page', () => {
  it('should not download the kit again: the consent page takes its scripts from the cache', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    const scripts = (await scriptsOf(page)).filter((s) => s.name.includes('/interaction-ui/assets/'));
    expect(scripts.length).toBeGreaterThan(0);
    // transferSize 0: served from the browser's cache, no byte over the network.
    expect(scripts.filter((s) => s.transferSize > 0)).toEqual([]);
  });
});

describe('given the fast path: the step and the screen in the page', () => {
  it('should send Authorize and Cancel in the consent page itself, hydrate it without a details request or an error, and act', async () => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const documents = recordResponses(page);

    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    const consentPage = documents
      .filter(
        (r) => r.request().resourceType() === 'document' && /\/interaction\/[\w-]+$/.test(new URL(r.url()).pathname),
      )
      .at(-1)!;
    const html = await consentPage.text();
    expect(html).toMatch(new RegExp(`<button[^>]*>${text.consent.authorize}</button>`));
    expect(html).toMatch(new RegExp(`<button[^>]*>${text.consent.cancel}</button>`));
    expect(html).toContain('<script type="application/json" id="consent-kit-step">');
    // The web app is branded: compiled on the server, in the page as CSS and as a theme, so
    // the branding compiler is neither preloaded nor fetched.
    expect(html).toMatch(/<style nonce="[^"]+">[^<]*--ck-color-accent/);
    expect(html).toMatch(/<script type="application\/json" id="consent-kit-preload">\{[^<]*"branding":\{"key"/);
    expect(requests.filter((path) => /\/brand-[\w-]+\.js$/.test(path))).toEqual([]);
    expect(requests.filter((path) => path.endsWith('/details'))).toEqual([]);

    await page.getByRole('radio', { name: /Acme/ }).check();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);
    expect(errors).toEqual([]);
  });

  it('should send a Korean sign-in page with its strings in it, preloading the sign-in chunk and no locale chunk or loader', async () => {
    const documents = recordResponses(page);
    await page.goto(`${stack.app.url}/login?ui_locales=ko`);
    await expectSignIn(page, ko.signIn);
    const signInPage = documents.find(
      (r) => r.request().resourceType() === 'document' && /\/interaction\/[\w-]+$/.test(new URL(r.url()).pathname),
    )!;
    const html = await signInPage.text();
    expect(html).toMatch(new RegExp(`<button[^>]*>${ko.signIn.continue}</button>`));
    const preloads = [
      ...html.matchAll(
        /<link rel="modulepreload" crossorigin href="\/interaction-ui\/assets\/([\w-]+?)-[\w-]{8}\.js">/g,
      ),
    ];
    const names = preloads.map((link) => link[1]);
    expect(names).toContain('sign-in-screen');
    expect(names.filter((name) => /^(consent-kit|load|brand)$/.test(name!))).toEqual([]);
    // The Korean strings travel in the page, as JSON: no locale chunk, no loader, before the first button.
    const preload = /<script type="application\/json" id="consent-kit-preload">(.*?)<\/script>/s.exec(html)?.[1];
    expect(JSON.parse(preload!)).toMatchObject({
      language: 'ko',
      resources: { ko: { signIn: { continue: ko.signIn.continue } } },
    });
  });
});
