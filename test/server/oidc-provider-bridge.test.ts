/**
 * The oidc-provider bridge against a real oidc-provider (the demo IdP), driven like a browser:
 * authorization request → kit JSON endpoints → resume → code exchange with openid-client.
 */
import * as oidc from 'openid-client';
import { API_RESOURCE, ORGANIZATION_RESOURCE } from '../../demo/idp/index.js';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  jwtPayload,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

let idp: TestIdp;

beforeAll(async () => {
  idp = await startTestIdp();
});

afterAll(async () => {
  await idp?.close();
});

const BOB = ['bob@demo.test', 'bob-password'] as const;

describe('given an authorization request that needs sign-in', () => {
  it('should describe the login step without leaking provider internals', async () => {
    const browser = new Browser(idp.issuer);
    const request = await authorizationRequest(idp.web, {
      scope: 'openid profile',
      login_hint: 'alice@demo.test',
      ui_locales: 'ko  en-US',
    });
    const uid = await browser.toInteraction(request.url);

    const reply = await browser.kit(uid, 'details');

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect(reply.body).toEqual({
      kind: 'login',
      uid,
      client: {
        id: 'demo-web',
        name: 'Reports Hub',
        homepage: 'http://127.0.0.1:9/',
        policyUrl: 'http://127.0.0.1:9/privacy',
        termsUrl: 'http://127.0.0.1:9/terms',
        redirectUri: 'http://127.0.0.1:9/web/callback',
        party: 'third',
        verified: true,
        branding: { brand: { light: '#0e7490', dark: '#67e8f9' } },
      },
      uiLocales: ['ko', 'en-US'],
      login: { identifiers: ['email', 'username'], password: true, loginHint: 'alice@demo.test' },
      // The screen's plain HTML form posts: the interaction's URL and its token.
      form: { action: `/interaction/${uid}`, token: expect.stringMatching(/^[\w-]{43}$/) },
    });
    expect(reply.text).not.toMatch(/returnTo|session|cookie|code_challenge|state/i);
  });

  it('should refuse a wrong password with 401 invalid_credentials', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const wrong = await browser.kit(uid, 'login', { identifier: 'alice@demo.test', password: 'bob-password' });
    const unknown = await browser.kit(uid, 'login', { identifier: 'mallory@demo.test', password: 'alice-password' });

    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: 'invalid_credentials' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ error: 'invalid_credentials' });
  });

  it('should refuse a login body without identifier and password with 400 invalid_request', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'login', { identifier: 'alice@demo.test' });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_request' });
  });

  it('should refuse a consent at the login step with 400 invalid_request', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'consent', { profileScopes: ['openid'], resources: {}, organizationIds: [] });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_request' });
  });
});

describe('given requests that are not JSON', () => {
  it.each([
    ['text/plain', 'text/plain', JSON.stringify({ identifier: 'alice@demo.test', password: 'alice-password' })],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
  ])('should refuse %s with 415 before signing in', async (_label, type, body) => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'login', body, { headers: { 'content-type': type } });

    expect(reply.status).toBe(415);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
    expect((await browser.kit(uid, 'details')).body.kind).toBe('login');
  });

  it('should refuse malformed JSON and JSON that is not an object with 400, an oversized body with 413', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const malformed = await browser.kit(uid, 'login', '{"identifier":');
    const notAnObject = await browser.kit(uid, 'login', '["alice@demo.test","alice-password"]');
    const huge = await browser.kit(uid, 'login', { identifier: 'a'.repeat(20_000), password: 'x' });

    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'invalid_request' });
    expect(notAnObject.status).toBe(400);
    expect(notAnObject.body).toEqual({
      error: 'invalid_request',
      error_description: 'request body must be a JSON object',
    });
    expect(huge.status).toBe(413);
  });

  it('should answer a GET on a POST endpoint with 405', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const response = await browser.jar.fetch(new URL(`/interaction/${uid}/login`, idp.issuer));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('given an unknown, foreign or finished interaction', () => {
  it('should answer an unknown uid without cookies with 404 interaction_expired', async () => {
    const reply = await new Browser(idp.issuer).kit('no-such-interaction', 'details');

    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: 'interaction_expired' });
  });

  it("should answer 404 when the cookie names another interaction than the path's uid", async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const cookie = browser.jar.header(new URL(`/interaction/${uid}/details`, idp.issuer));

    const response = await fetch(new URL('/interaction/someone-elses-uid/details', idp.issuer), {
      headers: { cookie },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'interaction_expired' });
  });

  it('should answer 404 once the interaction has been resumed', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid' });
    const done = await browser.kit(uid, 'consent', { profileScopes: ['openid'], resources: {}, organizationIds: [] });
    await browser.toCallback(done.body.redirectTo);

    for (const endpoint of ['details', 'login', 'consent', 'abort', 'switch-account']) {
      const reply = await browser.kit(uid, endpoint, endpoint === 'details' ? undefined : {});
      expect(reply.status, endpoint).toBe(404);
      expect(reply.body, endpoint).toMatchObject({ error: 'interaction_expired' });
    }
  });
});

