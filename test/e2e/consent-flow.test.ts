/**
 * The whole path, for real: Debian's Chromium, the demo IdP (oidc-provider + the consent-kit
 * bridge), consent-kit's screens, and the demo apps as openid-client relying parties.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import ko from '../../src/locales/ko/consent-kit.json' with { type: 'json' };
import type { Stack } from '../../demo/stack.js';
import { useDemoSession } from './support/demo-session.js';
import {
  expectAppResult,
  expectConsent,
  expectSignIn,
  forgeConsent,
  readJson,
  recordResponses,
  scopeCheckbox,
  signIn,
  text,
} from './support/flows.js';

const API = 'https://api.demo.test';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

describe('given the confidential web app', () => {
  it('should deliver tokens carrying exactly what alice granted after sign-in and consent', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    await expect(scopeCheckbox(page, 'read:reports').isChecked()).resolves.toBe(true);
    await expect(scopeCheckbox(page, 'write:reports').isChecked()).resolves.toBe(true);
    await page.getByRole('radio', { name: /Acme/ }).check();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims.email).toBe('alice@demo.test');
    expect(claims.name).toBe('Alice Anderson');
    expect(await page.getByTestId('access-token-aud').innerText()).toBe(JSON.stringify(API));
    expect((await page.getByTestId('access-token-scope').innerText()).split(' ').sort()).toEqual([
      'read:reports',
      'write:reports',
    ]);
  });

  it('should send the app error=access_denied when the user clicks Cancel', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);
    await page.getByRole('button', { name: text.consent.cancel, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    expect(await page.getByTestId('error').innerText()).toBe('access_denied');
  });

  it('should show a localized error on a wrong password and succeed on retry, keeping the identifier', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid%20email&resource=${encodeURIComponent(API)}`);
    await signIn(page, 'alice@demo.test', 'not-her-password');

    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(text.errors.invalid_credentials);
    await expect(page.locator('.ck-sign-in__identity-value').innerText()).resolves.toBe('alice@demo.test');

    await page.getByLabel(text.signIn.password, { exact: true }).fill('alice-password');
    await page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
    await expectConsent(page);
  });
});

describe('given the SPA (public client with PKCE)', () => {
  it('should leave out an unticked scope and, remembered, not ask again for the same request', async () => {
    await page.goto(`${stack.app.url}/spa/`);
    await page.getByRole('button', { name: 'Sign in with Demo IdP' }).click();
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    await scopeCheckbox(page, 'write:reports').uncheck();
    // The SPA may be given several organizations: checkboxes, not radios.
    await page.getByRole('checkbox', { name: /Acme/ }).check();
    await page.getByRole('checkbox', { name: text.consent.remember, exact: true }).check();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);
    expect(await page.getByTestId('access-token-scope').innerText()).toBe('read:reports');

    // Same scopes again: the IdP session and the remembered grant (with write:reports
    // rejected) let oidc-provider finish without any screen.
    const screens = recordResponses(page);
    await page.goto(`${stack.app.url}/spa/`);
    await page.getByRole('button', { name: 'Sign in with Demo IdP' }).click();
    await expectAppResult(page, stack.app.url);
    expect(screens.some((r) => /\/interaction\/[^/]+$/.test(new URL(r.url()).pathname))).toBe(false);
    expect(await page.getByTestId('access-token-scope').innerText()).toBe('read:reports');
  });
});

describe('given bob, who may read reports but not write them', () => {
  it('should never offer write:reports, and refuse a forged consent asking for it', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'bob@demo.test', 'bob-password');
    await expectConsent(page);

    await expect(scopeCheckbox(page, 'read:reports').count()).resolves.toBe(1);
    await expect(scopeCheckbox(page, 'write:reports').count()).resolves.toBe(0);
    await expect(page.getByText(/not available to your account/).count()).resolves.toBe(1);

    const forged = await forgeConsent(page, {
      profileScopes: ['openid'],
      resources: { [API]: ['read:reports', 'write:reports'] },
      organizationIds: ['org_acme'],
      remember: false,
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'invalid_scope' });
  });
});

describe('given alice, a member of two organizations', () => {
  it('should put the chosen organization in the ID token', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    await page.getByRole('radio', { name: /Globex/ }).check();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();
    await expectAppResult(page, stack.app.url);
    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_globex']);
  });

  it('should refuse a forged consent naming an organization she does not belong to', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    const forged = await forgeConsent(page, {
      profileScopes: ['openid'],
      resources: { [API]: ['read:reports'] },
      organizationIds: ['org_initech'],
      remember: false,
    });
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'invalid_organization' });
  });
});

describe('given ui_locales=ko', () => {
  it('should render sign-in and consent in Korean, from strings in the page rather than a chunk', async () => {
    const responses = recordResponses(page);
    await page.goto(`${stack.app.url}/login?ui_locales=ko`);
    await expectSignIn(page, ko.signIn);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.ck-root').first().getAttribute('lang')).resolves.toBe('ko');

    await signIn(page, 'alice@demo.test', 'alice-password', ko.signIn);
    await expectConsent(page, ko.consent);
    await expect(page.getByRole('button', { name: ko.consent.cancel, exact: true }).count()).resolves.toBe(1);
    // Korean arrives in the page with the step (renderInteraction's preloadElement); English is in the entry.
    // Each page (sign-in, then consent) loads the same files; count each file once.
    const scripts = [...new Set(responses.map((r) => r.url()).filter((url) => url.endsWith('.js')))];
    // Fetched again from the IdP: the browser drops response bodies when the page navigates.
    const bodies = await Promise.all(scripts.map(async (url) => (await fetch(url)).text()));
    // A phrase only the locale files hold (a button's word may also name a prop in the code).
    expect(bodies.filter((body) => body.includes(ko.consent.remember))).toHaveLength(0);
    expect(bodies.filter((body) => body.includes(text.consent.remember))).toHaveLength(1);
  });
});

describe('given alice on the consent screen of a request meant for bob', () => {
  it('should switch account through "Not you?" and finish the same request as bob', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);
    await expect(page.getByText('Alice Anderson').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('button', { name: text.consent.account.notYou, exact: true }).click();
    await signIn(page, 'bob@demo.test', 'bob-password');
    await expectConsent(page);
    await expect(page.getByText('Bob Brown').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('radio', { name: /Acme/ }).check();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();

    // The app's state check passing proves it is the same authorization request.
    await expectAppResult(page, stack.app.url);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims.sub).toBe('user_bob');
    expect(await page.getByTestId('access-token-scope').innerText()).toBe('read:reports');
  });
});
