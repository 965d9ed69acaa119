import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  betterAuthAdapter,
  type BetterAuthConsentPayload,
  type BetterAuthSignInPayload,
} from '../../src/client/adapters/better-auth.js';
import { createInteractionClient } from '../../src/client/interaction-client.js';
import type { ConsentDecision } from '../../src/protocol/interaction.js';
import { browserFetch, REDIRECT_URI, startBetterAuth, type TestAuth } from './support/better-auth-provider.js';
import { rejection } from '../support/rejection.js';

type Provider = Awaited<ReturnType<typeof startBetterAuth>>;
let provider: Provider;

beforeAll(async () => {
  provider = await startBetterAuth();
});
afterAll(async () => {
  await provider?.close();
});

/** Starts an authorization request in a fresh browser; resolves with the page the plugin sent it to. */
async function authorize(scope = 'openid profile email read:reports', extra: Record<string, string> = {}) {
  const fetch = browserFetch(provider.origin);
  const verifier = randomBytes(32).toString('base64url');
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: provider.client.id,
    redirect_uri: REDIRECT_URI,
    scope,
    state: 'state-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ui_locales: 'ko en',
    ...extra,
  });
  const response = await fetch(`/api/auth/oauth2/authorize?${params}`, { headers: { accept: 'application/json' } });
  const location = response.headers.get('location') ?? ((await response.json()) as { url: string }).url;
  return { fetch, verifier, page: new URL(location, provider.origin) };
}

function clientFor(fetch: typeof globalThis.fetch, page: URL) {
  return createInteractionClient(betterAuthAdapter({ baseUrl: `${provider.origin}/api/auth`, query: page.search }), {
    fetch,
  });
}

/** Signs alice in through the adapter; resolves with the consent page's URL. */
async function signedInAtConsent(scope?: string) {
  const { fetch, verifier, page } = await authorize(scope);
  const redirect = await clientFor(fetch, page).signIn({ identifier: 'alice@demo.test', password: 'alice-password' });
  const consentPage = new URL(redirect.to);
  expect(consentPage.pathname).toBe('/consent');
  return { fetch, verifier, consentPage };
}