describe('given alice signs in and consents', () => {
  it('should describe the consent step with her account and the requested scopes', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid profile email read:reports write:reports',
      resource: API_RESOURCE,
    });

    const reply = await browser.kit(uid, 'details');

    expect(reply.status).toBe(200);
    expect(reply.headers.get('set-cookie')).toBeNull();
    expect(reply.body).toMatchObject({
      kind: 'consent',
      uid,
      client: { id: 'demo-web', name: 'Reports Hub' },
      uiLocales: [],
      user: { id: 'user_alice', displayName: 'Alice Anderson', email: 'alice@demo.test', username: 'alice' },
      consent: {
        profileScopes: [
          { name: 'openid', required: true },
          { name: 'profile', required: false },
          { name: 'email', required: false },
        ],
        resources: [
          {
            indicator: API_RESOURCE,
            name: 'Reports API',
            scopes: [
              { name: 'read:reports', required: false, description: 'Read reports' },
              { name: 'write:reports', required: false, description: 'Create and edit reports' },
            ],
          },
        ],
        claims: [],
        withheld: [],
        rememberable: true,
      },
    });
    expect(Object.keys(reply.body).sort()).toEqual(['client', 'consent', 'form', 'kind', 'uiLocales', 'uid', 'user']);
    expect(reply.text).not.toMatch(/returnTo|session|cookie|grantId|accountId/i);
  });

  it('should resume with the granted profile scopes only, in the token response and the ID token', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'profile'],
      resources: {},
      organizationIds: [],
      remember: false,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ redirectTo: expect.stringMatching(new RegExp(`^${idp.issuer}/auth/`)) });

    const callback = await browser.toCallback(reply.body.redirectTo);
    const tokens = await exchangeCode(idp.web, callback, request);

    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
    expect(tokens.claims()).toMatchObject({ sub: 'user_alice', name: 'Alice Anderson' });
    expect(tokens.claims()).not.toHaveProperty('email');
    const userinfo = await oidc.fetchUserInfo(idp.web, tokens.access_token, 'user_alice');
    expect(userinfo).toMatchObject({ name: 'Alice Anderson' });
    expect(userinfo).not.toHaveProperty('email');
  });

  it('should issue an API access token with exactly the ticked API scopes', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid read:reports write:reports',
      resource: API_RESOURCE,
    });

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid'],
      resources: { [API_RESOURCE]: ['write:reports'] },
      organizationIds: [],
      remember: false,
    });
    const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);

    expect(tokens.scope).toBe('write:reports');
    expect(jwtPayload(tokens.access_token)).toMatchObject({
      aud: API_RESOURCE,
      sub: 'user_alice',
      scope: 'write:reports',
    });
  });

  it('should record an unticked optional scope as rejected so a remembered decision is not asked again', async () => {
    const browser = new Browser(idp.issuer);
    const params = { scope: 'openid profile email' };
    const { uid } = await signedInAtConsent(browser, idp.web, params);
    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'profile'],
      resources: {},
      organizationIds: [],
      remember: true,
    });
    await browser.toCallback(reply.body.redirectTo);

    const second = await authorizationRequest(idp.web, params);
    const landing = await browser.navigate(second.url);

    expect(landing.kind).toBe('callback');
    const tokens = await exchangeCode(idp.web, (landing as { url: URL }).url, second);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
  });

  it('should show scopes granted earlier as granted when the client asks for more', async () => {
    const browser = new Browser(idp.issuer);
    const first = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const done = await browser.kit(first.uid, 'consent', {
      profileScopes: ['openid', 'profile'],
      resources: {},
      organizationIds: [],
      remember: true,
    });
    await browser.toCallback(done.body.redirectTo);

    const uid = await browser.toInteraction(
      (await authorizationRequest(idp.web, { scope: 'openid profile email' })).url,
    );
    const reply = await browser.kit(uid, 'details');

    expect(reply.body.kind).toBe('consent');
    expect(reply.body.consent.profileScopes).toEqual([
      { name: 'email', required: false },
      { name: 'openid', required: true, granted: true },
      { name: 'profile', required: false, granted: true },
    ]);
  });

  it('should refuse a decision without openid, or with an unrequested scope, as invalid_scope', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });

    const withoutOpenid = await browser.kit(uid, 'consent', {
      profileScopes: ['profile'],
      resources: {},
      organizationIds: [],
    });
    const unrequested = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'email'],
      resources: {},
      organizationIds: [],
    });
    const malformed = await browser.kit(uid, 'consent', { profileScopes: 'openid' });

    expect(withoutOpenid.status).toBe(400);
    expect(withoutOpenid.body).toEqual({ error: 'invalid_scope', error_description: 'required scope missing: openid' });
    expect(unrequested.status).toBe(400);
    expect(unrequested.body).toMatchObject({ error: 'invalid_scope' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: 'invalid_request' });
  });
});

