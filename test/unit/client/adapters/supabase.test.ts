import type { OAuthAuthorizationDetails, OAuthRedirect } from '@supabase/auth-js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  SupabaseAlreadyDecided,
  supabaseAdapter,
  type SupabaseAdapterOptions,
  type SupabaseAuthorizationDetails,
  type SupabaseRedirect,
} from '../../../../src/client/adapters/supabase.js';
import { createInteractionClient } from '../../../../src/client/interaction-client.js';
import type { ConsentDecision } from '../../../../src/protocol/interaction.js';
import {
  AUTHORIZATION_ID,
  SUPABASE_URL,
  supabaseApproved,
  supabaseAuthorization,
  supabaseDenied,
  supabaseErrors,
} from '../../../fixtures/supabase/payloads.js';
import { stubFetch } from '../fetch-stub.js';
import { rejection } from '../../../support/rejection.js';

const options: SupabaseAdapterOptions = {
  url: SUPABASE_URL,
  authorizationId: AUTHORIZATION_ID,
  apiKey: 'sb_publishable_test',
  accessToken: async () => 'jwt-of-alice',
};
const decision: ConsentDecision = {
  profileScopes: ['openid', 'email', 'profile'],
  resources: {},
  organizationIds: [],
  remember: false,
};
const endpoint = `${SUPABASE_URL}/oauth/authorizations/${AUTHORIZATION_ID}`;

function client(status: number, body?: unknown, overrides: Partial<SupabaseAdapterOptions> = {}) {
  const stub = stubFetch(status, body);
  return {
    client: createInteractionClient(supabaseAdapter({ ...options, ...overrides }), { fetch: stub.fetch }),
    ...stub,
  };
}

describe('given the Supabase fixtures', () => {
  // `satisfies` and expectTypeOf are checked by the type check (tsc, in npm test), not at run time.
  it('should have the shapes @supabase/auth-js publishes', () => {
    supabaseAuthorization satisfies OAuthAuthorizationDetails;
    supabaseApproved satisfies OAuthRedirect;
    expectTypeOf<OAuthAuthorizationDetails>().toExtend<SupabaseAuthorizationDetails>();
    expectTypeOf<SupabaseAuthorizationDetails>().toExtend<OAuthAuthorizationDetails>();
    expectTypeOf<OAuthRedirect>().toEqualTypeOf<SupabaseRedirect>();
  });
});

describe('given the Supabase adapter loading the authorization', () => {
  it('should GET the authorization with the bearer token and map it into the consent step', async () => {
    const { client: c, requests } = client(200, supabaseAuthorization);
    await expect(c.load()).resolves.toStrictEqual({
      kind: 'consent',
      uid: AUTHORIZATION_ID,
      uiLocales: [],
      client: {
        id: supabaseAuthorization.client.id,
        name: 'Reports Hub',
        party: 'third',
        verified: false,
        logo: { light: 'https://reports.example/logo.svg' },
        homepage: 'https://reports.example',
        redirectUri: 'https://reports.example/callback',
      },
      user: { id: supabaseAuthorization.user.id, email: 'alice@demo.test' },
      consent: {
        profileScopes: [
          { name: 'openid', required: true },
          { name: 'email', required: true },
          { name: 'profile', required: true },
        ],
        resources: [],
        claims: [],
        withheld: [],
        rememberable: false,
      },
    });
    expect(requests[0]).toMatchObject({ method: 'GET', url: endpoint });
    expect(requests[0]!.headers.get('authorization')).toBe('Bearer jwt-of-alice');
    expect(requests[0]!.headers.get('apikey')).toBe('sb_publishable_test');
  });

  it("should let the caller's headers override the adapter's", async () => {
    const stub = stubFetch(200, supabaseAuthorization);
    const c = createInteractionClient(supabaseAdapter(options), { fetch: stub.fetch, headers: { apikey: 'other' } });
    await c.load();
    expect(stub.requests[0]!.headers.get('apikey')).toBe('other');
  });

  it('should reject with SupabaseAlreadyDecided carrying the redirect when already consented', async () => {
    const { client: c } = client(200, supabaseApproved);
    const error = await rejection(c.load());
    expect(error).toBeInstanceOf(SupabaseAlreadyDecided);
    expect(error.code).toBe('interaction_expired');
    expect((error as SupabaseAlreadyDecided).redirect).toEqual({ to: supabaseApproved.redirect_url });
  });

  it('should reject without a session, before any request', async () => {
    const { client: c, requests } = client(200, supabaseAuthorization, { accessToken: async () => null });
    expect((await rejection(c.load())).code).toBe('interaction_expired');
    expect(requests).toHaveLength(0);
  });
});

