/**
 * Two demo IdP processes behind one round-robin proxy, over one Redis: what used to break when a
 * request landed on the other instance, end to end in Chromium with the demo app (openid-client)
 * as the relying party. Where a case needs "started on A, finished on B" the proxy is told to send
 * that request to that instance; every other request alternates.
 */
import { Redis } from 'ioredis';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axe } from './support/axe.js';
import {
  authorizeAsOffered,
  expectAppResult,
  expectConsent,
  expectSignIn,
  forgeConsent,
  readJson,
  recordResponses,
  signIn,
  text,
} from './support/flows.js';
import { useTwoInstanceSession, type TwoInstanceStack } from './support/two-instances.js';

const session = useTwoInstanceSession();
let page: Page;
let stack: TwoInstanceStack;

beforeEach(() => {
  ({ page, stack } = session);
});

const PROFILE_ONLY = `scope=${encodeURIComponent('openid profile email')}&resource=`;
const isInteractionPage = (url: string) => /^\/interaction\/[^/]+$/.test(new URL(url).pathname);
const t = text.signIn;

/** The instances that served requests matching `method` and `path` since `from` in the proxy's log. */
function servedBy(from: number, method: string, path: RegExp): number[] {
  return stack.proxy.log
    .slice(from)
    .filter((entry) => entry.method === method && path.test(entry.path))
    .map((entry) => entry.instance);
}

const authorize = (page: Page) => authorizeAsOffered(page, stack.app.url);

describe('given carol, who signs in by emailed code', () => {
  it('should accept on B the code sent through A, and send no second code within the resend window', async () => {
    const from = stack.proxy.log.length;
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByLabel(t.identifier.email_username, { exact: true }).fill('carol@demo.test');
    // Carol has no password: Continue goes straight to her code, sent through A.
    stack.proxy.pin(/\/send-code$/, 0);
    await page.getByRole('button', { name: t.continue, exact: true }).click();
    const input = page.getByLabel(t.code.label, { exact: true });
    await input.waitFor();
    const [code] = stack.instances[0]!.codesFor('carol@demo.test');
    expect(code).toMatch(/^\d{6}$/);

    // A second tab asks B for another code at once: the window is shared, nothing is sent.
    stack.proxy.pin(/\/send-code$/, 1);
    const again = await page.evaluate(
      async (base) => {
        const response = await fetch(`${base}/send-code`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identifier: 'carol' }),
        });
        return { status: response.status, retryAfter: Number(response.headers.get('retry-after')) };
      },
      new URL(page.url()).pathname.replace(/\/$/, ''),
    );
    expect(again.status).toBe(429);
    expect(again.retryAfter).toBeGreaterThan(0);
    expect(again.retryAfter).toBeLessThanOrEqual(30);
    expect(stack.instances[1]!.codesFor('carol@demo.test')).toEqual([]);
    expect(stack.instances[0]!.codesFor('carol@demo.test')).toEqual([code]);

    stack.proxy.pin(/\/verify-code$/, 1);
    await input.fill(code!);
    await page.getByRole('button', { name: t.code.submit, exact: true }).click();
    await authorize(page);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_carol');
    expect(servedBy(from, 'POST', /\/send-code$/)).toEqual([0, 1]);
    expect(servedBy(from, 'POST', /\/verify-code$/)).toEqual([1]);
  });
});

describe('given dana, whose account is at "Social Demo"', () => {
  it('should finish on B the social sign-in started on A', async () => {
    const from = stack.proxy.log.length;
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    stack.proxy.pin(/\/connector$/, 0);
    stack.proxy.pin(/\/connector-callback$/, 1);
    await page.getByRole('button', { name: 'Continue with Social Demo', exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.socialIssuer));
    await page.getByRole('button', { name: 'Continue as Dana Social' }).click();

    await authorize(page);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims.sub).toBe('user_dana');
    expect(servedBy(from, 'POST', /\/connector$/)).toEqual([0]);
    expect(servedBy(from, 'GET', /\/connector-callback\?/)).toEqual([1]);
  });
});

