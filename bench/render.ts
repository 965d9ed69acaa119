/**
 * `npm run bench:render`: renders a large consent request (20 API resources × 25 scopes and
 * 50 organizations) in Chromium and prints the median time from data to painted screen, next
 * to a bare React list of the same items measured in the same run, alternating runs. Budget:
 * the consent screen (every group expanded, so it paints the same items) within 2× the bare
 * list. Exits non-zero when over budget. Not a unit test.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { PRODUCTION_PAGE } from '../scripts/production-page.js';
import { launchBrowser } from '../test/e2e/support/browser.js';

const BUDGET_RATIO = 2;
const WARMUP = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const root = fileURLToPath(new URL('./render-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./.build/render-page/', import.meta.url));

await build({
  // A production React build: development React would measure its own checks.
  ...PRODUCTION_PAGE,
  root,
  base: './',
  build: { outDir, emptyOutDir: true, target: 'es2022', minify: true },
});

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = normalize(join(outDir, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
  const file = path.endsWith('/') ? join(path, 'index.html') : path;
  if (!file.startsWith(outDir) || !(await stat(file).catch(() => undefined))?.isFile()) {
    res.statusCode = 404;
    res.end();
    return;
  }
  res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(res);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  type Kind = 'consent' | 'consent-default' | 'bare';
  type BenchWindow = { bench(k: string): Promise<number>; lastCommit(): number };
  const commits: Record<Kind, number[]> = { consent: [], bare: [], 'consent-default': [] };
  const run = async (kind: Kind) => {
    const [total, commit] = await page.evaluate(async (k) => {
      const w = window as unknown as BenchWindow;
      return [await w.bench(k), w.lastCommit()];
    }, kind);
    commits[kind].push(commit);
    return total;
  };
  const kinds: Kind[] = ['consent', 'bare', 'consent-default'];
  for (let i = 0; i < WARMUP; i += 1) for (const kind of kinds) await run(kind);
  for (const kind of kinds) commits[kind] = [];
  const times: Record<Kind, number[]> = { consent: [], bare: [], 'consent-default': [] };
  for (let i = 0; i < RUNS; i += 1) {
    // Rotate the order so no kind always runs right after another.
    for (const kind of [...kinds.slice(i % 3), ...kinds.slice(0, i % 3)]) times[kind].push(await run(kind));
  }
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const consent = median(times.consent);
  const bare = median(times.bare);
  const collapsed = median(times['consent-default']);
  const ratio = consent / bare;
  console.log(`items: 20 resources × 25 scopes, 50 organizations; ${RUNS} runs each after ${WARMUP} warm-ups`);
  console.log(`consent screen as shipped (groups collapsed): ${collapsed.toFixed(1)} ms`);
  // The part before the frame: React render, commit and effects, plus any layout they force.
  const beforeFrame = kinds.map((k) => `${k} ${median(commits[k]).toFixed(1)} ms`).join(', ');
  console.log(`before the frame (React, effects, forced layout): ${beforeFrame}`);
  if (ratio > BUDGET_RATIO) console.error(`over budget: ratio ${ratio.toFixed(2)} > ${BUDGET_RATIO}`);
  console.log(`render: ${consent.toFixed(1)} ms consent, ${bare.toFixed(1)} ms bare list, ratio ${ratio.toFixed(2)}`);
  process.exitCode = ratio > BUDGET_RATIO ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
