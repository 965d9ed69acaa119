/**
 * Serves a built fixture app and answers the kit protocol beside it, as an IdP serving its
 * interaction page would: `GET /interaction/<uid>/details` and the POSTs of the screens, from a
 * table of routes. Records what the page sent. Listens on 127.0.0.1, on a free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

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
  // The built files through sirv (as the demo serves its assets): `index.html` for every other path.
  const files = sirv(dir, { dev: true, single: true });
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
    files(req, res, () => void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'));
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