describe('given wrong passwords spread over both instances', () => {
  it('should lock after five in all, not five per instance, and say so', async () => {
    const from = stack.proxy.log.length;
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByLabel(t.identifier.email_username, { exact: true }).fill('bob@demo.test');
    await page.getByRole('button', { name: t.continue, exact: true }).click();
    const statuses: number[] = [];
    for (const [index, password] of ['guess-1', 'guess-2', 'guess-3', 'guess-4', 'guess-5', 'bob-password'].entries()) {
      stack.proxy.pin(/\/login$/, index % 2);
      await page.getByLabel(t.password, { exact: true }).fill(password);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        page.getByRole('button', { name: t.submit, exact: true }).click(),
      ]);
      statuses.push(response.status());
      await page.getByRole('button', { name: t.submit, exact: true }).and(page.locator(':enabled')).waitFor();
    }
    // The fifth failure locks; even the right password then waits, on either instance.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect(servedBy(from, 'POST', /\/login$/)).toEqual([0, 1, 0, 1, 0, 1]);
    await expect(page.getByRole('alert').innerText()).resolves.toContain(text.errors.too_many_attempts);
    expect(await axe(page)).toEqual([]);
  });
});

describe('given alice, who consents on A', () => {
  it('should put the organization she chose on A in the ID token issued by B', async () => {
    const from = stack.proxy.log.length;
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);
    await page.getByRole('radio', { name: /Acme/ }).check();
    stack.proxy.pin(/\/consent$/, 0);
    stack.proxy.pin(/^\/token$/, 1);
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);

    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_acme']);
    expect(servedBy(from, 'POST', /\/consent$/)).toEqual([0]);
    expect(servedBy(from, 'POST', /^\/token$/)).toEqual([1]);
  });

  it('should ask B again for a decision not remembered on A, and not for one remembered', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);
    await page.getByRole('radio', { name: /Acme/ }).check();
    stack.proxy.pin(/\/consent$/, 0);
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);

    // Not remembered: B asks again (she is still signed in).
    stack.proxy.pin(/^\/auth/, 1, 3);
    await page.goto(`${stack.app.url}/login`);
    await expectConsent(page);
    await page.getByRole('radio', { name: /Globex/ }).check();
    await page.getByRole('checkbox', { name: text.consent.remember, exact: true }).check();
    stack.proxy.pin(/\/consent$/, 0);
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);

    // Remembered on A: the same request again, every step of it on B, goes straight back to the app.
    const from = stack.proxy.log.length;
    const responses = recordResponses(page);
    stack.proxy.pin(/^\/(auth|interaction|token)/, 1, 20);
    await page.goto(`${stack.app.url}/login`);
    await expectAppResult(page, stack.app.url);
    expect(responses.some((response) => isInteractionPage(response.url()))).toBe(false);
    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_globex']);
    expect(new Set(servedBy(from, 'GET', /^\/auth/))).toEqual(new Set([1]));
  });
});

describe('given one decision sent to both instances at once', () => {
  it('should answer both with the same way on and save one grant', async () => {
    const redis = new Redis(stack.redis.url);
    try {
      const grants = async () => (await redis.keys('two-instances:oidc:Grant:*')).length;
      await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
      await signIn(page, 'alice@demo.test', 'alice-password');
      await expectConsent(page);
      const before = await grants();
      stack.proxy.pin(/\/consent$/, 0);
      stack.proxy.pin(/\/consent$/, 1);
      const decision = {
        profileScopes: ['openid', 'profile', 'email'],
        resources: {},
        organizationIds: [],
        remember: false,
      };
      const [a, b] = await Promise.all([forgeConsent(page, decision), forgeConsent(page, decision)]);
      expect(a).toMatchObject({ status: 200 });
      expect(b).toEqual(a);
      expect(await grants()).toBe(before + 1);
    } finally {
      await redis.quit();
    }
  });
});
