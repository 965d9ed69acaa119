/**
 * The complete consent screen in Chromium against the demo IdP: granular choice reaches the
 * tokens, several organizations, "Remember this decision" (and its absence), a double click,
 * a keyboard-only run through every control, and axe on the richer states.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { axe } from './support/axe.js';
import { useDemoSession } from './support/demo-session.js';
import {
  expectAppResult,
  expectConsent,
  readJson,
  recordResponses,
  scopeCheckbox,
  signIn,
  text,
} from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

const authorize = () => page.getByRole('button', { name: text.consent.authorize, exact: true });
const isInteractionPage = (url: string) => /^\/interaction\/[^/]+$/.test(new URL(url).pathname);

/** Opens the SPA's sign-in and signs alice in, landing on the consent screen. */
async function spaConsent(): Promise<void> {
  await page.goto(`${stack.app.url}/spa/`);
  await page.getByRole('button', { name: 'Sign in with Demo IdP' }).click();
  await signIn(page, 'alice@demo.test', 'alice-password');
  await expectConsent(page);
}

describe('given the web app asking for profile data and the Reports API', () => {
  it('should leave an unticked optional scope out of the access token', async () => {
    await page.goto(
      `${stack.app.url}/login?scope=${encodeURIComponent('openid profile email read:reports write:reports')}`,
    );
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    // The only API group is expanded; its toggle says so.
    const toggle = page.getByRole('button', { name: /Reports API/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await scopeCheckbox(page, 'read:reports').uncheck();
    await scopeCheckbox(page, 'email').uncheck();
    await authorize().click();

    await expectAppResult(page, stack.app.url);
    expect(await page.getByTestId('access-token-scope').innerText()).toBe('write:reports');
    expect(await readJson(page, 'id-token-claims')).not.toHaveProperty('email');
  });

  it('should send exactly one decision for a double click on Authorize', async () => {
    const consentPosts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/consent')) consentPosts.push(request.url());
    });
    await page.goto(`${stack.app.url}/login?scope=${encodeURIComponent('openid profile')}&resource=`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    await authorize().dblclick();
    await expectAppResult(page, stack.app.url);
    expect(consentPosts).toHaveLength(1);
  });
});

describe('given the SPA, which may be given several organizations', () => {
  it('should put every chosen organization in the ID token', async () => {
    await spaConsent();
    await page.getByRole('checkbox', { name: /Acme/ }).check();
    await page.getByRole('checkbox', { name: /Globex/ }).check();
    await authorize().click();

    await expectAppResult(page, stack.app.url);
    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_acme', 'org_globex']);
  });

  it('should ask again next time when Remember was left unticked', async () => {
    await spaConsent();
    await page.getByRole('checkbox', { name: /Acme/ }).check();
    await authorize().click();
    await expectAppResult(page, stack.app.url);

    await page.goto(`${stack.app.url}/spa/`);
    await page.getByRole('button', { name: 'Sign in with Demo IdP' }).click();
    // Signed in already (the IdP session), but the decision was not remembered.
    await expectConsent(page);
  });

  it('should skip the screen next time when Remember was ticked', async () => {
    await spaConsent();
    await page.getByRole('checkbox', { name: /Globex/ }).check();
    await page.getByRole('checkbox', { name: text.consent.remember, exact: true }).check();
    await authorize().click();
    await expectAppResult(page, stack.app.url);

    const responses = recordResponses(page);
    await page.goto(`${stack.app.url}/spa/`);
    await page.getByRole('button', { name: 'Sign in with Demo IdP' }).click();
    await expectAppResult(page, stack.app.url);
    expect(responses.some((r) => isInteractionPage(r.url()))).toBe(false);
    expect((await readJson(page, 'id-token-claims')).organizations).toEqual(['org_globex']);
  });

  it('should have no axe violations with checkboxes, badges and the remember option', async () => {
    await spaConsent();
    expect(await axe(page)).toEqual([]);
    // With a validation message shown, too.
    await authorize().click();
    await page.getByText(text.consent.organizations.required).waitFor();
    expect(await axe(page)).toEqual([]);
  });
});

describe('given a keyboard-only user', () => {
  it('should reach and operate every control of the screen, then authorize with Enter', async () => {
    await spaConsent();
    await page.locator('body').focus();

    // Walk the whole screen with Tab, recording what each stop is and acting on some.
    const seen: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { role: '', name: '', value: '' };
        const labelledBy = el.getAttribute('aria-labelledby');
        const name = (labelledBy && document.getElementById(labelledBy)?.textContent) || el.textContent || '';
        return {
          role: el.getAttribute('role') ?? el.tagName.toLowerCase(),
          name: name.trim(),
          value: (el as HTMLInputElement).value ?? '',
        };
      });
      seen.push(`${stop.role}:${stop.value || stop.name}`);
      if (stop.value === 'email') await page.keyboard.press('Space');
      if (stop.name.startsWith('Acme')) await page.keyboard.press('Space');
      if (stop.name === text.consent.remember) await page.keyboard.press('Space');
      if (stop.name === text.consent.authorize) break;
    }
    expect(seen).toContain('checkbox:email');
    expect(seen).toContain('checkbox:org_acme');
    expect(seen.some((s) => s.startsWith('button:Reports API'))).toBe(true);
    expect(seen.at(-1)).toBe(`button:${text.consent.authorize}`);
    await expect(page.getByRole('checkbox', { name: text.consent.remember, exact: true }).isChecked()).resolves.toBe(
      true,
    );

    await page.keyboard.press('Enter');
    await expectAppResult(page, stack.app.url);
    const claims = await readJson(page, 'id-token-claims');
    expect(claims).not.toHaveProperty('email');
    expect(claims.organizations).toEqual(['org_acme']);
  });
});

