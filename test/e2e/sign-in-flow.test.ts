/**
 * The sign-in kit end to end in Chromium: the demo IdP (oidc-provider + the consent-kit
 * bridge), "Social Demo" (a second oidc-provider) as the upstream of the social connector,
 * the demo mailbox for emailed codes, and the demo app as the relying party.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { axe } from './support/axe.js';
import { useDemoSession } from './support/demo-session.js';
import { authorizeAsOffered, expectConsent, expectSignIn, readJson, signIn, text } from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

/** Only profile scopes: the consent screen then needs no organization choice. */
const PROFILE_ONLY = `scope=${encodeURIComponent('openid profile email')}&resource=`;
const t = text.signIn;

const authorize = (page: Page) => authorizeAsOffered(page, stack.app.url);

describe('given alice, who signs in with a password', () => {
  it('should go identifier first, then password, to tokens for alice', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await expect(page.getByLabel(t.password, { exact: true }).count()).resolves.toBe(0);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await authorize(page);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_alice');
  });

  it('should prefill the identifier from login_hint', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}&login_hint=${encodeURIComponent('bob@demo.test')}`);
    await expectSignIn(page);
    await expect(page.getByLabel(t.identifier.email_username, { exact: true }).inputValue()).resolves.toBe(
      'bob@demo.test',
    );
  });

  it('should have no axe violations on the identifier, password and error states', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    expect(await axe(page)).toEqual([]);
    await page.getByLabel(t.identifier.email_username, { exact: true }).fill('alice@demo.test');
    await page.getByRole('button', { name: t.continue, exact: true }).click();
    await page.getByLabel(t.password, { exact: true }).fill('nope');
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: t.submit, exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(await axe(page)).toEqual([]);
  });
});

describe('given the failed-attempt limit (5 per identifier)', () => {
  it('should lock the identifier after the fifth failure and show the wait the server gave', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByLabel(t.identifier.email_username, { exact: true }).fill('mallory@demo.test');
    await page.getByRole('button', { name: t.continue, exact: true }).click();
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await page.getByLabel(t.password, { exact: true }).fill(`guess-${attempt}`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/login') && r.request().method() === 'POST'),
        page.getByRole('button', { name: t.submit, exact: true }).click(),
      ]);
      statuses.push(response.status());
      if (response.status() === 429) expect(Number(response.headers()['retry-after'])).toBeGreaterThan(890);
      await page.getByRole('button', { name: t.submit, exact: true }).and(page.locator(':enabled')).waitFor();
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(`${text.errors.too_many_attempts} Try again in 15 minutes.`);
    await expect(alert.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);
  });
});

describe('given dana, whose account is at "Social Demo"', () => {
  it('should sign in through the second provider with real OIDC and come back to consent', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByRole('button', { name: 'Continue with Social Demo', exact: true }).click();

    await page.waitForURL((url) => url.href.startsWith(stack.socialIssuer));
    await page.getByRole('button', { name: 'Continue as Dana Social' }).click();

    await authorize(page);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims.sub).toBe('user_dana');
    expect(claims.name).toBe('Dana Social');
  });

  it('should come back to sign-in saying it was cancelled at Social Demo, with the other ways to sign in', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByRole('button', { name: 'Continue with Social Demo', exact: true }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.socialIssuer));
    await page.getByRole('button', { name: 'Cancel' }).click();

    await expectSignIn(page);
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(t.connectors.cancelled.replace('{{name}}', 'Social Demo'));
    await expect(alert.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // The other ways are right there: the identifier (password or code) and the connectors.
    await expect(page.getByLabel(t.identifier.email_username, { exact: true }).isEditable()).resolves.toBe(true);
    await expect(
      page.getByRole('button', { name: 'Continue with Social Demo', exact: true }).isEnabled(),
    ).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);

    // The message belongs to that attempt: signing in another way goes on without it.
    await signIn(page, 'alice@demo.test', 'alice-password');
    await authorize(page);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_alice');
  });
});

describe('given carol, who signs in by emailed code', () => {
  it('should go straight from her identifier to the code the mailbox got, and sign in with it', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await expectSignIn(page);
    await page.getByLabel(t.identifier.email_username, { exact: true }).fill('carol@demo.test');
    await page.getByRole('button', { name: t.continue, exact: true }).click();

    // The provider says carol has no password: no password step, and none offered instead.
    const input = page.getByLabel(t.code.label, { exact: true });
    await input.waitFor();
    await expect(page.getByLabel(t.password, { exact: true }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: t.usePassword, exact: true }).count()).resolves.toBe(0);
    await expect(input.getAttribute('autocomplete')).resolves.toBe('one-time-code');
    await expect(input.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);

    // The demo mailbox page shows what the terminal printed.
    const mailbox = await demo.context.newPage();
    await mailbox.goto(`${stack.issuer}/mailbox`);
    const code = (await mailbox.getByTestId('code').first().innerText()).trim();
    expect(code).toBe(stack.mailbox.latestCode('carol@demo.test'));
    await mailbox.close();

    await input.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await expect(input.inputValue()).resolves.toBe(code);
    await page.getByRole('button', { name: t.code.submit, exact: true }).click();
    await authorize(page);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_carol');
  });
});

describe('given bob, who finds alice signed in at consent and clicks "Not you?"', () => {
  it('should not offer to continue as alice, and finish the same request for bob', async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);
    await page.getByRole('button', { name: text.consent.account.notYou, exact: true }).click();
    await expectSignIn(page);

    await expect(page.getByRole('button', { name: /Alice/ }).count()).resolves.toBe(0);
    await expect(page.getByText('Alice Anderson').count()).resolves.toBe(0);
    await signIn(page, 'bob@demo.test', 'bob-password');
    await authorize(page);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_bob');
  });
});
