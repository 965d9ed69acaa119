/**
 * Steps a person takes in the demo, shared by the end-to-end tests. Labels come from the
 * shipped locale files, so a test fails when the screen stops saying what the user reads.
 */
import type { Page, Response } from 'playwright-core';
import en from '../../../src/locales/en/consent-kit.json' with { type: 'json' };

export const text = en;

/** Reads the JSON a demo app page shows in a `data-testid` element. */
export async function readJson(page: Page, testId: string): Promise<Record<string, unknown>> {
  return JSON.parse(await page.getByTestId(testId).innerText()) as Record<string, unknown>;
}

/** Waits for the sign-in form of consent-kit (its identifier step). */
export async function expectSignIn(page: Page, labels = en.signIn): Promise<void> {
  await page.getByRole('button', { name: labels.continue, exact: true }).waitFor();
}

/** Signs in with a password: the identifier, Continue, then the password and Sign in. */
export async function signIn(page: Page, identifier: string, password: string, labels = en.signIn): Promise<void> {
  await expectSignIn(page, labels);
  await page.getByLabel(labels.identifier.email_username, { exact: true }).fill(identifier);
  await page.getByRole('button', { name: labels.continue, exact: true }).click();
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** Waits for the consent screen and returns the interaction URL it lives at. */
export async function expectConsent(page: Page, labels = en.consent): Promise<string> {
  await page.getByRole('button', { name: labels.authorize, exact: true }).waitFor();
  return page.url();
}

/**
 * The checkbox of one scope, found by the scope value the kit puts on it. The kit's checkboxes
 * are `button role="checkbox"`s (src/ui/checkbox.tsx), shaped like Radix's.
 */
export function scopeCheckbox(page: Page, scope: string) {
  return page.locator(`[role="checkbox"][value="${scope}"]`);
}

/** Sends a forged consent decision from the interaction page itself (same origin, same cookie). */
export async function forgeConsent(page: Page, decision: unknown): Promise<{ status: number; body: unknown }> {
  const base = new URL(page.url()).pathname.replace(/\/$/, '');
  return page.evaluate(
    async ({ base, decision }) => {
      const response = await fetch(`${base}/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(decision),
      });
      return { status: response.status, body: await response.json() };
    },
    { base, decision },
  );
}

/** Waits until the browser is back on the demo app and it shows its result. */
export async function expectAppResult(page: Page, appUrl: string): Promise<void> {
  await page.waitForURL((url) => url.href.startsWith(appUrl) && /callback/.test(url.pathname));
  await page.locator('#result-title').waitFor();
}

/** Authorizes on the consent screen as offered and waits for the demo app's result. */
export async function authorizeAsOffered(page: Page, appUrl: string): Promise<void> {
  await expectConsent(page);
  await page.getByRole('button', { name: en.consent.authorize, exact: true }).click();
  await expectAppResult(page, appUrl);
}

/** Collects every response the page receives, to check which files a screen downloaded. */
export function recordResponses(page: Page): Response[] {
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  return responses;
}
