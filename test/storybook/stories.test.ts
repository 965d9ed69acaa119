/**
 * Every story of the built Storybook (ours and the other screens' engineers'), in light, dark
 * and right-to-left: it renders, logs no console error, raises no axe violation (WCAG 2.1 A
 * and AA), shows the requested scheme and direction, and does not overflow the page sideways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe } from '../e2e/support/axe.js';
import {
  closeStorybook,
  collectErrors,
  openStorybook,
  storybookEntries,
  storyUrl,
  StoryPage,
  waitForStory,
  type IndexEntry,
  type StorybookSession,
} from './support.js';

const entries = storybookEntries();
const stories = entries.filter((e) => e.type === 'story');
const docs = entries.filter((e) => e.type === 'docs');

const FORCED_COLORS_STORIES = new Set([
  'screens-consent--full',
  'screens-consent--load-error',
  'screens-sign-in--default',
  'stress-consent--broken-logo',
]);

interface Mode {
  globals: Record<string, string>;
  colorScheme: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  forcedColors?: 'active';
  /** Stories this mode visits (default: all). */
  only?: (entry: IndexEntry) => boolean;
}

const MODES: Record<string, Mode> = {
  light: { globals: { scheme: 'light' }, colorScheme: 'light', dir: 'ltr' },
  dark: { globals: { scheme: 'dark' }, colorScheme: 'dark', dir: 'ltr' },
  rtl: { globals: { scheme: 'light', dir: 'rtl' }, colorScheme: 'light', dir: 'rtl' },
  // Windows contrast themes: a few screens (theming stories show colors on purpose).
  'forced colors': {
    globals: { scheme: 'dark' },
    colorScheme: 'dark',
    dir: 'ltr',
    forcedColors: 'active',
    only: (entry) => FORCED_COLORS_STORIES.has(entry.id),
  },
};

let session: StorybookSession;
/** One page per mode (scheme emulated once), plus one for the docs pages. */
const pages = new Map<string, StoryPage>();
beforeAll(async () => {
  session = await openStorybook();
  for (const [mode, { globals, colorScheme, forcedColors }] of Object.entries(MODES)) {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce', forcedColors: forcedColors ?? 'none' });
    pages.set(mode, new StoryPage(page, session.server.url, globals));
  }
});
afterAll(() => closeStorybook(session));

it('should find the stories of every folder', () => {
  expect(stories.length).toBeGreaterThanOrEqual(30);
  for (const group of ['Screens', 'Theming', 'Stress']) {
    expect(
      stories.some((s) => s.title.startsWith(`${group}/`)),
      group,
    ).toBe(true);
  }
});

/**
 * Story-major order (every mode of a story, then the next story): Vitest starts concurrent
 * tests in declaration order up to its concurrency limit, so this keeps one visit per mode's
 * page in flight instead of queueing five behind one page.
 */
const VISITS = stories.flatMap((entry) =>
  Object.entries(MODES)
    .filter(([, mode]) => !mode.only || mode.only(entry))
    .map(([name, mode]) => [`${name}: ${entry.id}`, name, mode, entry] as const),
);

describe.concurrent('every story', () => {
  it.each(VISITS)('%s', async (_label, name, { colorScheme, dir }, entry) => {
    await pages.get(name)!.use(async (visit, page) => {
      let violations: string[] = [];
      let state = { theme: null as string | null, dir: null as string | null, overflow: 0 };
      const errors = await collectErrors(page, async () => {
        await visit(entry);
        state = await page.evaluate(() => {
          const root = document.querySelector('#storybook-root > .ck-root');
          const el = document.scrollingElement!;
          return {
            theme: root?.getAttribute('data-theme') ?? null,
            dir: root?.getAttribute('dir') ?? null,
            overflow: el.scrollWidth - el.clientWidth,
          };
        });
        violations = await axe(page);
      });
      expect(errors, 'console errors').toEqual([]);
      expect(violations, 'axe violations').toEqual([]);
      expect(state.theme, 'scheme of the decorator root').toBe(colorScheme);
      expect(state.dir, 'direction of the decorator root').toBe(dir);
      expect(state.overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(0);
    });
  });
});

describe.concurrent('docs pages', () => {
  it.each(docs.map((d) => [d.id, d] as const))('%s', async (_id, entry) => {
    const page = await session.context.newPage();
    let violations: string[] = [];
    const errors = await collectErrors(page, async () => {
      await page.goto(storyUrl(session.server.url, entry));
      await waitForStory(page, entry);
      violations = await axe(page);
    });
    await page.close();
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
  });
});