describe('given bob, who may read reports but not write them', () => {
  const params = { scope: 'openid read:reports write:reports', resource: API_RESOURCE };

  it('should never offer write:reports and report it as withheld', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params, BOB);

    const reply = await browser.kit(uid, 'details');

    expect(reply.body.user.id).toBe('user_bob');
    expect(reply.body.consent.resources).toEqual([
      {
        indicator: API_RESOURCE,
        name: 'Reports API',
        scopes: [{ name: 'read:reports', required: false, description: 'Read reports' }],
      },
    ]);
    expect(reply.body.consent.withheld).toEqual([
      { name: 'write:reports', resource: API_RESOURCE, description: 'Create and edit reports' },
    ]);
  });

  it('should refuse a forged consent naming write:reports with 400 invalid_scope', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params, BOB);

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid'],
      resources: { [API_RESOURCE]: ['read:reports', 'write:reports'] },
      organizationIds: [],
      remember: false,
    });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_scope' });
    expect((await browser.kit(uid, 'details')).body.kind).toBe('consent');
  });

  it('should grant read:reports only and reject the withheld scope, so remembering works', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, params, BOB);
    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid'],
      resources: { [API_RESOURCE]: ['read:reports'] },
      organizationIds: [],
      remember: true,
    });
    const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
    expect(jwtPayload(tokens.access_token)).toMatchObject({ sub: 'user_bob', scope: 'read:reports' });

    const second = await authorizationRequest(idp.web, params);
    expect((await browser.navigate(second.url)).kind).toBe('callback');
  });
});

describe('given a request for organization permissions', () => {
  const params = { scope: 'openid organizations read:members invite:members', resource: ORGANIZATION_RESOURCE };

  it('should offer alice her two organizations with the permissions she holds in each', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params);

    const { body } = await browser.kit(uid, 'details');

    expect(body.consent.resources).toEqual([]);
    expect(body.consent.organizations).toEqual({
      selection: 'single',
      required: true,
      options: [
        {
          id: 'org_acme',
          name: 'Acme Corporation',
          role: 'admin',
          permissions: [
            { name: 'read:members', required: true, description: 'See organization members' },
            { name: 'invite:members', required: true, description: 'Invite organization members' },
          ],
        },
        {
          id: 'org_globex',
          name: 'Globex',
          role: 'viewer',
          permissions: [{ name: 'read:members', required: true, description: 'See organization members' }],
        },
      ],
    });
  });

  it('should refuse an organization she is not a member of with 400 invalid_organization', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params, BOB);

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'organizations'],
      resources: {},
      organizationIds: ['org_globex'],
    });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_organization' });
  });

  it('should refuse a decision without an organization with 400 invalid_organization', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params);

    const reply = await browser.kit(uid, 'consent', { profileScopes: ['openid'], resources: {}, organizationIds: [] });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_organization' });
  });

  it("should grant the chosen organization's permissions and put it in the tokens' organizations claim", async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, params);

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'organizations'],
      resources: {},
      organizationIds: ['org_globex'],
    });
    const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);

    expect(tokens.scope).toBe('read:members');
    expect(tokens.claims()).toMatchObject({ sub: 'user_alice', organizations: ['org_globex'] });
    expect(tokens.refresh_token).toBeUndefined();
  });
});

describe('given the user refuses', () => {
  it('should send the app error=access_denied with the original state', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });

    const reply = await browser.kit(uid, 'abort');
    expect(reply.status).toBe(200);
    const callback = await browser.toCallback(reply.body.redirectTo);

    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(request.state);
    expect(callback.searchParams.has('code')).toBe(false);
  });

  it('should also abort at the sign-in step', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'abort', {});
    const callback = await browser.toCallback(reply.body.redirectTo);

    expect(callback.searchParams.get('error')).toBe('access_denied');
  });
});

describe('given alice switches account at the consent step', () => {
  it('should answer the sign-in step for the same interaction, without the login hint', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid profile',
      login_hint: 'alice@demo.test',
    });

    const reply = await browser.kit(uid, 'switch-account');

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      kind: 'login',
      uid,
      login: { identifiers: ['email', 'username'], password: true },
    });
    expect(reply.body.login).not.toHaveProperty('loginHint');
    expect((await browser.kit(uid, 'details')).body.kind).toBe('consent');
  });

  it('should finish the same authorization request for bob once he signs in', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    expect((await browser.kit(uid, 'details')).body.user.id).toBe('user_alice');
    await browser.kit(uid, 'switch-account');

    const landing = await browser.signIn(uid, ...BOB);

    // oidc-provider ends alice's session through its auto-submitting logout form, then resumes.
    expect(landing.kind).toBe('interaction');
    expect(browser.history.some((url) => new URL(url).pathname === '/session/end/confirm')).toBe(true);
    const consentUid = (landing as { uid: string }).uid;
    const step = await browser.kit(consentUid, 'details');
    expect(step.body).toMatchObject({ kind: 'consent', user: { id: 'user_bob', displayName: 'Bob Brown' } });
    const reply = await browser.kit(consentUid, 'consent', {
      profileScopes: ['openid', 'profile'],
      resources: {},
      organizationIds: [],
    });
    const callback = await browser.toCallback(reply.body.redirectTo);
    const tokens = await exchangeCode(idp.web, callback, request);
    expect(tokens.claims()).toMatchObject({ sub: 'user_bob', name: 'Bob Brown' });
  });
});
