/**
 * Provider branding end to end: the demo IdP gives the web app a brand color (teal) and, for a
 * request with `organization_id=org_acme`, Acme's (amber), which the screens apply over the
 * default theme through the same contrast derivation.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stack } from '../../demo/stack.js';
import { useDemoSession } from './support/demo-session.js';
import { expectSignIn } from './support/flows.js';

const demo = useDemoSession();
let page: Page;
let stack: Stack;

beforeEach(() => {
  ({ page, stack } = demo);
});

const PROFILE_ONLY = `scope=${encodeURIComponent('openid profile email')}&resource=`;

/** The brand color the sign-in screen's kit root ends up with, once the branding chunk applied it. */
async function accentOf(page: Page, notEqual?: string): Promise<string> {
  await expectSignIn(page);
  const handle = await page.waitForFunction((previous) => {
    const root = document.querySelector<HTMLElement>('.ck-sign-in')?.closest<HTMLElement>('.ck-root');
    const value = root?.style.getPropertyValue('--ck-color-accent');
    return value && value !== previous ? value : undefined;
  }, notEqual);
  return (await handle.jsonValue()) as string;
}

describe('given the demo web app with its own brand color', () => {
  it("should show the app's color, and the organization's over it when the request targets Acme", async () => {
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}`);
    const app = await accentOf(page);
    await page.goto(`${stack.app.url}/login?${PROFILE_ONLY}&organization_id=org_acme`);
    const organization = await accentOf(page, app);
    expect(app).not.toBe(organization);
    // Amber (#b45309) kept as is: white text on it already reaches 4.5:1.
    expect(organization).toBe('#b45309');
  });
});
