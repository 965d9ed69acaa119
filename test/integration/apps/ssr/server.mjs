/**
 * A server-rendering host with the published package, in plain Node (node:http, no framework):
 * `GET /interaction/<uid>` renders the step with `consent-kit/server/render` in the language
 * its `ui_locales` ask for, embeds it with the kit's strings for that language (`preloadElement`),
 * and names the chunks it needs as modulepreload links read from the Vite manifest of the page script (src/hydrate.tsx, built to dist/). The steps
 * come from steps.json (written by the test, keyed by uid); the screens' POSTs are answered
 * with a redirect. Listens on 127.0.0.1 and a free port, and prints its URL as one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { preloadLinks, renderInteraction } from 'consent-kit/server/render';

const dist = join(import.meta.dirname, 'dist');
const steps = JSON.parse(await readFile(join(import.meta.dirname, 'steps.json'), 'utf8'));
const manifest = JSON.parse(await readFile(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = manifest['src/hydrate.tsx'];
const MIME = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

async function page(step, req) {
  const rendered = await renderInteraction(step, { acceptLanguage: req.headers['accept-language'] });
  const head = [
    ...(entry.css ?? []).map((file) => `<link rel="stylesheet" href="/${file}">`),
    ...preloadLinks(rendered.needs, manifest).map((href) => `<link rel="modulepreload" href="${attribute(href)}">`),
    rendered.css ? `<style>${rendered.css}</style>` : '',
  ].join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SSR host</title><link rel="icon" href="data:,">${head}</head><body><div id="root" data-locale="${attribute(rendered.language)}">${rendered.html}</div>${rendered.stepElement}${rendered.preloadElement}<script type="module" src="/${entry.file}"></script></body></html>`;
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const [, uid, action] = /^\/interaction\/([\w-]+)(?:\/(\w+))?$/.exec(path) ?? [];
  try {
    if (uid && steps[uid] && req.method === 'GET' && !action) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(await page(steps[uid], req));
    }
    if (uid && steps[uid] && req.method === 'POST' && action) {
      for await (const _chunk of req);
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(
        JSON.stringify({ redirectTo: `https://app.example.test/callback?step=${uid}&action=${action}` }),
      );
    }
    const file = normalize(join(dist, path));
    if (!file.startsWith(`${dist}/assets/`)) return void res.writeHead(404).end();
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch (error) {
    if (error?.code === 'ENOENT') return void res.writeHead(404).end();
    console.error(error);
    res.writeHead(500).end(String(error));
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` }));
});
