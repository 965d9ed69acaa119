/**
 * Shared by the Storybook checks: the built Storybook served locally, one Chromium, a small
 * pool of pages visited in parallel, and what counts as a story being ready.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { inject } from 'vitest';
import { BROWSER_WAIT_MS, launchBrowser } from '../e2e/support/browser.js';
import { serveStatic, type StaticServer } from './static-server.js';

/** One entry of Storybook's index.json. */
export interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** Every entry of the built Storybook, read at collection time (the build ran in global setup). */
export function storybookEntries(): IndexEntry[] {
  const index = JSON.parse(readFileSync(join(inject('storybookDir'), 'index.json'), 'utf8')) as {
    entries: Record<string, IndexEntry>;
  };
  return Object.values(index.entries);
}

export interface StorybookSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
}

/** Serves the build and launches Chromium; pages may only reach the local server. */
export async function openStorybook(): Promise<StorybookSession> {
  const [server, browser] = await Promise.all([serveStatic(inject('storybookDir')), launchBrowser()]);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  // Offline by construction: any request leaving the local server fails (and is reported).
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => route.abort(),
  );
  return { server, browser, context };
}

export async function closeStorybook(session: StorybookSession | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.close();
}

/**
 * One page showing stories with fixed globals. The first story is a page load; the next ones
 * are switched through Storybook's own channel (as its manager does), which saves reloading
 * and re-parsing Storybook and axe for each of the hundred-odd visits.
 */
export class StoryPage {
  private loaded = false;
  /** Serializes visits: tests of one mode share the page. */
  private queue: Promise<unknown> = Promise.resolve();
  constructor(
    readonly page: Page,
    private readonly base: string,
    private readonly globals: Record<string, string>,
  ) {}

  /** Runs `fn` on the page once every earlier visit has finished. */
  use<T>(fn: (visit: (entry: IndexEntry) => Promise<void>, page: Page) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => fn((entry) => this.visit(entry), this.page));
    this.queue = run.catch(() => {});
    return run;
  }

  private async visit(entry: IndexEntry): Promise<void> {
    if (!this.loaded) {
      await this.page.goto(storyUrl(this.base, entry, this.globals));
      this.loaded = true;
    } else {
      await this.page.evaluate(
        (storyId) =>
          new Promise<void>((resolve, reject) => {
            type Channel = {
              on(e: string, f: (x: unknown) => void): void;
              off(e: string, f: (x: unknown) => void): void;
              emit(e: string, x: unknown): void;
            };
            const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel })
              .__STORYBOOK_ADDONS_CHANNEL__;
            const done = (error?: string) => {
              for (const [event, fn] of handlers) channel.off(event, fn);
              if (error) reject(new Error(error));
              else resolve();
            };
            const handlers: [string, (x: unknown) => void][] = [
              ['storyRendered', (id) => id === storyId && done()],
              ['storyErrored', (x) => done(`story errored: ${JSON.stringify(x)}`)],
              ['storyThrewException', (x) => done(`story threw: ${String((x as { message?: string })?.message ?? x)}`)],
              ['storyMissing', () => done('story missing')],
            ];
            for (const [event, fn] of handlers) channel.on(event, fn);
            channel.emit('setCurrentStory', { storyId, viewMode: 'story' });
          }),
        entry.id,
      );
    }
    await waitForStory(this.page, entry);
  }
}

/** The stress stories' broken logos live on the reserved `.invalid` domain: their failure is the point. */
function isExpected(message: ConsoleMessage): boolean {
  if (!message.text().startsWith('Failed to load resource')) return false;
  try {
    return new URL(message.location().url).hostname.endsWith('.invalid');
  } catch {
    return false;
  }
}

/** Records console errors and uncaught exceptions while `fn` runs. */
export async function collectErrors(page: Page, fn: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' && !isExpected(message))
      errors.push(`console: ${message.text()} (${message.location().url})`);
  };
  const onError = (error: Error) => errors.push(`uncaught: ${error.message}`);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    await fn();
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
  return errors;
}

/** Toolbar globals in Storybook's URL syntax. */
export function storyUrl(base: string, entry: IndexEntry, globals: Record<string, string> = {}): string {
  const url = new URL('iframe.html', base);
  url.searchParams.set('id', entry.id);
  url.searchParams.set('viewMode', entry.type === 'docs' ? 'docs' : 'story');
  const g = Object.entries(globals)
    .map(([k, v]) => `${k}:${v}`)
    .join(';');
  if (g) url.searchParams.set('globals', g);
  return url.href;
}

/** Waits until the story rendered the kit, finished loading locales, and settled its images. */
export async function waitForStory(page: Page, entry: IndexEntry): Promise<void> {
  await page.waitForFunction(
    (type) => {
      if (document.body.classList.contains('sb-show-errordisplay')) return true;
      if (type === 'docs') return !!document.querySelector('#storybook-docs h1');
      const root = document.querySelector('#storybook-root');
      if (!root?.querySelector('.ck-root[lang]')) return false;
      if (root.querySelector(':is(.ck-root, .ck-scope)[aria-busy="true"]:not([lang])')) return false;
      // Every image loaded or failed, and each failed logo replaced by its monogram (LogoImage
      // swaps it on the error event), which is what the checks after this must see.
      return [...document.images].every((img) => img.complete && (img.naturalWidth > 0 || !img.closest('.ck-logo')));
      // Interval polling: only one of the parallel pages is in front, and Chromium throttles
      // requestAnimationFrame (the default polling) in the others to about one frame a second.
    },
    entry.type,
    { polling: 20 },
  );
  const failure = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'story failed')
      : null,
  );
  if (failure) throw new Error(`${entry.id} failed to render: ${failure}`);
}
