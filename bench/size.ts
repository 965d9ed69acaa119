/**
 * `npm run bench:size`: builds a page that renders <ConsentScreen> and prints what it costs
 * beyond React — minified JavaScript of the initial load and the stylesheet, both gzipped —
 * plus each lazily loaded chunk (one per locale). Fails when the budget is exceeded.
 *
 * React and react-dom are left out of the bundle (the host pays for them anyway), so the
 * figure is what consent-kit and its own dependencies (i18next, react-i18next) add.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { kitStyles } from '../scripts/kit-styles.js';

const BUDGET_JS_KB = 40;
const BUDGET_CSS_KB = 8;
const root = fileURLToPath(new URL('./consent-page/', import.meta.url));
const outDir = fileURLToPath(new URL('./.build/consent-page/', import.meta.url));

const result = await build({
  configFile: false,
  root,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', development: false } },
  plugins: [kitStyles()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    manifest: true,
    rolldownOptions: {
      external: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'],
    },
  },
});

type Chunk = { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] };
const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');

// The initial load: the entry and its static imports, transitively. Dynamic imports (locales) are extra.
const initial = new Set<string>();
const visit = (key: string): void => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(Object.keys(manifest).find((key) => manifest[key] === entry)!);

const gzipKb = async (file: string) => gzipSync(await readFile(join(outDir, file)), { level: 9 }).length / 1024;
let js = 0;
for (const file of initial) js += await gzipKb(file);
let css = 0;
for (const file of entry.css ?? []) css += await gzipKb(file);

// Lazily loaded chunks: one per locale (named from its source path), and anything else.
for (const [key, chunk] of Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b))) {
  if (!chunk.isDynamicEntry) continue;
  const locale = /locales\/([\w-]+)\//.exec(key)?.[1];
  const label = locale ? `locale ${locale}` : `lazy chunk ${chunk.file}`;
  console.log(`${label}: ${(await gzipKb(chunk.file)).toFixed(1)} KB gzip`);
}

const fmt = (kb: number) => kb.toFixed(1);
void result;
const over = js > BUDGET_JS_KB || css > BUDGET_CSS_KB;
if (over) console.error(`over budget: JS ${fmt(js)} / ${BUDGET_JS_KB} KB, CSS ${fmt(css)} / ${BUDGET_CSS_KB} KB`);
console.log(`consent page: ${fmt(js)} KB gzip JS beyond React, ${fmt(css)} KB gzip CSS`);
if (over) process.exit(1);
