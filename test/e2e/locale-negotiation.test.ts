/**
 * Languages in Chromium against the demo IdP: the request's `ui_locales` picks the language,
 * Arabic renders right to left with the action buttons mirrored, and a page downloads the one
 * locale chunk it shows and no other.
 *
 * alice signs in once in English (and cancels), so that the request under test goes straight
 * to the consent screen on her IdP session: the sign-in screen's labels are not what these
 * tests are about.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { axe } from './support/axe.js';
import { useDemoSession } from './support/demo-session.js';
import { expectAppResult, expectConsent, recordResponses, signIn, text } from './support/flows.js';

type Strings = { consent: { authorize: string; cancel: string; title: string } } & Record<string, unknown>;
const LOCALES_DIR = new URL('../../src/locales/', import.meta.url);
const locales: Record<string, Strings> = Object.fromEntries(
  readdirSync(LOCALES_DIR).map((lng) => [
    lng,
    JSON.parse(readFileSync(new URL(`${lng}/consent-kit.json`, LOCALES_DIR), 'utf8')) as Strings,
  ]),
);

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

const SCOPE = encodeURIComponent('openid profile email read:reports');

/** Signs alice in on an English request and cancels it, leaving her IdP session behind. */
async function signInOnce(): Promise<void> {
  await page.goto(`${stack.app.url}/login?scope=${SCOPE}`);
  await signIn(page, 'alice@demo.test', 'alice-password');
  await expectConsent(page);
  await page.getByRole('button', { name: text.consent.cancel, exact: true }).click();
  await expectAppResult(page, stack.app.url);
}

/** Opens the consent screen of a new request asking for `uiLocales`. */
async function consentIn(uiLocales: string, labels: Strings['consent']): Promise<void> {
  await page.goto(`${stack.app.url}/login?scope=${SCOPE}&ui_locales=${encodeURIComponent(uiLocales)}`);
  await expectConsent(page, labels as typeof text.consent);
}

/** The layout width (without a scrollbar), about whose middle the card is centred. */
const pageWidth = () => page.evaluate(() => document.documentElement.clientWidth);

async function box(name: string) {
  const found = await page.getByRole('button', { name, exact: true }).boundingBox();
  if (!found) throw new Error(`no box for ${name}`);
  return found;
}

describe('given ui_locales=ar', () => {
  it('should render the consent screen right to left, with Authorize and Cancel mirrored', async () => {
    await signInOnce();
    await consentIn('en', text.consent);
    const ltr = {
      authorize: await box(text.consent.authorize),
      cancel: await box(text.consent.cancel),
      width: await pageWidth(),
    };

    const ar = locales.ar!.consent;
    await consentIn('ar', ar);
    const root = page.locator('.ck-root').first();
    await expect(root.getAttribute('dir')).resolves.toBe('rtl');
    await expect(root.getAttribute('lang')).resolves.toBe('ar');
    await expect(page.locator('html').getAttribute('dir')).resolves.not.toBe('rtl');
    const rtl = { authorize: await box(ar.authorize), cancel: await box(ar.cancel), width: await pageWidth() };

    // Same row in both; the order along it is reversed.
    expect(Math.round(ltr.authorize.y)).toBe(Math.round(ltr.cancel.y));
    expect(Math.round(rtl.authorize.y)).toBe(Math.round(rtl.cancel.y));
    expect(Math.sign(ltr.authorize.x - ltr.cancel.x)).toBe(-Math.sign(rtl.authorize.x - rtl.cancel.x));
    // Mirrored about the card's centre line: each button takes the other's place.
    expect(
      Math.abs(rtl.authorize.x + rtl.authorize.width - (rtl.width - (ltr.authorize.x + (rtl.width - ltr.width) / 2))),
    ).toBeLessThan(2);
    expect(
      Math.abs(rtl.cancel.x + rtl.cancel.width - (rtl.width - (ltr.cancel.x + (rtl.width - ltr.width) / 2))),
    ).toBeLessThan(2);

    // The heading starts at the right edge of the card.
    const title = page.getByRole('heading', { level: 1 });
    await expect(title.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
    expect(await axe(page)).toEqual([]);
  });
});

describe('given ui_locales=ko', () => {
  it('should download no locale chunk: the Korean strings come in the page', async () => {
    await signInOnce();
    const responses = recordResponses(page);
    await consentIn('ko', locales.ko!.consent);

    const scripts = [...new Set(responses.map((r) => r.url()).filter((url) => url.endsWith('.js')))];
    // Fetched again from the IdP: the browser may drop bodies of earlier responses.
    const bodies = await Promise.all(scripts.map(async (url) => [url, await (await fetch(url)).text()] as const));
    /** A long phrase only `lng` has, as it appears in a built chunk. */
    const marker = (lng: string) =>
      locales[lng]!.consent.title.split('{{app}}')
        .sort((a, b) => b.length - a.length)[0]!
        .trim();
    const holding = (lng: string) => bodies.filter(([, body]) => body.includes(marker(lng))).map(([url]) => url);

    expect(holding('ko')).toEqual([]);
    expect(holding('en')).toHaveLength(1);
    const others = Object.keys(locales).filter((lng) => lng !== 'ko' && lng !== 'en');
    expect(others).toHaveLength(28);
    expect(others.filter((lng) => holding(lng).length > 0)).toEqual([]);
  });

  it('should fall back through BCP 47 matching: zh-Hant-HK shows Hong Kong Chinese', async () => {
    await signInOnce();
    await consentIn('zh-Hant-HK', locales['zh-HK']!.consent);
    await expect(page.locator('.ck-root').first().getAttribute('lang')).resolves.toBe('zh-HK');
    await expect(page.locator('.ck-root').first().getAttribute('dir')).resolves.toBe('ltr');
  });
});
