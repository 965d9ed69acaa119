/**
 * Brand contrast as Chromium paints it: for each preset and a set of brand colors (pale yellow
 * and near-black included), in light and dark, the primary button's text, a link and an info
 * badge reach WCAG AA (4.5:1) against what is actually behind them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contrast } from '../../src/theme/color.js';
import { presets } from '../../src/theme/presets.js';
import { BRAND_SAMPLES } from '../unit/theme/brand-colors.js';
import { closeStorybook, openStorybook, storybookEntries, StoryPage, type StorybookSession } from './support.js';

let session: StorybookSession;
beforeAll(async () => {
  session = await openStorybook();
});
afterAll(() => closeStorybook(session));

/** `rgb()` / `rgba()` as computed by Chromium, composited over an opaque color when translucent. */
function over(color: string, under: string): string {
  const m = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(color);
  if (!m) throw new Error(`unexpected computed color ${color}`);
  const a = m[4] === undefined ? 1 : Number(m[4]);
  const base = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(under);
  if (a < 1 && !base) throw new Error(`cannot composite over ${under}`);
  const mixed = [1, 2, 3].map((i) => Math.round(Number(m[i]) * a + (base ? Number(base[i]) : 0) * (1 - a)));
  return `rgb(${mixed.join(', ')})`;
}

interface Cell {
  label: string;
  button: [string, string];
  link: [string, string];
  badge: [string, string];
  surface: string;
}

it('should reach 4.5:1 for the button, links and badges of every preset and brand color, light and dark', async () => {
  const entry = storybookEntries().find((e) => e.id === 'theming-presets--brand-contrast');
  expect(entry, 'the brand-contrast story').toBeDefined();
  const story = new StoryPage(await session.context.newPage(), session.server.url, {});
  const cells = await story.use(async (visit, page) => {
    await visit(entry!);
    return page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-contrast-cell]')].map((cell) => {
        const cs = (el: Element) => getComputedStyle(el);
        const button = cell.querySelector('.ck-button--primary')!;
        const link = cell.querySelector('.ck-link')!;
        const badge = cell.querySelector('.ck-badge')!;
        return {
          label: cell.dataset.contrastCell!,
          button: [cs(button).color, cs(button).backgroundColor],
          link: [cs(link).color, cs(cell).backgroundColor],
          badge: [cs(badge).color, cs(badge).backgroundColor],
          surface: cs(cell).backgroundColor,
        } satisfies Cell;
      }),
    );
  });
  const schemes = 2;
  expect(cells).toHaveLength(schemes * Object.keys(presets).length * (Object.keys(BRAND_SAMPLES).length + 1));
  const failures = cells.flatMap((cell) =>
    (['button', 'link', 'badge'] as const)
      .map((part) => {
        const background = over(cell[part][1], cell.surface);
        return [part, contrast(over(cell[part][0], background), background)] as const;
      })
      .filter(([, ratio]) => ratio < 4.5)
      .map(([part, ratio]) => `${cell.label}: ${part} ${cell[part].join(' on ')} = ${ratio.toFixed(2)}:1`),
  );
  expect(failures).toEqual([]);
});
