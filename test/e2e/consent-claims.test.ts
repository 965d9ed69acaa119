/**
 * Single claims (the `claims` parameter) on the consent screen in Chromium, through the demo
 * IdP (oidc-provider with `claimsParameter`) and the demo web app (openid-client): each claim on
 * its own line, refusable with the keyboard, only the approved ones in the ID token; axe-core
 * finds no violation on the screen.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { axe } from './support/axe.js';
import { useDemoSession } from './support/demo-session.js';
import { expectAppResult, expectConsent, readJson, signIn, text } from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

/** The request: only `openid`, and the claims by name, all in the ID token. */
const CLAIMS = JSON.stringify({ id_token: { email: null, name: null, preferred_username: null, department: null } });
const claimsLogin = (query = '') =>
  `${demoUrl()}/login?scope=openid&resource=&claims=${encodeURIComponent(CLAIMS)}${query}`;
const demoUrl = () => stack.app.url;

/** The ID token claims the app shows, without the protocol ones. */
async function userClaims(): Promise<Record<string, unknown>> {
  const claims = await readJson(page, 'id-token-claims');
  for (const protocol of ['at_hash', 'aud', 'auth_time', 'exp', 'iat', 'iss', 'nonce', 'sid', 'sub'])
    delete claims[protocol];
  return claims;
}

describe('given an app that asks for single claims', () => {
  it('should list each one, pass axe, and put only the ones left ticked in the ID token', async () => {
    await page.goto(claimsLogin());
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    const section = page.getByRole('region', { name: text.consent.claims.heading });
    await section.getByRole('checkbox').first().waitFor();
    const values = await section
      .getByRole('checkbox')
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('value')));
    expect(values).toEqual(['email', 'name', 'preferred_username', 'department']);
    await section.getByRole('checkbox', { name: text.claims.email, exact: true }).waitFor();
    await section.getByRole('checkbox', { name: text.claims.name, exact: true }).waitFor();
    await section.getByRole('checkbox', { name: text.claims.preferred_username, exact: true }).waitFor();
    // The demo IdP describes its own claim.
    await section.getByRole('checkbox', { name: 'Your department', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);

    // Refuse email and department with the keyboard only.
    for (const name of [text.claims.email, 'Your department']) {
      await section.getByRole('checkbox', { name, exact: true }).focus();
      await page.keyboard.press('Space');
      await expect(section.getByRole('checkbox', { name, exact: true }).getAttribute('aria-checked')).resolves.toBe(
        'false',
      );
    }
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).focus();
    await page.keyboard.press('Enter');

    await expectAppResult(page, stack.app.url);
    expect(await userClaims()).toEqual({ name: 'Alice Anderson', preferred_username: 'alice' });
  });

  it("should show the claims in Korean for ui_locales=ko, the demo's own claim in its Korean text", async () => {
    const ko = (await import('../../src/locales/ko/consent-kit.json', { with: { type: 'json' } })).default;
    await page.goto(claimsLogin('&ui_locales=ko'));
    await signIn(page, 'alice@demo.test', 'alice-password', ko.signIn);
    await expectConsent(page, ko.consent);

    const section = page.getByRole('region', { name: ko.consent.claims.heading });
    await section.getByRole('checkbox', { name: ko.claims.email, exact: true }).waitFor();
    await section.getByRole('checkbox', { name: '소속 부서', exact: true }).waitFor();
    expect(await axe(page)).toEqual([]);
  });
});

describe('given the email scope unticked while the email claim is asked for beside it', () => {
  it('should release no email: the claim follows its scope', async () => {
    const claims = encodeURIComponent(JSON.stringify({ id_token: { email: null } }));
    await page.goto(
      `${demoUrl()}/login?scope=${encodeURIComponent('openid profile email')}&resource=&claims=${claims}`,
    );
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    await expect(page.getByRole('region', { name: text.consent.claims.heading }).count()).resolves.toBe(0);
    await page.locator('[role="checkbox"][value="email"]').uncheck();
    await page.locator('[role="checkbox"][value="profile"]').uncheck();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    expect(await userClaims()).toEqual({});
  });
});
