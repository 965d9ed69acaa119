/**
 * The server-rendered screens work before their script has run, as the server-rendered pages
 * they replace do: with JavaScript off, every action is a plain HTML form post (token checked
 * by the bridge) and the whole authorization still ends in the app with what was granted.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from '../../demo/stack.js';
import { BROWSER_WAIT_MS, launchBrowser } from './support/browser.js';
import { expectAppResult, expectSignIn, readJson, signIn, text } from './support/flows.js';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack({ buildDir: inject('demoBuildDir') }), launchBrowser()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), stack?.close()]);
});
beforeEach(async () => {
  context = await browser.newContext({ javaScriptEnabled: false });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  page = await context.newPage();
});
afterEach(async () => {
  await context.close();
});

describe('given a browser that runs no script', () => {
  it('should sign in, authorize and deliver the tokens of what the screen offered', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile&resource=`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims).toMatchObject({ sub: 'user_alice', name: 'Alice Anderson' });
    expect(claims).not.toHaveProperty('email');
  });

  it('should show a wrong password on the page again, the identifier kept, and sign in on retry', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile&resource=`);
    await signIn(page, 'alice@demo.test', 'not-her-password');

    await expect(page.getByRole('alert').innerText()).resolves.toContain(text.errors.invalid_credentials);
    await expect(page.locator('.ck-sign-in__identity-value').innerText()).resolves.toBe('alice@demo.test');
    await page.getByLabel(text.signIn.password, { exact: true }).fill('alice-password');
    await page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).waitFor();
  });

  it("should say an organization must be chosen, then grant the app's default request for the one chosen", async () => {
    // Organizations, API scopes and branding: the web app's default request.
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    const authorize = page.getByRole('button', { name: text.consent.authorize, exact: true });
    await authorize.click();
    // Refused by the bridge and back on the page, with the message by the choice.
    await page.getByText(text.consent.organizations.required).waitFor();

    await page.getByRole('radio', { name: /Acme/ }).check();
    await authorize.click();

    await expectAppResult(page, stack.app.url);
    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_acme']);
    expect((await page.getByTestId('access-token-scope').innerText()).split(' ').sort()).toEqual([
      'read:reports',
      'write:reports',
    ]);
  });

  it('should switch accounts on "Not you?": no Continue as, then the other account\'s password and consent', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile&resource=`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await page.getByRole('button', { name: text.consent.account.notYou, exact: true }).click();

    await expectSignIn(page);
    await expect(page.getByText(/Alice/).count()).resolves.toBe(0);
    await signIn(page, 'bob@demo.test', 'bob-password');
    // oidc-provider ends Alice's session first, with its own self-submitting form (a plain
    // Continue button without script: its page, not the kit's).
    await page.waitForURL((url) => url.pathname.startsWith('/auth/'));
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).waitFor();
    await expect(page.locator('.ck-consent').innerText()).resolves.toMatch(/Bob/);
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    expect((await readJson(page, 'id-token-claims')).sub).toBe('user_bob');
  });

  it('should show the Radix checkboxes disabled, as they cannot toggle without the script', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile+email&resource=`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await page.getByRole('button', { name: text.consent.authorize, exact: true }).waitFor();

    const boxes = page.getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    for (const box of await boxes.all()) await expect(box.isDisabled()).resolves.toBe(true);
  });

  it('should not offer a code-only account its password in the code view', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile&resource=`);
    await expectSignIn(page);
    await page.getByLabel(text.signIn.identifier.email_username, { exact: true }).fill('carol@demo.test');
    await page.getByRole('button', { name: text.signIn.continue, exact: true }).click();

    await page.getByLabel(text.signIn.code.label, { exact: true }).waitFor();
    await expect(page.getByRole('button', { name: text.signIn.usePassword, exact: true }).count()).resolves.toBe(0);
  });

  it('should send the app error=access_denied on Cancel', async () => {
    await page.goto(`${stack.app.url}/login?scope=openid+profile&resource=`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await page.getByRole('button', { name: text.consent.cancel, exact: true }).click();

    await expectAppResult(page, stack.app.url);
    expect(await page.getByTestId('error').innerText()).toBe('access_denied');
  });
});
