/**
 * "Social Demo": a second, independent oidc-provider instance on its own port, standing in for
 * Google or GitHub. The demo IdP signs users in through it with real OpenID Connect
 * (authorization code + PKCE, openid-client on the IdP's side). Its own sign-in page is one
 * button: it has a single account, Dana.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOidcMemoryAdapter } from '../../src/server/index.js';

/** The upstream account and the demo IdP's registration at the social provider. */
export const SOCIAL_ACCOUNT = { sub: 'dana-social-7f3a', email: 'dana@social.test', name: 'Dana Social' } as const;
export const SOCIAL_CLIENT = { id: 'demo-idp', secret: 'social-demo-secret-change-me-0123456789' } as const;

/** Options of {@link startSocialProvider}. */
export interface SocialProviderOptions {
  /** The demo IdP's connector callback (`<idp issuer>/interaction/callback`). */
  redirectUri: string;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
}

/** A running social provider. */
export interface RunningSocialProvider {
  issuer: string;
  close(): Promise<void>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(uid: string, client: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Social Demo — sign in</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1c1c28}
main{border:1px solid #ddd;border-radius:12px;padding:1.5rem}
button{font:inherit;padding:.6rem 1rem;border-radius:8px;border:0;cursor:pointer;width:100%}
button{background:#0f766e;color:#fff}
.secondary{background:#eee;color:#1c1c28;margin-top:.5rem}</style></head>
<body><main><h1>Social Demo</h1>
<p>${escapeHtml(client)} wants to sign you in with your Social Demo account.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<button type="submit">Continue as ${escapeHtml(SOCIAL_ACCOUNT.name)}</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/abort">
<button type="submit" class="secondary">Cancel</button></form>
</main></body></html>`;
}

/** Starts the social provider on 127.0.0.1. */
export async function startSocialProvider(options: SocialProviderOptions): Promise<RunningSocialProvider> {
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    adapter: createOidcMemoryAdapter(),
    clients: [
      {
        client_id: SOCIAL_CLIENT.id,
        client_secret: SOCIAL_CLIENT.secret,
        client_name: 'Demo IdP',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'social-rs256', alg: 'RS256', use: 'sig' }] },
    // Both providers live on 127.0.0.1, and cookies ignore the port: distinct names keep them apart.
    cookies: {
      keys: ['social-demo-cookie-key'],
      names: {
        session: '_social_session',
        interaction: '_social_interaction',
        resume: '_social_resume',
        state: '_social_state',
      },
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      if (sub !== SOCIAL_ACCOUNT.sub) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email: SOCIAL_ACCOUNT.email, email_verified: true, name: SOCIAL_ACCOUNT.name }),
      };
    },
    // The demo IdP is this provider's only, trusted client: grant what it asks without a consent page.
    async loadExistingGrant(ctx: any) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  } as any);
  const callback = provider.callback();

  server.on('request', async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/.exec((req.url ?? '').split('?')[0]!);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (match[2] === 'login' && req.method === 'POST') {
        req.resume();
        return await provider.interactionFinished(
          req,
          res,
          { login: { accountId: SOCIAL_ACCOUNT.sub } },
          { mergeWithLastSubmission: false },
        );
      }
      if (match[2] === 'abort' && req.method === 'POST') {
        req.resume();
        return await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(details.uid, 'Demo IdP'));
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('This sign-in request has expired.\n');
    }
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