async function exchange(callback: URL, verifier: string) {
  const response = await fetch(`${provider.origin}/api/auth/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${provider.client.id}:${provider.client.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code')!,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { scope: string; access_token: string; id_token?: string };
}

describe("given the adapter's types", () => {
  type Api = TestAuth['api'];
  // Checked by the type check (tsc, in npm test), not at run time: expectTypeOf does nothing when run.
  it("should send bodies Better Auth's endpoints accept", () => {
    expectTypeOf<BetterAuthConsentPayload>().toExtend<NonNullable<Parameters<Api['oauth2Consent']>[0]>['body']>();
    expectTypeOf<BetterAuthSignInPayload>().toExtend<
      Pick<NonNullable<Parameters<Api['signInEmail']>[0]>['body'], 'email' | 'password'> & { oauth_query: string }
    >();
  });
});

describe('given a real Better Auth provider at the sign-in page', () => {
  it('should load the sign-in step with the client from the pre-login lookup and ui_locales', async () => {
    const { fetch, page } = await authorize();
    expect(page.pathname).toBe('/sign-in');
    await expect(clientFor(fetch, page).load()).resolves.toStrictEqual({
      kind: 'login',
      uid: page.searchParams.get('sig'),
      uiLocales: ['ko', 'en'],
      client: {
        id: provider.client.id,
        name: 'Reports Hub',
        party: 'third',
        verified: false,
        logo: { light: 'https://reports.example/logo.svg' },
        homepage: 'https://reports.example',
        policyUrl: 'https://reports.example/privacy',
        termsUrl: 'https://reports.example/terms',
        redirectUri: REDIRECT_URI,
      },
      login: { identifiers: ['email'], password: true },
    });
  });

  it("should reject a wrong password with invalid_credentials, keeping Better Auth's code", async () => {
    const { fetch, page } = await authorize();
    const error = await rejection(clientFor(fetch, page).signIn({ identifier: 'alice@demo.test', password: 'wrong' }));
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 401, error: 'INVALID_EMAIL_OR_PASSWORD' });
    expect(error.errorDescription).toBeTypeOf('string');
  });

  it('should sign in and continue to the consent page', async () => {
    await signedInAtConsent();
  });

  it('should reject a tampered signed query with interaction_expired', async () => {
    const { fetch, page } = await authorize();
    page.searchParams.set('scope', 'openid profile email read:reports offline_access');
    const error = await rejection(
      clientFor(fetch, page).signIn({ identifier: 'alice@demo.test', password: 'alice-password' }),
    );
    expect(error).toMatchObject({ code: 'interaction_expired', status: 400, error: 'invalid_signature' });
  });
});

describe('given a real Better Auth provider at the consent page', () => {
  it('should load the consent step: client, signed-in user, requested scopes with openid locked', async () => {
    const { fetch, consentPage } = await signedInAtConsent();
    const step = await clientFor(fetch, consentPage).load();
    expect(step).toMatchObject({
      kind: 'consent',
      uiLocales: ['ko', 'en'],
      client: { id: provider.client.id, name: 'Reports Hub' },
      user: { displayName: 'Alice Kim', email: 'alice@demo.test' },
      consent: {
        profileScopes: [
          { name: 'openid', required: true },
          { name: 'profile', required: false },
          { name: 'email', required: false },
          { name: 'read:reports', required: false },
        ],
        resources: [],
        claims: [],
        withheld: [],
        rememberable: false,
      },
    });
  });

  it('should grant exactly the ticked scopes: the token carries them and nothing else', async () => {
    const { fetch, verifier, consentPage } = await signedInAtConsent();
    const decision: ConsentDecision = {
      profileScopes: ['openid', 'email'],
      resources: {},
      organizationIds: [],
      remember: false,
    };
    const redirect = await clientFor(fetch, consentPage).consent(decision);
    const callback = new URL(redirect.to);
    expect(callback.origin + callback.pathname).toBe(REDIRECT_URI);
    expect(callback.searchParams.get('state')).toBe('state-1');
    const tokens = await exchange(callback, verifier);
    expect(tokens.scope.split(' ').sort()).toEqual(['email', 'openid']);
  });

  it('should deny: the app receives error=access_denied', async () => {
    const { fetch, consentPage } = await signedInAtConsent();
    const callback = new URL((await clientFor(fetch, consentPage).deny()).to);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe('state-1');
  });

  it('should refuse an unrequested scope before sending it', async () => {
    const { fetch, consentPage } = await signedInAtConsent();
    const decision: ConsentDecision = {
      profileScopes: ['openid', 'admin'],
      resources: {},
      organizationIds: [],
      remember: false,
    };
    expect((await rejection(clientFor(fetch, consentPage).consent(decision))).code).toBe('invalid_scope');
  });

  it("should map Better Auth's own refusal of an unrequested scope to invalid_scope", async () => {
    const { fetch, consentPage } = await signedInAtConsent();
    const response = await fetch(`${provider.origin}/api/auth/oauth2/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ accept: true, scope: 'openid admin', oauth_query: consentPage.search.slice(1) }),
    });
    const body = await response.json();
    expect(response.status).toBe(400);
    // The same answer through the adapter's error mapping:
    const adapter = betterAuthAdapter({ baseUrl: `${provider.origin}/api/auth`, query: consentPage.search });
    const error = await rejection(
      adapter.consent(async () => ({ status: response.status, headers: response.headers, body }), {
        profileScopes: ['openid'],
        resources: {},
        organizationIds: [],
        remember: false,
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_scope', error: 'invalid_request' });
    expect(error.cause).toEqual(body);
  });

  it('should switch accounts: sign out, then sign in as someone else', async () => {
    const { fetch, consentPage } = await signedInAtConsent();
    const client = clientFor(fetch, consentPage);
    const step = await client.switchAccount();
    expect(step.kind).toBe('login');
    await expect(client.load()).resolves.toMatchObject({ kind: 'login' });
    const redirect = await client.signIn({ identifier: 'bob@demo.test', password: 'bob-password' });
    const again = await clientFor(fetch, new URL(redirect.to)).load();
    expect(again).toMatchObject({ kind: 'consent', user: { email: 'bob@demo.test', displayName: 'Bob Lee' } });
  });
});

describe('given invalid Better Auth adapter options', () => {
  it.each([
    ['no options', undefined],
    ['an unsigned query', { query: '?client_id=x' }],
    ['a query without client_id', { query: '?sig=abc' }],
    ['a javascript: baseUrl', { baseUrl: 'javascript:alert(1)', query: '?client_id=x&sig=y' }],
  ])('should throw TypeError for %s', (_, options) => {
    expect(() => betterAuthAdapter(options as never)).toThrow(TypeError);
  });
});
