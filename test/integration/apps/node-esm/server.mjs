/**
 * An IdP as an integrator writes it with the published package, in plain Node ESM: Express 5
 * with express.json(), oidc-provider with the consent-kit bridge (consent-kit/server), on
 * 127.0.0.1 and a free port. It then plays the browser with the kit's own client
 * (consent-kit/client, which runs in Node too): an authorization request, sign-in, consent, and
 * the redirect to the app with a code. Prints what happened as one JSON line, and exits.
 */
import { generateKeyPairSync } from 'node:crypto';
import express from 'express';
import Provider from 'oidc-provider';
import { createInteractionClient, InteractionError, kitAdapter } from 'consent-kit/client';
import { createMemoryStore, createOidcMemoryAdapter, createOidcProviderBridge } from 'consent-kit/server';

const REDIRECT_URI = 'http://127.0.0.1:9/callback';
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const app = express();
const server = await new Promise((resolve) => {
  const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
});
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  adapter: createOidcMemoryAdapter(),
  clients: [
    {
      client_id: 'reports',
      client_secret: 'reports-secret',
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['integration-cookie-key'] },
  claims: { openid: ['sub'], email: ['email'] },
  scopes: ['openid', 'email'],
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  loadExistingGrant: (ctx) => bridge.loadExistingGrant(ctx),
  findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: 'alice@example.test' }) }),
  ttl: { AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 3600, Session: 3600, AccessToken: 3600 },
});
const bridge = createOidcProviderBridge(provider, {
  authenticate: async (identifier, password) =>
    identifier === 'alice@example.test' && password === 'alice-password' ? { accountId: 'alice' } : null,
  findUser: async (accountId) => ({ id: accountId, displayName: 'Alice Example', email: 'alice@example.test' }),
  getPermissions: async () => ({}),
  getOrganizations: async () => [],
  store: createMemoryStore(),
});

app.use(express.json());
app.use((req, res, next) => bridge.handle(req, res, next));
app.use(provider.callback());

/** A browser's cookies for the IdP (by name: enough for one user agent and one IdP). */
const cookies = new Map();
async function browserFetch(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
  const response = await fetch(input, { ...init, headers, redirect: 'manual' });
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return response;
}
/** Follows a redirect the way the screens do (a top-level navigation), to the next interaction. */
async function navigate(url) {
  const response = await browserFetch(new URL(url, issuer));
  const location = response.headers.get('location');
  return location ? new URL(location, issuer) : undefined;
}
const clientFor = (interaction) =>
  createInteractionClient(kitAdapter({ baseUrl: new URL(interaction, issuer).href }), { fetch: browserFetch });

const result = {};
try {
  const start = new URL('/auth', issuer);
  start.search = new URLSearchParams({
    client_id: 'reports',
    response_type: 'code',
    scope: 'openid email',
    redirect_uri: REDIRECT_URI,
    state: 'state-1',
  });
  const login = await navigate(start);
  const signIn = clientFor(login.pathname);
  result.login = (await signIn.load()).kind;
  try {
    await signIn.signIn({ identifier: 'alice@example.test', password: 'wrong' });
  } catch (error) {
    result.wrongPassword = error instanceof InteractionError ? error.code : String(error);
  }
  const afterSignIn = await signIn.signIn({ identifier: 'alice@example.test', password: 'alice-password' });
  const consentPage = await navigate(afterSignIn.to);
  const consent = clientFor(consentPage.pathname);
  const step = await consent.load();
  result.consent = {
    kind: step.kind,
    user: step.user.displayName,
    scopes: step.consent.profileScopes.map((s) => s.name),
  };
  const decided = await consent.consent({
    profileScopes: ['openid'],
    resources: {},
    organizationIds: [],
    remember: false,
  });
  const callback = await navigate(decided.to);
  result.callback = {
    origin: callback.origin,
    hasCode: callback.searchParams.has('code'),
    state: callback.searchParams.get('state'),
  };
  const redis = await import('consent-kit/server/redis');
  result.redisEntry = typeof redis.createRedisStore;
} finally {
  server.closeAllConnections();
  server.close();
}
console.log(JSON.stringify(result));
