/**
 * Saves screenshots of the key stories for every theme preset, in light and dark (and one RTL
 * pass), and of the layout checks' stories (the stress fixtures and the plain screens) in
 * English, Arabic, Korean, Japanese and German at 320, 390 and 1280 px (`layout/<locale>/<width>/`),
 * for design review: `npm run screenshots [-- --out dir] [-- --storybook dir]`.
 * Builds Storybook into a temp folder unless given a built one. Not part of `npm test`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { presets } from '../src/theme/presets.js';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { buildStorybook } from '../test/storybook/global-setup.js';
import { LAYOUT_LOCALES, LAYOUT_STORIES, LAYOUT_VIEWPORTS } from '../test/storybook/layout-cases.js';
import { serveStatic } from '../test/storybook/static-server.js';
import { storyUrl, waitForStory } from '../test/storybook/support.js';

const KEY_STORIES = [
  'screens-consent--full',
  'screens-consent--reader-only',
  'screens-consent--load-error',
  'screens-sign-in--default',
  'stress-consent--very-long-app-name',
  'stress-consent--broken-logo',
];

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'screenshots' }, storybook: { type: 'string' } },
});

const out = resolve(values.out!);
const temp = values.storybook ? undefined : await mkdtemp(join(tmpdir(), 'consent-kit-shots-'));
const dir = values.storybook ? resolve(values.storybook) : join(temp!, 'storybook');
if (temp) {
  console.log('Building Storybook…');
  await buildStorybook(dir);
}

const server = await serveStatic(dir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const runs = [
    ...Object.keys(presets).flatMap((preset) =>
      (['light', 'dark'] as const).map((scheme) => ({ preset, scheme, dir: 'auto' })),
    ),
    { preset: 'default', scheme: 'light' as const, dir: 'rtl' },
  ];
  let count = 0;
  /** Opens `id` with `globals` and saves the whole page as `folder/<id>.png`. */
  const shoot = async (id: string, globals: Record<string, string>, folder: string) => {
    const entry = { id, title: id, name: id, type: 'story' as const };
    await page.goto(storyUrl(server.url, entry, globals));
    await waitForStory(page, entry);
    await page.screenshot({ path: join(folder, `${id}.png`), fullPage: true });
    count++;
  };
  for (const run of runs) {
    await page.emulateMedia({ colorScheme: run.scheme, reducedMotion: 'reduce' });
    const folder = join(out, run.preset, run.dir === 'rtl' ? `${run.scheme}-rtl` : run.scheme);
    await mkdir(folder, { recursive: true });
    for (const id of KEY_STORIES) {
      await shoot(id, { preset: run.preset, scheme: run.scheme, dir: run.dir }, folder);
    }
  }
  // The layout checks' cases, as a reviewer compares them with other consent screens.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  for (const viewport of LAYOUT_VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const locale of LAYOUT_LOCALES) {
      const folder = join(out, 'layout', locale, String(viewport.width));
      await mkdir(folder, { recursive: true });
      for (const id of LAYOUT_STORIES) await shoot(id, { locale, scheme: 'light' }, folder);
    }
  }
  console.log(`Saved ${count} screenshots under ${out}`);
} finally {
  await browser.close();
  await server.close();
  if (temp) await rm(temp, { recursive: true, force: true });
}
