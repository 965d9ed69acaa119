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
export interface DemoSession {
  stack: Stack;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** Registers the hooks and returns the session they fill in. */
export function useDemoSession(): DemoSession {
  const session = {} as DemoSession;
  beforeAll(async () => {
    [session.stack, session.browser] = await Promise.all([
      startStack({ buildDir: inject('demoBuildDir') }),
      launchBrowser(),
    ]);
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
