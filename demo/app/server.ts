/**
 * The demo third-party app: a confidential web app (client secret, server-side code exchange)
 * and, under `/spa/`, a public single-page app (PKCE, code exchange in the browser). Both are
 * real `openid-client` relying parties of the demo IdP.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import * as oidc from 'openid-client';
import { DEMO_SPA_CLIENT, DEMO_WEB_CLIENT } from '../idp/clients.js';
import { escapeHtml, decodeJwtPayload, renderResult, type DemoResult } from './render.js';
import { authorizationParameters, requestOptionsFrom, tokenParameters, type DemoRequestOptions } from './request.js';

// The registrations live with the IdP (demo/idp/clients.ts); the app only needs its credentials.
const WEB_CLIENT_ID = DEMO_WEB_CLIENT.id;
const WEB_CLIENT_SECRET = DEMO_WEB_CLIENT.secret;
const SPA_CLIENT_ID = DEMO_SPA_CLIENT.id;

/** Options of {@link startApp}. */
export interface AppOptions {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Folder holding the built SPA (`demo/.build/spa`). */
  spaDir: string;
}

/** A running demo app. */
export interface RunningApp {
  url: string;
  webRedirectUri: string;
  spaRedirectUri: string;
  /** Must be called once the IdP runs (its port is known only then). */
  setIssuer(issuer: string): void;
  close(): Promise<void>;
}

interface PendingRequest {
  codeVerifier: string;
  nonce: string;
  options: DemoRequestOptions;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1c1c28; }
  a.button, button { display: inline-block; padding: .6rem 1.1rem; border-radius: .5rem; border: 0; cursor: pointer; }
  a.button, button { background: #4f46e5; color: #fff; text-decoration: none; font: inherit; }
  pre { background: #f4f4f8; padding: .75rem; border-radius: .5rem; overflow: auto; }
  nav a { margin-inline-end: 1rem; }
</style>
</head>
<body>
<header><p><strong>Reports Hub</strong> — a demo third-party app</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

function homePage(): string {
  return page(
    'Reports Hub — demo app',
    `<h1>Reports Hub</h1>
<p>This third-party app wants to read your reports from the Demo IdP's API and see your organization.</p>
<p><a class="button" href="/login">Sign in with Demo IdP</a></p>
<p>Or try the single-page app, a public client using PKCE: <a href="/spa/">Reports Hub SPA</a>.</p>
<p>Add <code>?ui_locales=ko</code> to <code>/login</code> for the Korean screens.</p>`,
  );
}

/** Starts the demo app on 127.0.0.1. */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  let issuer: string | undefined;
  let config: Promise<oidc.Configuration> | undefined;
  const pending = new Map<string, PendingRequest>();
  let origin = '';

  const webConfig = () => {
    if (!issuer) throw new Error('The demo app has no issuer yet');
    config ??= oidc.discovery(new URL(issuer), WEB_CLIENT_ID, undefined, oidc.ClientSecretBasic(WEB_CLIENT_SECRET), {
      execute: [oidc.allowInsecureRequests],
    });
    return config;
  };

  async function login(res: ServerResponse, url: URL) {
    const requestOptions = requestOptionsFrom(url.searchParams);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    pending.set(state, { codeVerifier, nonce, options: requestOptions });
    const params = authorizationParameters(requestOptions, `${origin}/callback`);
    params.set('state', state);
    params.set('nonce', nonce);
    params.set('code_challenge', await oidc.calculatePKCECodeChallenge(codeVerifier));
    params.set('code_challenge_method', 'S256');
    const authorizationUrl = oidc.buildAuthorizationUrl(await webConfig(), params);
    res.writeHead(303, { location: authorizationUrl.href }).end();
  }

  async function callback(res: ServerResponse, url: URL) {
    const state = url.searchParams.get('state') ?? '';
    const request = pending.get(state);
    pending.delete(state);
    let result: DemoResult;
    if (url.searchParams.has('error')) {
      const description = url.searchParams.get('error_description');
      result = { ok: false, client: 'the web app', error: url.searchParams.get('error') ?? '' };
      if (description) result.errorDescription = description;
    } else if (!request) {
      result = { ok: false, client: 'the web app', error: 'unknown_state' };
    } else {
      const tokens = await oidc.authorizationCodeGrant(
        await webConfig(),
        url,
        { pkceCodeVerifier: request.codeVerifier, expectedState: state, expectedNonce: request.nonce },
        tokenParameters(request.options),
      );
      const accessToken = decodeJwtPayload(tokens.access_token);
      result = {
        ok: true,
        client: 'the web app (confidential client)',
        idTokenClaims: { ...tokens.claims() },
        scope: tokens.scope,
        accessToken: accessToken ? { aud: accessToken.aud, scope: accessToken.scope } : undefined,
      };
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(page('Reports Hub — signed in', `${renderResult(result)}<p><a href="/">Back</a></p>`));
  }

  async function serveSpa(res: ServerResponse, pathname: string) {
    const relative = pathname.replace(/^\/spa\/?/, '') || 'index.html';
    const file = normalize(join(options.spaDir, relative));
    const inside = file.startsWith(normalize(options.spaDir));
    // Client-side routes (the SPA's callback) all get the SPA's index page.
    const target = inside && extname(file) ? file : join(options.spaDir, 'index.html');
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': MIME[extname(target)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const route = async () => {
      if (url.pathname === '/')
        return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(homePage());
      if (url.pathname === '/login') return login(res, url);
      if (url.pathname === '/callback') return callback(res, url);
      if (url.pathname === '/spa/config.json') {
        return void res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ issuer, clientId: SPA_CLIENT_ID }));
      }
      if (url.pathname.startsWith('/spa')) return serveSpa(res, url.pathname);
      res.writeHead(404).end('Not found');
    };
    route().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Error', `<h1>Something went wrong</h1><pre data-testid="app-error">${escapeHtml(message)}</pre>`));
    });
  });

  // Outlive the clients' idle keep-alive (Node's 5 s default races them: ECONNRESET under load).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    webRedirectUri: `${origin}/callback`,
    spaRedirectUri: `${origin}/spa/callback`,
    setIssuer(value) {
      issuer = value;
      config = undefined;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
