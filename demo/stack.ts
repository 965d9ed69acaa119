/**
 * The whole demo in one call: the third-party app (web + SPA) and the identity provider whose
 * interaction page embeds consent-kit. Used by `npm start` and by the end-to-end tests.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { startApp, type RunningApp } from './app/server.js';
import { BUILD_DIR, INTERACTION_ASSETS_PREFIX, buildPaths } from './build.js';
import { demoClients, startIdp } from './idp/index.js';
import { demoSignIn } from './idp/sign-in.js';
import { createMailbox, type Mailbox } from './mailbox/mailbox.js';
import { startSocialProvider } from './social/provider.js';
import type { Redis } from 'ioredis';
import type { AttemptLimitOptions } from '../src/server/index.js';

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
  /** "Social Demo", the upstream provider of the social connector. */
  socialIssuer: string;
  /** Where emailed sign-in codes go (also served at `<issuer>/mailbox`). */
  mailbox: Mailbox;
  close(): Promise<void>;
}

/** The interaction page's security headers: the kit needs no inline script, so a strict policy proves it. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
};

/**
 * Serves the built interaction page: `render` answers `GET /interaction/<uid>` with its HTML,
 * `assets` its scripts and styles under {@link INTERACTION_ASSETS_PREFIX} (`true` when handled).
 */
export function interactionPage(dir: string) {
  const html = readFile(join(dir, 'index.html'), 'utf8');
  return {
    async render(_req: IncomingMessage, res: ServerResponse): Promise<void> {
      res.writeHead(200, PAGE_HEADERS).end(await html);
    },
    async assets(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'GET' || !path.startsWith(INTERACTION_ASSETS_PREFIX)) return false;
      const file = normalize(join(dir, path.slice(INTERACTION_ASSETS_PREFIX.length)));
      if (!file.startsWith(normalize(dir))) return false;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Options of {@link startStack}. */
export interface StackOptions {
  idpPort?: number;
  appPort?: number;
  /** Folder `buildDemo()` wrote the pages to; default `demo/.build`. */
  buildDir?: string;
  /** Port of the "Social Demo" provider; 0 (default) picks a free one. */
  socialPort?: number;
  /** Failed sign-in attempts per identifier (bridge default: 5 in 15 minutes lock for 15 minutes). */
  attemptLimit?: AttemptLimitOptions;
  /** Receives the mailbox's terminal lines; default `console.log`. */
  log?: (line: string) => void;
  /** Keep the IdP's state in this Redis instead of memory (the caller closes the client). */
  redis?: Redis;
}

/** Starts the app, then the IdP (the clients' redirect URIs need the app's port). */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const paths = buildPaths(options.buildDir ?? BUILD_DIR);
  const app = await startApp({ port: options.appPort ?? 0, spaDir: paths.spa });
  const page = interactionPage(paths.interaction);
  const mailbox = createMailbox(options.log);
  let socialIssuer: string | undefined;
  try {
    const idp = await startIdp({
      port: options.idpPort ?? 0,
      clients: demoClients({ webRedirectUri: app.webRedirectUri, spaRedirectUri: app.spaRedirectUri }),
      renderInteraction: page.render,
      serve: async (req, res) => (await mailbox.serve(req, res)) || page.assets(req, res),
      ...(options.redis && { redis: options.redis }),
      signIn: (issuer, store) =>
        demoSignIn({
          issuer,
          store,
          mailbox,
          socialIssuer: () => socialIssuer,
          ...(options.attemptLimit && { attemptLimit: options.attemptLimit }),
        }),
    });
    app.setIssuer(idp.issuer);
    let social: Awaited<ReturnType<typeof startSocialProvider>>;
    try {
      social = await startSocialProvider({
        port: options.socialPort ?? 0,
        redirectUri: `${idp.issuer}/interaction/callback`,
      });
    } catch (error) {
      await idp.close();
      throw error;
    }
    socialIssuer = social.issuer;
    return {
      app,
      issuer: idp.issuer,
      socialIssuer: social.issuer,
      mailbox,
      async close() {
        await Promise.all([idp.close(), app.close(), social.close()]);
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}
