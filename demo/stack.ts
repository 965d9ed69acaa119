/**
 * The whole demo in one call: the third-party app (web + SPA) and the identity provider whose
 * interaction page embeds consent-kit. Used by `npm start` and by the end-to-end tests.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';
import { startApp, type RunningApp } from './app/server.js';
import { BUILD_DIR, INTERACTION_ASSETS_PREFIX, buildPaths } from './build.js';
import { demoClients, startIdp } from './idp/index.js';
import { demoSignIn } from './idp/sign-in.js';
import { createMailbox, type Mailbox } from './mailbox/mailbox.js';
import { startSocialProvider } from './social/provider.js';
import type { Redis } from 'ioredis';
import type { AttemptLimitOptions, OidcProviderBridge } from '../src/server/index.js';
import { preloadLinks, renderInteraction, type PreloadManifest } from '../src/render/index.js';

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

/**
 * The interaction page's security headers: the kit needs no inline script, so a strict policy
 * proves it. The one inline element allowed is the step's branding stylesheet, by its nonce.
 */
function pageHeaders(styleNonce?: string, formTargets: readonly string[] = []) {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
      "img-src 'self' https: data:",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      // The screen's forms post here before its script has run (NativeForm), and Chromium
      // applies form-action to every redirect after the post: on to the app's redirect URI and
      // to a connector's provider too.
      ["form-action 'self'", ...formTargets].join(' '),
    ].join('; '),
  };
}

const ATTRIBUTE = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A year: hashed assets never change under their name. */
const IMMUTABLE_MAX_AGE = 365 * 24 * 60 * 60;

/**
 * Serves the built interaction page the way a production host would.
 *
 * `render` answers `GET /interaction/<uid>` (compressed by `compression`, never cached: it
 * belongs to one interaction) with the screen already in it: the bridge's step for this request
 * (`step`), rendered by `renderInteraction` in its language and branding, embedded as JSON for
 * the page's script to hydrate from, with `<link rel="modulepreload">` for the chunks the step
 * needs (read from the build's manifest) and the branding as a nonce'd stylesheet. Without a
 * step (expired, decided) the page is the empty shell and the screens ask the details endpoint.
 *
 * `assets` serves the scripts and styles under {@link INTERACTION_ASSETS_PREFIX} (`true` when
 * handled). Vite names every asset by its content hash, so `sirv` serves them `immutable` for a
 * year, as the brotli or gzip copy `buildDemo` wrote, whichever the browser accepts; the consent
 * page then reuses what the sign-in page downloaded.
 */
export function interactionPage(
  dir: string,
  step: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  /** Origins a form post may end up at besides the IdP's own (connectors' providers). */
  formTargets: () => readonly string[] = () => [],
) {
  const template = readFile(join(dir, 'index.html'), 'utf8');
  const manifest = readFile(join(dir, '.vite/manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as PreloadManifest,
  );
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const assetsPrefix = `${INTERACTION_ASSETS_PREFIX}assets/`;
  const serveAssets = sirv(join(dir, 'assets'), {
    brotli: true,
    gzip: true,
    maxAge: IMMUTABLE_MAX_AGE,
    immutable: true,
    extensions: [],
  });
  return {
    async render(req: IncomingMessage, res: ServerResponse): Promise<void> {
      let html = await template;
      const current = await step(req, res);
      let nonce: string | undefined;
      const targets = [...formTargets()];
      if (current) {
        // After the decision the provider sends the browser on to the app's redirect URI.
        const redirect = (current as { client?: { redirectUri?: string } }).client?.redirectUri;
        if (redirect && URL.canParse(redirect)) targets.push(new URL(redirect).origin);
        const rendered = await renderInteraction(current, { acceptLanguage: req.headers['accept-language'] });
        const preloads = preloadLinks(rendered.needs, await manifest, { base: INTERACTION_ASSETS_PREFIX });
        if (rendered.css) nonce = randomBytes(16).toString('base64');
        const head = [
          ...preloads.map((href) => `<link rel="modulepreload" crossorigin href="${ATTRIBUTE(href)}">`),
          rendered.css ? `<style nonce="${nonce}">${rendered.css}</style>` : '',
        ].join('');
        // The language rendered goes to the page's script (to hydrate in the same one); the
        // host page's own `lang` stays its own: the kit's root carries the screen's. Replaced
        // through functions: a replacement string would read `$'`, `$&`… in request text (a
        // login_hint) as patterns and copy the page's own markup into the screen.
        html = html
          .replace('</head>', () => `${head}</head>`)
          .replace(
            '<div id="root"></div>',
            () =>
              `<div id="root" data-locale="${ATTRIBUTE(rendered.language)}">${rendered.html}</div>${rendered.stepElement}${rendered.preloadElement}`,
          );
      }
      compress(req, res, () => res.writeHead(200, pageHeaders(nonce, targets)).end(html));
    },
    async assets(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !path.startsWith(assetsPrefix)) return false;
      // sirv answers paths relative to the folder it serves.
      const url = req.url!;
      req.url = url.slice(assetsPrefix.length - 1);
      let handled = true;
      serveAssets(req, res, () => {
        handled = false;
      });
      req.url = url;
      return handled;
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
  // The page asks the bridge for its step; the bridge exists once the IdP has started.
  let bridge: OidcProviderBridge | undefined;
  let socialIssuer: string | undefined;
  const page = interactionPage(
    paths.interaction,
    async (req, res) => bridge?.step(req, res),
    () => (socialIssuer ? [new URL(socialIssuer).origin] : []),
  );
  const mailbox = createMailbox(options.log);
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
    bridge = idp.bridge;
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
