/**
 * One demo stack and one Chromium per test file, and a fresh browser context per test, so no
 * IdP session or grant leaks from one test into the next. Servers and browser are stopped by
 * the file's own hooks.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { startStack, type Stack } from '../../../demo/stack.js';
import { BROWSER_WAIT_MS, launchBrowser } from './browser.js';

/** What a test uses; read the fields inside tests (they are set by the hooks). */
export interface BrowserSession<S> {
  stack: S;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** The demo stack's session. */
export type DemoSession = BrowserSession<Stack>;

/**
 * Registers the hooks (one stack from `start` and one Chromium per file, a fresh browser context
 * per test) and returns the session they fill in.
 */
export function useBrowserSession<S extends { close(): Promise<void> }>(start: () => Promise<S>): BrowserSession<S> {
  const session = {} as BrowserSession<S>;
  beforeAll(async () => {
    [session.stack, session.browser] = await Promise.all([start(), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all([session.browser?.close(), session.stack?.close()]);
  });
  beforeEach(async () => {
    session.context = await session.browser.newContext();
    session.context.setDefaultTimeout(BROWSER_WAIT_MS);
    session.page = await session.context.newPage();
  });
  afterEach(async () => {
    await session.context.close();
  });
  return session;
}

/** The demo stack (one IdP, in memory) with Chromium. */
export function useDemoSession(): DemoSession {
  return useBrowserSession(() => startStack({ buildDir: inject('demoBuildDir') }));
}
