/**
 * The screens' layout under provider text and in every kind of language (issue 12), in
 * Chromium: the stress stories (long role, long permission, long unbroken names, direction
 * controls, broken branding logos) and the plain screens, in English, Arabic, Korean, Japanese
 * and German, at 320 × 568, 390 × 844 and 1280 × 800. No element or text of the card reaches
 * past its edges, the page never scrolls sideways, and the decision stays in reach: on small
 * screens Authorize is on screen wherever the page is scrolled, and focus moving through the
 * screen by keyboard never lands under the action bar.
 *
 * One Chromium and one page, a page load per language (its toolbar global), stories switched
 * through Storybook's channel and the viewport resized in place: no page reload per case.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_LOCALES, LAYOUT_STORIES, LAYOUT_VIEWPORTS } from './layout-cases.js';
import {
  closeStorybook,
  collectErrors,
  openStorybook,
  type IndexEntry,
  type StorybookSession,
  StoryPage,
  storybookEntries,
} from './support.js';

const LOCALES = LAYOUT_LOCALES;
const VIEWPORTS = LAYOUT_VIEWPORTS;
/** Below this width (the stylesheet's 40rem) the action bar sticks to the bottom of the screen. */
const NARROW = 640;

const STORIES: readonly string[] = LAYOUT_STORIES;

const entries = storybookEntries();
const byId = new Map(entries.map((entry) => [entry.id, entry]));

let session: StorybookSession;
let page: Page;
beforeAll(async () => {
  session = await openStorybook();
  page = await session.context.newPage();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
});
let current: { locale: string; story: StoryPage } | undefined;
/**
 * The one page, showing stories in `locale`. One page in front, never several: Chromium runs
 * the pages behind it at about a frame a second, which made each case wait tens of seconds.
 * A new language is one page load (the toolbar global is in the URL); stories in the same
 * language are switched through Storybook's channel.
 */
function inLocale(locale: string): StoryPage {
  if (current?.locale !== locale)
    current = { locale, story: new StoryPage(page, session.server.url, { locale, scheme: 'light' }) };
  return current.story;
}
afterAll(() => closeStorybook(session));

/** What one screen looks like at one size. */
interface Layout {
  /** Elements and text runs of the card that reach past its border box (at most five). */
  outside: string[];
  /** How far the page scrolls sideways (px). */
  sideways: number;
  /** The screen's main action, where it is after the page was scrolled to the top and to the bottom. */
  action: { label: string; top: Reach; bottom: Reach; reachable: boolean } | undefined;
}

/** Whether the action is on screen and not covered by anything. */
type Reach = { visible: boolean; covered: boolean };

/** Measures the story on screen (runs in the page). */
function measure(page: Page): Promise<Layout> {
  // Layout is read synchronously (every read below forces it): the kit's layout is CSS alone,
  // with no observer to wait a frame for.
  return page.evaluate(() => {
    const card = document.querySelector<HTMLElement>('#storybook-root .ck-card')!;
    const box = card.getBoundingClientRect();
    const outside: string[] = [];
    const check = (rect: DOMRect, what: () => string) => {
      if (rect.width === 0 && rect.height === 0) return;
      if (rect.left < box.left - 1 || rect.right > box.right + 1) {
        if (outside.length < 5)
          outside.push(
            `${what()} at ${Math.round(rect.left)}–${Math.round(rect.right)} in ${Math.round(box.left)}–${Math.round(box.right)}`,
          );
      }
    };
    // Elements, and text (a word too long for its line shows in no element's box but its own).
    for (const element of card.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('.ck-visually-hidden')) continue;
      check(element.getBoundingClientRect(), () => `<${element.localName} class="${element.className}">`);
    }
    const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim() || node.parentElement?.closest('.ck-visually-hidden')) continue;
      range.selectNodeContents(node);
      check(range.getBoundingClientRect(), () => `text "${node.textContent!.slice(0, 40)}"`);
    }
    const scroller = document.scrollingElement!;
    const sideways = scroller.scrollWidth - scroller.clientWidth;

    const button = card.querySelector<HTMLButtonElement>('.ck-consent__authorize, .ck-sign-in__submit');
    if (!button) return { outside, sideways, action: undefined };
    const reach = (): Reach => {
      const rect = button.getBoundingClientRect();
      const visible = rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth;
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return { visible, covered: visible && !button.contains(hit) };
    };
    scrollTo(0, 0);
    const top = reach();
    scrollTo(0, scroller.scrollHeight);
    const bottom = reach();
    button.scrollIntoView({ block: 'center' });
    const centred = reach();
    scrollTo(0, 0);
    return {
      outside,
      sideways,
      action: { label: button.textContent ?? '', top, bottom, reachable: centred.visible && !centred.covered },
    };
  });
}

