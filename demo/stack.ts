/**
 * The whole demo in one call: the third-party app (web + SPA) and the identity provider whose
 * interaction page embeds consent-kit. Used by `npm start` and by the end-to-end tests.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { startApp, type RunningApp } from './app/server.js';
import { INTERACTION_ASSETS_PREFIX, INTERACTION_DIR, SPA_DIR } from './build.js';
import { demoClients, startIdp } from './idp/index.js';

const MIME: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
};

/** A running demo. */
export interface Stack {
  app: RunningApp;
  issuer: string;
  close(): Promise<void>;
}

/**
 * Serves the built interaction page: its HTML for `/interaction/<uid>` and its assets under
 * {@link INTERACTION_ASSETS_PREFIX}. Answers `true` when it handled the request.
 */
export function interactionPage(dir = INTERACTION_DIR) {
  const html = readFile(join(dir, 'index.html'), 'utf8');
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET') return false;
    if (/^\/interaction\/[^/]+\/?$/.test(path)) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        // The kit needs no inline script or style: a strict policy proves it.
        'content-security-policy':
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      });
      res.end(await html);
      return true;
    }
    if (path.startsWith(INTERACTION_ASSETS_PREFIX)) {
      const file = normalize(join(dir, path.slice(INTERACTION_ASSETS_PREFIX.length)));
      if (!file.startsWith(normalize(dir))) return false;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
        return true;
      } catch {
        return false;
      }
    }
    return false;
  };
}

/** Starts the app, then the IdP (the clients' redirect URIs need the app's port). */
export async function startStack(options: { idpPort?: number; appPort?: number } = {}): Promise<Stack> {
  const app = await startApp({ port: options.appPort ?? 0, spaDir: SPA_DIR });
  const page = interactionPage();
  try {
    const idp = await startIdp({
      port: options.idpPort ?? 0,
      clients: demoClients({ webRedirectUri: app.webRedirectUri, spaRedirectUri: app.spaRedirectUri, spaOrigin: app.url }),
      serve: page,
    });
    app.setIssuer(idp.issuer);
    return {
      app,
      issuer: idp.issuer,
      async close() {
        await Promise.all([idp.close(), app.close()]);
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