describe('given an expired interaction', () => {
  it('should explain it, offer a way back to the app, and have no axe violations', async () => {
    await page.goto(`${stack.app.url}/login`);
    await signIn(page, 'alice@demo.test', 'alice-password');
    const interactionUrl = await expectConsent(page);
    await page.getByRole('button', { name: text.consent.cancel, exact: true }).click();
    await expectAppResult(page, stack.app.url);

    await page.goto(interactionUrl);
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(text.errors.interaction_expired);
    await expect(alert.getByRole('button', { name: text.consent.goBack }).count()).resolves.toBe(1);
    expect(await axe(page)).toEqual([]);

    await alert.getByRole('button', { name: text.consent.goBack }).click();
    await page.waitForURL((url) => url.href.startsWith(stack.app.url));
  });

  it('should go back to the app, not to the sign-in page that expired with it', async () => {
    await page.goto(stack.app.url);
    await page.getByRole('link', { name: 'Sign in with Demo IdP' }).click();
    await signIn(page, 'alice@demo.test', 'alice-password');
    const consentUrl = await expectConsent(page);
    // The interaction ends behind the page's back (its cookies gone, as after its hour), and the
    // user reloads: both this page and the sign-in page before it are expired now.
    await demo.context.clearCookies({ name: /^_interaction/ });
    await page.reload();
    const alert = page.getByRole('alert');
    await expect(alert.innerText()).resolves.toContain(text.errors.interaction_expired);

    await alert.getByRole('button', { name: text.consent.goBack }).click();
    await page.waitForURL((url) => url.href !== consentUrl);
    expect(page.url()).toBe(`${stack.app.url}/`);
    await page.getByRole('link', { name: 'Sign in with Demo IdP' }).waitFor();
  });
});

describe('given a phone (390 × 844) and the demo app’s default request', () => {
  it('should show Authorize without scrolling, keep it in view, and never hide focus under the bar', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(stack.app.url);
    await page.getByRole('link', { name: 'Sign in with Demo IdP' }).click();
    await signIn(page, 'alice@demo.test', 'alice-password');
    await expectConsent(page);

    /** Whether Authorize is wholly on screen and the topmost thing where it is drawn. */
    const inView = () =>
      authorize().evaluate((button) => {
        const rect = button.getBoundingClientRect();
        const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
        return rect.top >= 0 && rect.bottom <= innerHeight && button.contains(hit);
      });
    await page.evaluate(() => scrollTo(0, 0));
    await expect(inView()).resolves.toBe(true);
    await page.evaluate(() => scrollTo(0, document.scrollingElement!.scrollHeight / 2));
    await expect(inView()).resolves.toBe(true);
    expect(await axe(page)).toEqual([]);

    // Keyboard from the top: every stop before Authorize is scrolled clear of the action bar.
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('body').focus();
    const seen: string[] = [];
    const covered: string[] = [];
    let reached = false;
    for (let i = 0; i < 100 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const bar = document.querySelector('.ck-consent__actions')!;
        const rect = el.getBoundingClientRect();
        return {
          name: `${el.localName} ${el.getAttribute('value') ?? el.textContent?.trim().slice(0, 30)}`,
          inBar: bar.contains(el),
          authorize: el.classList.contains('ck-consent__authorize'),
          clear: rect.top >= 0 && rect.bottom <= bar.getBoundingClientRect().top + 0.5,
        };
      });
      seen.push(stop.name);
      if (!stop.inBar && !stop.clear) covered.push(stop.name);
      reached = stop.authorize;
    }
    expect(reached, `Tab reaches Authorize (stops: ${seen.join(' | ')})`).toBe(true);
    expect(covered).toEqual([]);
    // Focused, Authorize is where the user can see it (the request still needs an organization
    // picked, so the keyboard run stops here: the full run is the test above).
    await expect(inView()).resolves.toBe(true);
  });
});
