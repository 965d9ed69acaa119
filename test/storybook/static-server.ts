/**
 * A static file server for a built folder (sirv, as the demo serves its assets), with optional
 * extra headers (the strict CSP). Listens on 127.0.0.1, on a free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  // `dev`: read each request from disk, no caching headers (the tests rebuild folders).
  const files = sirv(dir, {
    dev: true,
    setHeaders: (res) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    },
  });
  const server = createServer((req, res) =>
    files(req, res, () => void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
