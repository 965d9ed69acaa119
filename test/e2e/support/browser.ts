/**
 * Debian's Chromium driven by playwright-core. No browser download happens here: the tests use
 * the system's `chromium`, with the flags that keep it off the network.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * Playwright's limit for one wait (a navigation, a locator, a function): a hang guard, far above
 * what a loaded machine needs, and below the browser suites' test limit (vite.config.ts) so a
 * hang fails with what it was waiting for rather than a bare test timeout.
 */
export const BROWSER_WAIT_MS = 120_000;

/** Path of Debian's Chromium (override with CHROMIUM_PATH). */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  }
}

/** Launches headless Chromium; the caller closes it. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A new page of `browser` waiting up to {@link BROWSER_WAIT_MS}, with `problems`: every console
 * warning and error and every uncaught error of the page, as it happens (a host app must log none).
 */
export async function openWatchedPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  page.setDefaultTimeout(BROWSER_WAIT_MS);
  const problems: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'warning' || message.type() === 'error')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return { page, problems };
}
