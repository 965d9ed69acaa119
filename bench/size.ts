/**
 * `npm run bench:size`: what a consent page costs its users before the screen is there, counted
 * the way a browser loads it.
 *
 * The page (`bench/consent-page/`) embeds the kit exactly as the README's fast path says: it
 * imports `consent-kit`, `consent-kit/client` and `consent-kit/styles.css`, resolved through
 * package.json's `exports` to the published build (`dist/`, rebuilt first with `npm run build`),
 * reads the step the server embedded, preloads what it needs and mounts `<InteractionScreen>`
 * (a server-rendered page loads the same files before it hydrates). Vite bundles it for
 * production (React and react-dom in a chunk of their own, which is left out: the host pays for
 * React anyway). Chromium then opens the page once per case — English unbranded, English
 * branded, Korean branded — from a local server that embeds a fixture step in it, and counts
 * every JavaScript file it requested before the first `<button>` appeared (entry, static
 * imports, the locale loader and locale, the branding compiler, anything else), gzipped at level
 * 9, and every stylesheet.
 *
 * Prints one line per case, `consent page (<case>): <N> KB gzip JS beyond React, <N> KB gzip
 * CSS`, then the worst case as `consent page: …`. Budget: the worst case ≤ 40 KB JS, ≤ 8 KB CSS;
 * exits non-zero over it. Lazily loaded chunks nobody waited for are listed for reference.
 */
import { execFileSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import pkg from '../package.json' with { type: 'json' };
import { PRODUCTION_PAGE } from '../scripts/production-page.js';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { brandedConsentStep } from '../test/fixtures/branding.js';
import { consentStep } from '../test/fixtures/steps.js';
import { renderInteraction } from '../src/render/index.js';
import type { ConsentStep } from '../src/protocol/interaction.js';

const BUDGET_JS_KB = 40;
const BUDGET_CSS_KB = 8;
const repo = fileURLToPath(new URL('../', import.meta.url));
const root = fileURLToPath(new URL('./consent-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./.build/consent-page/', import.meta.url));

const CASES: { name: string; step: ConsentStep }[] = [
  { name: 'English unbranded', step: consentStep({ uid: 'en-unbranded' }) },
  { name: 'English branded', step: { ...brandedConsentStep(), uid: 'en-branded' } },
  { name: 'Korean branded', step: { ...brandedConsentStep(), uid: 'ko-branded', uiLocales: ['ko-KR', 'en'] } },
];

// The published build, as `npm publish` would ship it.
if (!process.env.BENCH_SKIP_LIBRARY_BUILD) {
  console.log('building the library (npm run build)…');
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** `consent-kit/…` as a bundler resolves it for a consumer: through package.json's `exports`. */
const alias = Object.entries(pkg.exports as Record<string, string | { default: string }>)
  .filter(([key]) => !key.includes('*'))
  .map(([key, target]) => ({
    find: new RegExp(`^${`consent-kit${key.slice(1)}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
    replacement: join(repo, typeof target === 'string' ? target : target.default),
  }));

await build({
  ...PRODUCTION_PAGE,
  root,
  base: '/',
  resolve: { alias },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // The React entry's 'use client' is meant for RSC hosts; a plain SPA bundle drops it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'PLUGIN_TIMINGS') return;
        warn(warning);
      },
      output: {
        // React apart, so it can be left out of the count.
        codeSplitting: { groups: [{ name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const steps = new Map(CASES.map((c) => [c.step.uid, c.step]));
/** Per step: gzip KB of the strings and compiled branding the page carries inline (not JS, counted apart). */
const inlineKb = new Map<string, number>();
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const details = /^\/interaction\/([\w-]+)\/details$/.exec(path);
  if (details) {
    const step = steps.get(details[1]!);
    res
      .writeHead(step ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(step ?? { error: 'interaction_expired' }));
    return;
  }
  const page = /^\/interaction\/([\w-]+)$/.exec(path);
  if (page) {
    // The fast path: the server embeds the step (bridge.step) in the page, with the strings
    // and compiled branding it renders with (renderInteraction's preloadElement).
    const step = steps.get(page[1]!);
    const rendered = step && (await renderInteraction(JSON.parse(JSON.stringify(step))));
    const html = (await readFile(join(outDir, 'index.html'), 'utf8')).replace(
      '<div id="root"></div>',
      `<div id="root"></div>${rendered ? rendered.stepElement + rendered.preloadElement : ''}`,
    );
    if (rendered) inlineKb.set(page[1]!, gzipSync(rendered.preloadElement, { level: 9 }).length / 1024);
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    return;
  }
  const file = normalize(join(outDir, path));
  if (!file.startsWith(outDir) || !(await stat(file).catch(() => undefined))?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(await readFile(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const fmt = (kb: number) => kb.toFixed(1);
const gzipKb = async (file: string) => gzipSync(await readFile(join(outDir, file)), { level: 9 }).length / 1024;
const isReact = (file: string) => /(^|\/)react-[\w-]+\.js$/.test(file);

/**
 * Records when the first `<button>` enters the DOM, as a wall-clock time (comparable with
 * Playwright's request start times). Runs before any script of the document.
 */
const FIRST_BUTTON = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('button')) { window.__firstButton = performance.timeOrigin + performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface CaseResult {
  name: string;
  js: number;
  css: number;
  files: string[];
}
const results: CaseResult[] = [];
const loadedAnywhere = new Set<string>();
const browser = await launchBrowser();
try {
  for (const { name, step } of CASES) {
    const context = await browser.newContext({ locale: 'en-US' });
    await context.addInitScript(FIRST_BUTTON);
    // The fixtures' logos live on example.com: nothing leaves this machine.
    await context.route(
      (url) => !url.href.startsWith(origin),
      (route) => route.abort(),
    );
    const requests: { path: string; started: number }[] = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === origin) requests.push({ path: url.pathname, started: Date.now() });
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`page error (${name}):`, error));
    await page.goto(`${origin}/interaction/${step.uid}`);
    await page.waitForFunction(() => (window as unknown as { __firstButton?: number }).__firstButton, null, {
      timeout: 60_000,
    });
    const firstButton = await page.evaluate(() => (window as unknown as { __firstButton: number }).__firstButton);
    // Playwright's request events carry no page-clock time; `Date.now()` on this side is close
    // enough (a few ms) and any file requested at the very same moment is counted.
    const before = requests.filter((r) => r.started <= firstButton + 5).map((r) => r.path.slice(1));
    await context.close();
    const files = before.filter((f) => f.endsWith('.js') || f.endsWith('.css'));
    for (const f of files) loadedAnywhere.add(f);
    let js = 0;
    let css = 0;
    for (const f of files) {
      if (f.endsWith('.css')) css += await gzipKb(f);
      else if (!isReact(f)) js += await gzipKb(f);
    }
    results.push({ name, js, css, files });
  }
} finally {
  await browser.close();
  server.close();
}

const { readdir } = await import('node:fs/promises');
const lazy = (await readdir(join(outDir, 'assets'))).filter(
  (f) => f.endsWith('.js') && !isReact(f) && !loadedAnywhere.has(`assets/${f}`),
);
const locales = [];
for (const f of lazy.sort()) {
  const kb = await gzipKb(`assets/${f}`);
  if (/^locale-(?!loader)[\w-]+\.js$/.test(f)) locales.push(kb);
  else console.log(`not loaded before the first button: ${f} ${fmt(kb)} KB gzip`);
}
if (locales.length)
  console.log(
    `…and ${locales.length} other locales, ${fmt(Math.min(...locales))}–${fmt(Math.max(...locales))} KB gzip each`,
  );
for (const r of results) {
  const parts = [];
  for (const f of r.files) {
    const name = f.replace(/^assets\//, '');
    parts.push(isReact(f) ? `${name} (React, left out)` : `${name} ${fmt(await gzipKb(f))}`);
  }
  console.log(`loaded before the first button (${r.name}): ${parts.join(', ')}`);
}
for (const { name, step } of CASES)
  console.log(
    `in the page (${name}): ${fmt(inlineKb.get(step.uid) ?? 0)} KB gzip of strings and compiled branding as JSON`,
  );
for (const r of results)
  console.log(`consent page (${r.name}): ${fmt(r.js)} KB gzip JS beyond React, ${fmt(r.css)} KB gzip CSS`);
const worst = results.reduce((a, b) => (b.js > a.js ? b : a));
const over = worst.js > BUDGET_JS_KB || results.some((r) => r.css > BUDGET_CSS_KB);
if (over)
  console.error(`over budget: JS ${fmt(worst.js)} / ${BUDGET_JS_KB} KB (${worst.name}), CSS / ${BUDGET_CSS_KB} KB`);
console.log(`consent page: ${fmt(worst.js)} KB gzip JS beyond React, ${fmt(worst.css)} KB gzip CSS`);
process.exitCode = over ? 1 : 0;