/** Resizes the page (the next read of its layout lays it out at the new size). */
async function resize(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(viewport);
}

// Language after language: one page load each.
const CASES = LOCALES.flatMap((locale) => STORIES.map((id) => [`${id} in ${locale}`, id, locale] as const));

describe('the stress stories and plain screens', () => {
  it('should all be built', () => {
    expect(STORIES.filter((id) => !byId.has(id))).toEqual([]);
  });

  it.each(CASES)('%s: inside the card, no sideways scroll, the decision in reach', async (_label, id, locale) => {
    const entry = byId.get(id) as IndexEntry;
    await inLocale(locale).use(async (visit, page) => {
      const results: { viewport: string; layout: Layout }[] = [];
      const errors = await collectErrors(page, async () => {
        await resize(page, VIEWPORTS[0]);
        await visit(entry);
        for (const viewport of VIEWPORTS) {
          await resize(page, viewport);
          results.push({ viewport: `${viewport.width}×${viewport.height}`, layout: await measure(page) });
        }
      });
      expect(errors, 'console errors').toEqual([]);
      for (const { viewport, layout } of results) {
        expect(layout.outside, `${viewport}: outside the card`).toEqual([]);
        expect(layout.sideways, `${viewport}: sideways scroll (px)`).toBeLessThanOrEqual(0);
        expect(layout.action, `${viewport}: the main action`).toBeDefined();
        expect(layout.action!.reachable, `${viewport}: ${layout.action!.label} reachable`).toBe(true);
        if (id.includes('consent') && Number.parseInt(viewport, 10) < NARROW) {
          // On small screens Authorize sits in the sticky bar: on screen, uncovered, top to bottom.
          expect(layout.action!.top, `${viewport}: ${layout.action!.label} at the top`).toEqual({
            visible: true,
            covered: false,
          });
          expect(layout.action!.bottom, `${viewport}: ${layout.action!.label} at the bottom`).toEqual({
            visible: true,
            covered: false,
          });
        }
      }
    });
  });
});

describe('the consent screen on a phone (390 × 844, English)', () => {
  it('should never let focus land under the action bar while tabbing through the screen', async () => {
    await inLocale('en').use(async (visit, page) => {
      await resize(page, VIEWPORTS[1]);
      await visit(byId.get('stress-consent--long-permission')!);
      await page.evaluate(() => scrollTo(0, 0));
      await page
        .locator('#storybook-root .ck-card')
        .focus()
        .catch(() => {});
      const hidden: string[] = [];
      let reachedAuthorize = false;
      for (let stop = 0; stop < 60 && !reachedAuthorize; stop += 1) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const focused = document.activeElement as HTMLElement | null;
          const bar = document.querySelector('#storybook-root .ck-consent__actions')!;
          if (!focused || focused === document.body) return undefined;
          const rect = focused.getBoundingClientRect();
          const barTop = bar.getBoundingClientRect().top;
          return {
            name: `${focused.localName} ${focused.getAttribute('value') ?? focused.textContent?.trim().slice(0, 30)}`,
            inBar: bar.contains(focused),
            authorize: focused.classList.contains('ck-consent__authorize'),
            clear: rect.top >= 0 && rect.bottom <= barTop + 0.5,
          };
        });
        if (!state) continue;
        if (!state.inBar && !state.clear) hidden.push(state.name);
        reachedAuthorize = state.authorize;
      }
      expect(reachedAuthorize, 'Tab reaches Authorize').toBe(true);
      expect(hidden, 'focused under the action bar or off screen').toEqual([]);
    });
  });
});

