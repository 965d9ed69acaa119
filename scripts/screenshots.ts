/**
 * Saves screenshots of the key stories for every theme preset, in light and dark (and one RTL
 * pass), for design review: `npm run screenshots [-- --out dir] [-- --storybook dir]`.
 * Builds Storybook into a temp folder unless given a built one. Not part of `npm test`.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { presets } from '../src/theme/presets.js';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { buildStorybook } from '../test/storybook/global-setup.js';
import { serveStatic } from '../test/storybook/static-server.js';

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
  for (const run of runs) {
    await page.emulateMedia({ colorScheme: run.scheme, reducedMotion: 'reduce' });
    const folder = join(out, run.preset, run.dir === 'rtl' ? `${run.scheme}-rtl` : run.scheme);
    await mkdir(folder, { recursive: true });
    for (const id of KEY_STORIES) {
      const url = new URL('iframe.html', server.url);
      url.searchParams.set('id', id);
      url.searchParams.set('viewMode', 'story');
      url.searchParams.set('globals', `preset:${run.preset};scheme:${run.scheme};dir:${run.dir}`);
      await page.goto(url.href);
      await page.waitForFunction(() => {
        const root = document.querySelector('#storybook-root');
        return !!root?.querySelector('.ck-root[lang]') && [...document.images].every((img) => img.complete);
      });
      await page.screenshot({ path: join(folder, `${id}.png`), fullPage: true });
      count++;
    }
  }
  console.log(`Saved ${count} screenshots under ${out}`);
} finally {
  await browser.close();
  await server.close();
  if (temp) await rm(temp, { recursive: true, force: true });
}
