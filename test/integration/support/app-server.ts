/**
 * Serves a built fixture app and answers the kit protocol beside it, as an IdP serving its
 * interaction page would: `GET /interaction/<uid>/details` and the POSTs of the screens, from a
 * table of routes. Records what the page sent. Listens on 127.0.0.1, on a free port.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A request the page made to a route, with its JSON body. */
export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface AppServer {
  url: string;
  /** Every request that matched a route, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * @param dir - the built app (`index.html` for every path that is not a file or a route)
 * @param routes - `'GET /interaction/u1/details'` → the JSON body answered (status 200)
 */
export async function serveApp(dir: string, routes: Record<string, unknown>): Promise<AppServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = `${req.method} ${path}`;
    if (Object.hasOwn(routes, route)) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? 'GET', path, body: text ? JSON.parse(text) : undefined });
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      return void res.end(JSON.stringify(routes[route]));
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    try {
      const body = await readFile(extname(file) ? file : join(dir, 'index.html'));
      res.writeHead(200, { 'content-type': MIME[extname(file) || '.html'] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