describe('the language of the screen', () => {
  /** The font stack, word breaking and account row of the full consent screen in `locale`, at `width`. */
  async function typography(locale: (typeof LOCALES)[number], width: number) {
    return inLocale(locale).use(async (visit, page) => {
      await resize(page, { width, height: 800 });
      await visit(byId.get('screens-consent--full')!);
      return page.evaluate(() => {
        const card = document.querySelector<HTMLElement>('#storybook-root .ck-card')!;
        const style = getComputedStyle(card);
        const name = card.querySelector('.ck-consent__account-name')!.getBoundingClientRect();
        const button = card.querySelector('.ck-consent__switch')!.getBoundingClientRect();
        const indicator = card.querySelector('.ck-consent__indicator')!;
        return {
          fontFamily: style.fontFamily,
          wordBreak: style.wordBreak,
          nameLines: Math.round(
            name.height /
              Number.parseFloat(getComputedStyle(card.querySelector('.ck-consent__account-name')!).lineHeight),
          ),
          buttonBelow: button.top >= name.bottom - 1,
          indicatorFont: getComputedStyle(indicator).fontFamily,
          indicatorValueFont: getComputedStyle(indicator.querySelector('code')!).fontFamily,
        };
      });
    });
  }

  it('should draw Japanese and Chinese without a Korean font first, and Korean with one', async () => {
    const ja = await typography('ja', 1280);
    expect(ja.fontFamily).toMatch(/Hiragino Sans|Noto Sans CJK JP/);
    expect(ja.fontFamily).not.toMatch(/KR|Apple SD Gothic|Malgun/);
    const ko = await typography('ko', 1280);
    expect(ko.fontFamily).toMatch(/Apple SD Gothic Neo|Noto Sans KR/);
    expect(ko.fontFamily).not.toMatch(/JP|Hiragino/);
    const en = await typography('en', 1280);
    expect(en.fontFamily).not.toMatch(/KR|JP|Gothic|Hiragino/);
  });

  it('should break Korean between words only', async () => {
    expect((await typography('ko', 390)).wordBreak).toBe('keep-all');
    expect((await typography('en', 390)).wordBreak).toBe('normal');
  });

  it('should wrap "Not you?" below the name rather than squeeze it', async () => {
    for (const locale of ['ko', 'ja', 'de'] as const) {
      const layout = await typography(locale, 320);
      expect([locale, layout.nameLines]).toEqual([locale, 1]);
      expect([locale, layout.buttonBelow]).toEqual([locale, true]);
    }
    // Where both fit, they share the line.
    expect((await typography('en', 1280)).buttonBelow).toBe(false);
  });

  it('should set only the API indicator in monospace, not the words around it', async () => {
    const { indicatorFont, indicatorValueFont } = await typography('ar', 390);
    expect(indicatorFont).not.toMatch(/monospace/);
    expect(indicatorValueFont).toMatch(/monospace/);
  });
});

describe('the scopes of the consent screen on a phone (390 × 844)', () => {
  it("should keep each scope's badges and scope name on its label's line where they fit", async () => {
    for (const locale of ['en', 'de', 'ar'] as const) {
      const rows = await inLocale(locale).use(async (visit, page) => {
        await resize(page, VIEWPORTS[1]);
        await visit(byId.get('screens-consent--full')!);
        return page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('#storybook-root .ck-consent__scope')].flatMap((row) => {
            const label = row.querySelector(':scope > .ck-field__label');
            const first = row.querySelector(':scope > .ck-field__meta > *');
            if (!label || !first) return [];
            const lines = label.getClientRects();
            const last = lines[lines.length - 1]!;
            const meta = first.getBoundingClientRect();
            const box = row.getBoundingClientRect();
            const rtl = getComputedStyle(row).direction === 'rtl';
            // The room left on the label's last line, and whether the first badge or pill used it.
            const room = rtl ? last.left - box.left : box.right - last.right;
            return [
              {
                row: row.textContent!.trim().slice(0, 40),
                ownLine: meta.top >= last.bottom - 1 && room > meta.width + 16,
              },
            ];
          }),
        );
      });
      expect(rows.length, `${locale}: scope rows with a badge or scope name`).toBeGreaterThanOrEqual(3);
      expect(
        rows.filter((row) => row.ownLine).map((row) => row.row),
        `${locale}: on a line of their own`,
      ).toEqual([]);
    }
  });
});