describe('given the Supabase adapter deciding', () => {
  it('should approve with { action: "approve" } and return redirect_url', async () => {
    const { client: c, requests } = client(200, supabaseApproved);
    await expect(c.consent(decision)).resolves.toEqual({ to: supabaseApproved.redirect_url });
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${endpoint}/consent` });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ action: 'approve' });
  });

  it('should deny with { action: "deny" }', async () => {
    const { client: c, requests } = client(200, supabaseDenied);
    await expect(c.deny()).resolves.toEqual({ to: supabaseDenied.redirect_url });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ action: 'deny' });
  });

  it('should refuse to sign in or switch accounts (the host signs in through supabase.auth)', async () => {
    const { client: c, requests } = client(200, {});
    expect((await rejection(c.signIn({ identifier: 'a', password: 'b' }))).code).toBe('invalid_request');
    expect((await rejection(c.switchAccount())).code).toBe('invalid_request');
    expect(requests).toHaveLength(0);
  });
});

describe('given Supabase error answers', () => {
  it.each([
    ['badJwt', 'interaction_expired'],
    ['notFound', 'interaction_expired'],
    ['validation', 'invalid_request'],
    ['disabled', 'server_error'],
    ['internal', 'server_error'],
  ] as const)('should map %s to %s, keeping error_code and msg', async (name, code) => {
    const { status, body } = supabaseErrors[name];
    const error = await rejection(client(status, body).client.load());
    expect(error).toMatchObject({ code, status, error: body.error_code, errorDescription: body.msg });
    expect(error.cause).toEqual(body);
  });

  it('should map an OAuth-style { error, error_description } body', async () => {
    const body = { error: 'access_denied', error_description: 'user is banned' };
    expect(await rejection(client(403, body).client.consent(decision))).toMatchObject({
      code: 'access_denied',
      error: 'access_denied',
      errorDescription: 'user is banned',
    });
  });
});

describe('given malformed Supabase answers', () => {
  it.each<[string, (b: any) => void]>([
    ['no client', (b) => delete b.client],
    ['a numeric scope', (b) => (b.scope = 3)],
    ['a user without id', (b) => delete b.user.id],
    ['a client name object', (b) => (b.client.name = {})],
  ])('should reject %s with invalid_response', async (_, mutate) => {
    const body = structuredClone(supabaseAuthorization);
    mutate(body);
    expect((await rejection(client(200, body).client.load())).code).toBe('invalid_response');
  });

  it('should reject a decision answer without redirect_url', async () => {
    expect((await rejection(client(200, {}).client.consent(decision))).code).toBe('invalid_response');
  });

  it('should refuse a data: redirect_url with unsafe_redirect', async () => {
    expect((await rejection(client(200, { redirect_url: 'data:text/html,x' }).client.deny())).code).toBe(
      'unsafe_redirect',
    );
  });

  it.each([
    ['no url', { ...options, url: '' }],
    ['a javascript: url', { ...options, url: 'javascript:alert(1)' }],
    ['no authorization id', { ...options, authorizationId: '' }],
    ['no api key', { ...options, apiKey: '' }],
    ['no token getter', { ...options, accessToken: 'jwt' }],
  ])('should throw TypeError for %s', (_, bad) => {
    expect(() => supabaseAdapter(bad as never)).toThrow(TypeError);
  });
});
