/**
 * Accessibility in a real browser: axe-core finds no violation on the sign-in and consent
 * screens, and a keyboard-only user can sign in and authorize.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { axe } from './support/axe.js';
import { useDemoSession } from './support/demo-session.js';
import { expectAppResult, expectConsent, expectSignIn, signIn, text } from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

describe('given the sign-in and consent screens in Chromium', () => {
  it('should have no axe violations on sign-in, its error state, and consent', async () => {
    await page.goto(`${stack.app.url}/login`);
    await expectSignIn(page);
    expect(await axe(page)).toEqual([]);

    await signIn(page, 'alice@demo.test', 'wrong-password');
    await page.getByRole('alert').waitFor();
    expect(await axe(page)).toEqual([]);

    await page.getByLabel(text.signIn.password, { exact: true }).fill('alice-password');
    await page.getByRole('button', { name: text.signIn.submit, exact: true }).click();
    await expectConsent(page);
    expect(await axe(page)).toEqual([]);
  });

  it('should let a keyboard-only user sign in, untick a scope and authorize', async () => {
    await page.goto(`${stack.app.url}/login?scope=${encodeURIComponent('openid profile email')}&resource=`);
    await expectSignIn(page);

    // Focus starts on the page; Tab reaches the identifier first.
    await page.keyboard.press('Tab');
    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
      });
    while (!(await focusedLabel()).includes(text.signIn.identifier.email_username)) await page.keyboard.press('Tab');
    await page.keyboard.type('alice@demo.test');
    // Enter continues to the password step, which takes focus.
    await page.keyboard.press('Enter');
    await page.getByLabel(text.signIn.password, { exact: true }).waitFor();
    await page.keyboard.type('alice-password');
    await page.keyboard.press('Enter');

    await expectConsent(page);
    // Tab to the email scope's checkbox and untick it with Space.
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const value = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
      if (value === 'email') break;
    }
    await page.keyboard.press('Space');
    // Then on to Authorize, activated with Enter.
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (name === text.consent.authorize) break;
    }
    await page.keyboard.press('Enter');

    await expectAppResult(page, stack.app.url);
    const claims = JSON.parse(await page.getByTestId('id-token-claims').innerText()) as Record<string, unknown>;
    expect(claims.name).toBe('Alice Anderson');
    expect(claims).not.toHaveProperty('email');
  });
});
