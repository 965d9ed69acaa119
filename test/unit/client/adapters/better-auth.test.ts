import { describe, expect, it } from 'vitest';
import { betterAuthAdapter } from '../../../../src/client/adapters/better-auth.js';
import { createInteractionClient } from '../../../../src/client/interaction-client.js';
import type { Transport, TransportResponse } from '../../../../src/client/types.js';
import { rejection } from '../../../support/rejection.js';

const QUERY =
  '?response_type=code&client_id=reports&scope=openid+email&redirect_uri=https%3A%2F%2Fapp.test%2Fcb&exp=1&sig=abc';
const session = {
  session: { id: 's', userId: 'u1' },
  user: { id: 'u1', name: 'Alice', email: 'alice@demo.test', image: null },
};
const publicClient = { client_id: 'reports', client_name: 'Reports Hub', redirect_uris: [] };

/** A transport answering each path with the given response (status 200 unless a tuple is given). */
function transportFor(routes: Record<string, unknown | [number, unknown]>): Transport {
  return async (request): Promise<TransportResponse> => {
    const path = new URL(request.url, 'https://idp.test').pathname.replace('/api/auth', '');
    if (!(path in routes)) throw new Error(`unexpected ${path}`);
    const answer = routes[path];
    const [status, body] = Array.isArray(answer) && typeof answer[0] === 'number' ? answer : [200, answer];
    return { status: status as number, headers: new Headers(), body };
  };
}

const adapter = () => betterAuthAdapter({ baseUrl: 'https://idp.test/api/auth', query: QUERY });

describe('given malformed Better Auth answers', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a session without user', { '/get-session': { session: {} } }],
    ['a user with a numeric id', { '/get-session': { ...session, user: { ...session.user, id: 1 } } }],
    ['a client without client_id', { '/get-session': session, '/oauth2/public-client': { client_name: 'x' } }],
    [
      'a client name that is an object',
      { '/get-session': session, '/oauth2/public-client': { ...publicClient, client_name: {} } },
    ],
  ])('should reject %s with invalid_response', async (_, routes) => {
    expect((await rejection(adapter().load(transportFor(routes)))).code).toBe('invalid_response');
  });

  it('should reject a consent answer without url', async () => {
    const decision = { profileScopes: ['openid'], resources: {}, organizationIds: [], remember: false };
    expect(
      (await rejection(adapter().consent(transportFor({ '/oauth2/consent': { redirect: true } }), decision))).code,
    ).toBe('invalid_response');
  });

  it('should refuse a javascript: url with unsafe_redirect', async () => {
    expect(
      (
        await rejection(
          adapter().deny(transportFor({ '/oauth2/consent': { redirect: true, url: 'javascript:alert(1)' } })),
        )
      ).code,
    ).toBe('unsafe_redirect');
  });

  it('should resolve a relative url against the provider when there is no page', async () => {
    const redirect = await adapter().signIn(
      transportFor({ '/sign-in/email': { redirect: true, url: '/consent?x=1' } }),
      {
        identifier: 'alice@demo.test',
        password: 'p',
      },
    );
    expect(redirect.to).toMatch(/^https?:\/\/[^/]+\/consent\?x=1$/);
  });
});

describe('given Better Auth error answers', () => {
  it.each([
    [401, { code: 'UNAUTHORIZED', message: 'Unauthorized' }, 'interaction_expired'],
    [403, { code: 'EMAIL_NOT_VERIFIED', message: 'Email not verified' }, 'access_denied'],
    [400, { error: 'invalid_client', error_description: 'client_id is required' }, 'invalid_request'],
    [500, { message: 'boom' }, 'server_error'],
  ])('should map HTTP %i %o to %s', async (status, body, code) => {
    const error = await rejection(adapter().load(transportFor({ '/get-session': [status, body] })));
    expect(error).toMatchObject({ code, status });
    expect(error.cause).toEqual(body);
  });

  it('should show the sign-in step with the client id when pre-login lookups are off', async () => {
    const step = await createInteractionClient(betterAuthAdapter({ query: QUERY, prelogin: false }), {
      fetch: (async () => new Response('null', { status: 200 })) as typeof fetch,
    }).load();
    expect(step).toMatchObject({ kind: 'login', client: { id: 'reports', name: 'reports' } });
  });
});
