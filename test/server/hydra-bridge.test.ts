import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  AcceptOAuth2ConsentRequest,
  AcceptOAuth2LoginRequest,
  OAuth2ConsentRequest,
  OAuth2LoginRequest,
  OAuth2RedirectTo,
  RejectOAuth2Request,
} from '@ory/client-fetch';
import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { kitAdapter } from '../../src/client/adapters/kit.js';
import { createInteractionClient } from '../../src/client/interaction-client.js';
import {
  createHydraBridge,
  type HydraAcceptConsent,
  type HydraAcceptLogin,
  type HydraBridge,
  type HydraBridgeOptions,
  type HydraConsentRequest,
  type HydraLoginRequest,
  type HydraRedirect,
  type HydraReject,
} from '../../src/server/hydra/bridge.js';
import { AUDIENCE, consentRequest, loginRequest } from '../fixtures/hydra/requests.js';
import { startFakeHydraAdmin } from './support/fake-hydra-admin.js';
import { rejection } from '../support/rejection.js';

type Admin = Awaited<ReturnType<typeof startFakeHydraAdmin>>;
let admin: Admin;
let server: http.Server;
let origin: string;
let bridge: HydraBridge;
const onError = vi.fn();

function startBridge(overrides: Partial<HydraBridgeOptions> = {}) {
  bridge = createHydraBridge({
    adminUrl: admin.url,
    authenticate: async (identifier, password) =>
      (identifier === 'alice@demo.test' || identifier === 'alice') && password === 'alice-password'
        ? { subject: 'alice' }
        : null,
    findUser: async (subject) => ({ id: subject, displayName: 'Alice Kim', email: 'alice@demo.test' }),
    getPermissions: async () => ({ [AUDIENCE]: ['read:reports'] }),
    describeResource: (audience) =>
      audience === AUDIENCE ? { name: 'Reports API', scopes: { 'read:reports': 'Read reports' } } : undefined,
    rememberFor: 3600,
    onError,
    ...overrides,
  });
}

beforeAll(async () => {
  admin = await startFakeHydraAdmin();
  startBridge();
  server = http.createServer((req, res) =>
    bridge.handle(req, res, () => {
      res.statusCode = 404;
      res.end('host page');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await admin.close();
});

afterEach(() => {
  admin.calls.length = 0;
  onError.mockClear();
  startBridge();
});

const client = (kind: 'login' | 'consent', challenge: string) =>
  createInteractionClient(kitAdapter({ baseUrl: `${origin}/interaction/${kind}/${challenge}` }));

const decision = {
  profileScopes: ['openid', 'profile'],
  resources: { [AUDIENCE]: ['read:reports'] },
  organizationIds: [],
  remember: true,
};

describe('given the bridge types', () => {
  // Checked by the type check (tsc, in npm test), not at run time: expectTypeOf does nothing when run.
  it('should match the admin API models @ory/client-fetch publishes', () => {
    expectTypeOf<OAuth2LoginRequest>().toExtend<HydraLoginRequest>();
    expectTypeOf<OAuth2ConsentRequest>().toExtend<HydraConsentRequest>();
    expectTypeOf<HydraAcceptLogin>().toExtend<AcceptOAuth2LoginRequest>();
    expectTypeOf<HydraAcceptConsent>().toExtend<AcceptOAuth2ConsentRequest>();
    expectTypeOf<HydraReject>().toExtend<RejectOAuth2Request>();
    expectTypeOf<OAuth2RedirectTo>().toEqualTypeOf<HydraRedirect>();
  });
});

describe('given a Hydra login request', () => {
  it('should map it into the sign-in step with ui_locales, login_hint and the client', async () => {
    admin.logins.set('login-a', loginRequest('login-a'));
    await expect(client('login', 'login-a').load()).resolves.toStrictEqual({
      kind: 'login',
      uid: 'login-a',
      uiLocales: ['ko', 'en'],
      client: {
        id: 'reports-hub',
        name: 'Reports Hub',
        party: 'third',
        verified: false,
        logo: { light: 'https://reports.example/logo.svg' },
        homepage: 'https://reports.example/',
        policyUrl: 'https://reports.example/privacy',
        termsUrl: 'https://reports.example/terms',
        redirectUri: 'https://reports.example/callback',
      },
      login: { identifiers: ['email', 'username'], password: true, loginHint: 'alice@demo.test' },
    });
    expect(admin.calls).toEqual([
      { method: 'GET', path: '/admin/oauth2/auth/requests/login', challenge: 'login-a', body: undefined },
    ]);
  });

  it("should accept the login with the subject and return Hydra's redirect_to", async () => {
    admin.logins.set('login-b', loginRequest('login-b'));
    await expect(
      client('login', 'login-b').signIn({ identifier: 'alice@demo.test', password: 'alice-password' }),
    ).resolves.toEqual({
      to: 'https://hydra.example/oauth2/auth?login_verifier=v-login-b',
    });
    expect(admin.calls.at(-1)).toEqual({
      method: 'PUT',
      path: '/admin/oauth2/auth/requests/login/accept',
      challenge: 'login-b',
      body: { subject: 'alice', remember: false },
    });
  });

  it('should answer wrong credentials with invalid_credentials and leave the request open', async () => {
    admin.logins.set('login-c', loginRequest('login-c'));
    const error = await rejection(client('login', 'login-c').signIn({ identifier: 'alice', password: 'wrong' }));
    expect(error).toMatchObject({ code: 'invalid_credentials', status: 401 });
    expect(admin.calls.map((c) => c.path)).toEqual(['/admin/oauth2/auth/requests/login']);
  });

  it('should reject the login with access_denied on abort', async () => {
    admin.logins.set('login-d', loginRequest('login-d'));
    await expect(client('login', 'login-d').deny()).resolves.toEqual({
      to: 'https://hydra.example/oauth2/auth?error=access_denied',
    });
    expect(admin.calls.at(-1)).toMatchObject({
      path: '/admin/oauth2/auth/requests/login/reject',
      body: { error: 'access_denied' },
    });
  });

  it('should answer switch-account at sign-in with the step again, without the hint', async () => {
    admin.logins.set('login-e', loginRequest('login-e'));
    const step = await client('login', 'login-e').switchAccount();
    expect(step.login).toEqual({ identifiers: ['email', 'username'], password: true });
  });
});

describe('given the sign-in methods and limits of the server core', () => {
  const post = (challenge: string, endpoint: string, body: unknown) =>
    fetch(`${origin}/interaction/login/${challenge}/${endpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('should lock wrong passwords after maxFailures: 429 with Retry-After, before calling authenticate', async () => {
    const authenticate = vi.fn(async () => null);
    startBridge({ authenticate, attemptLimit: { maxFailures: 3 } });
    admin.logins.set('login-limit', loginRequest('login-limit'));
    const statuses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      statuses.push(
        (await post('login-limit', 'login', { identifier: 'alice@demo.test', password: `guess-${attempt}` })).status,
      );
    }
    expect(statuses).toEqual([401, 401, 429, 429, 429]);
    expect(authenticate).toHaveBeenCalledTimes(3);
    const locked = await post('login-limit', 'login', { identifier: 'alice@demo.test', password: 'alice-password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('should offer codes and sign in with one, accepting the login for the subject the host names', async () => {
    let sent = '';
    startBridge({
      sendCode: async () => {
        sent = '246810';
      },
      verifyCode: async (identifier, code) =>
        identifier === 'alice@demo.test' && code === sent ? { accountId: 'alice' } : null,
    });
    admin.logins.set('login-code', loginRequest('login-code'));
    const step = await client('login', 'login-code').load();
    expect(step).toMatchObject({ kind: 'login', login: { code: { length: 6 } } });
    expect(step.kind === 'login' && step.login.session).toBeUndefined();

    expect((await post('login-code', 'send-code', { identifier: 'alice@demo.test' })).status).toBe(200);
    expect((await post('login-code', 'send-code', { identifier: 'alice@demo.test' })).status).toBe(429);
    expect((await post('login-code', 'verify-code', { identifier: 'alice@demo.test', code: '000000' })).status).toBe(
      401,
    );
    const signedIn = await post('login-code', 'verify-code', { identifier: 'alice@demo.test', code: '246 810' });
    expect(await signedIn.json()).toEqual({
      redirectTo: 'https://hydra.example/oauth2/auth?login_verifier=v-login-code',
    });
    expect(admin.calls.at(-1)).toMatchObject({
      path: '/admin/oauth2/auth/requests/login/accept',
      body: { subject: 'alice', remember: false },
    });
  });

  it('should run a connector through the fixed callback to the login request, never continuing a session', async () => {
    const finish = vi.fn(async () => ({ accountId: 'alice' }));
    startBridge({
      connectors: {
        list: () => [{ id: 'sso', kind: 'sso', name: 'Company SSO' }],
        start: async (_id, { state }) => `https://sso.example/authorize?state=${state}`,
        finish,
      },
    });
    admin.logins.set('login-sso', loginRequest('login-sso'));
    const started = await (await post('login-sso', 'connector', { connectorId: 'sso' })).json();
    const state = new URL(started.redirectTo).searchParams.get('state')!;
    expect(state.startsWith('login-sso.')).toBe(true);

    const bounce = await fetch(`${origin}/interaction/callback?code=c&state=${state}`, { redirect: 'manual' });
    expect(bounce.headers.get('location')).toBe(
      `/interaction/login/login-sso/connector-callback?code=c&state=${state}`,
    );
    const back = await fetch(`${origin}${bounce.headers.get('location')}`, { redirect: 'manual' });
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toBe('https://hydra.example/oauth2/auth?login_verifier=v-login-sso');
    expect(finish).toHaveBeenCalledTimes(1);

    // Hydra decides when a session continues (skip): the kit's continue is refused.
    admin.logins.set('login-continue', loginRequest('login-continue', { subject: 'alice' }));
    expect((await post('login-continue', 'continue', {})).status).toBe(400);
  });
});

describe('given a Hydra consent request', () => {
  it("should offer profile scopes, the audience's held scopes, withhold the rest and be rememberable", async () => {
    admin.consents.set('consent-a', consentRequest('consent-a'));
    const step = await client('consent', 'consent-a').load();
    expect(step).toMatchObject({
      kind: 'consent',
      uid: 'consent-a',
      uiLocales: ['ko'],
      user: { id: 'alice', displayName: 'Alice Kim', email: 'alice@demo.test' },
      client: { id: 'reports-hub', redirectUri: 'https://reports.example/callback' },
    });
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.profileScopes.map((s) => [s.name, s.required])).toEqual([
      ['openid', true],
      ['profile', false],
    ]);
    expect(step.consent.resources).toEqual([
      {
        indicator: AUDIENCE,
        name: 'Reports API',
        scopes: [{ name: 'read:reports', description: 'Read reports', required: false }],
      },
    ]);
    expect(step.consent.withheld).toEqual([{ name: 'write:reports', resource: AUDIENCE }]);
    expect(step.consent.rememberable).toBe(true);
  });

  it('should accept with grant_scope, grant_access_token_audience, remember and remember_for', async () => {
    admin.consents.set('consent-b', consentRequest('consent-b'));
    await expect(client('consent', 'consent-b').consent(decision)).resolves.toEqual({
      to: 'https://hydra.example/oauth2/auth?consent_verifier=v-consent-b',
    });
    expect(admin.calls.at(-1)).toEqual({
      method: 'PUT',
      path: '/admin/oauth2/auth/requests/consent/accept',
      challenge: 'consent-b',
      body: {
        grant_scope: ['openid', 'profile', 'read:reports'],
        grant_access_token_audience: [AUDIENCE],
        remember: true,
        remember_for: 3600,
      },
    });
  });

  it('should not grant an audience whose scopes were all unticked', async () => {
    admin.consents.set('consent-c', consentRequest('consent-c'));
    await client('consent', 'consent-c').consent({ ...decision, resources: { [AUDIENCE]: [] }, remember: false });
    expect(admin.calls.at(-1)!.body).toEqual({
      grant_scope: ['openid', 'profile'],
      grant_access_token_audience: [],
      remember: false,
    });
  });

  it("should add the host's session claims", async () => {
    startBridge({ sessionClaims: async (subject, scopes) => ({ id_token: { sub_name: subject, n: scopes.length } }) });
    admin.consents.set('consent-d', consentRequest('consent-d'));
    await client('consent', 'consent-d').consent(decision);
    expect(admin.calls.at(-1)!.body).toMatchObject({ session: { id_token: { sub_name: 'alice', n: 3 } } });
  });

  it.each([
    [
      'a scope the user lacks',
      { ...decision, resources: { [AUDIENCE]: ['read:reports', 'write:reports'] } },
      'invalid_scope',
    ],
    ['an unrequested scope', { ...decision, profileScopes: ['openid', 'admin'] }, 'invalid_scope'],
    ['a malformed body', { profileScopes: 'openid' }, 'invalid_request'],
  ])('should refuse %s without calling accept', async (_, body, code) => {
    admin.consents.set('consent-e', consentRequest('consent-e'));
    const response = await fetch(`${origin}/interaction/consent/consent-e/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: code });
    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
  });

  it('should reject the consent with access_denied on deny', async () => {
    admin.consents.set('consent-f', consentRequest('consent-f'));
    await expect(client('consent', 'consent-f').deny()).resolves.toEqual({
      to: 'https://hydra.example/oauth2/auth?error=access_denied',
    });
    expect(admin.calls.at(-1)).toMatchObject({
      path: '/admin/oauth2/auth/requests/consent/reject',
      body: { error: 'access_denied' },
    });
  });

  it('should show every scope as a profile scope when no audience is requested, without RBAC', async () => {
    startBridge({ getPermissions: undefined });
    admin.consents.set(
      'consent-g',
      consentRequest('consent-g', {
        requested_access_token_audience: [],
        requested_scope: ['openid', 'email', 'offline_access'],
      }),
    );
    const step = await client('consent', 'consent-g').load();
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.profileScopes.map((s) => s.name)).toEqual(['openid', 'email', 'offline_access']);
    expect(step.consent.resources).toEqual([]);
  });

  it('should refuse switch-account at consent (the app must restart the authorization)', async () => {
    admin.consents.set('consent-h', consentRequest('consent-h'));
    expect(await rejection(client('consent', 'consent-h').switchAccount())).toMatchObject({
      code: 'invalid_request',
      status: 400,
    });
  });

  it('should refuse a sign-in posted to a consent challenge and a consent posted to a login challenge', async () => {
    admin.consents.set('consent-i', consentRequest('consent-i'));
    admin.logins.set('login-i', loginRequest('login-i'));
    expect(
      (await rejection(client('consent', 'consent-i').signIn({ identifier: 'alice', password: 'alice-password' })))
        .code,
    ).toBe('invalid_request');
    expect((await rejection(client('login', 'login-i').consent(decision))).code).toBe('invalid_request');
  });
});

describe('given a third-party app that asks for API scopes without an audience', () => {
  // Hydra's scopes are flat: an app may leave `audience` out and still get `write:reports` in its
  // token's `scope`. alice holds only `read:reports` (under AUDIENCE).
  const noAudience = (id: string, skip = false) =>
    consentRequest(id, {
      skip,
      requested_access_token_audience: [],
      requested_scope: ['openid', 'read:reports', 'write:reports'],
    });

  it('should withhold a scope the user holds under no audience, never offering it', async () => {
    admin.consents.set('consent-aud-a', noAudience('consent-aud-a'));
    const step = await client('consent', 'consent-aud-a').load();
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.profileScopes.map((s) => s.name)).toEqual(['openid', 'read:reports']);
    expect(step.consent.withheld).toEqual([{ name: 'write:reports' }]);
  });

  it('should refuse a forged decision granting it with 400 invalid_scope, accepting nothing', async () => {
    admin.consents.set('consent-aud-b', noAudience('consent-aud-b'));
    const forged = { ...decision, profileScopes: ['openid', 'read:reports', 'write:reports'], resources: {} };
    expect(await rejection(client('consent', 'consent-aud-b').consent(forged))).toMatchObject({
      code: 'invalid_scope',
      status: 400,
    });
    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
  });

  it('should grant only the held scopes of a full decision and not skip a remembered consent for it', async () => {
    admin.consents.set('consent-aud-c', noAudience('consent-aud-c'));
    await client('consent', 'consent-aud-c').consent({
      ...decision,
      profileScopes: ['openid', 'read:reports'],
      resources: {},
    });
    expect(admin.calls.at(-1)!.body).toMatchObject({ grant_scope: ['openid', 'read:reports'] });

    admin.consents.set('consent-aud-d', noAudience('consent-aud-d', true));
    await expect(bridge.skip('consent', 'consent-aud-d')).resolves.toBeUndefined();
  });
});

describe('given requests Hydra no longer knows', () => {
  it('should answer an unknown challenge with interaction_expired', async () => {
    expect((await rejection(client('consent', 'nope').load())).code).toBe('interaction_expired');
    expect(
      (await rejection(client('login', 'nope').signIn({ identifier: 'alice', password: 'alice-password' }))).code,
    ).toBe('interaction_expired');
  });

  it("should answer details of a handled request with 410 interaction_expired and Hydra's redirect_to", async () => {
    admin.consents.set('consent-j', consentRequest('consent-j'));
    await client('consent', 'consent-j').deny();

    const response = await fetch(`${origin}/interaction/consent/consent-j/details`);
    expect(response.status).toBe(410);
    expect(await response.json()).toEqual({
      error: 'interaction_expired',
      error_description: 'login or consent request already handled',
      redirectTo: consentRequest('consent-j').request_url,
    });
    // The client turns it into an expired step that says where to go on.
    expect(await rejection(client('consent', 'consent-j').load())).toMatchObject({
      code: 'interaction_expired',
      redirect: { to: consentRequest('consent-j').request_url },
    });
  });

  it("should answer an admin API failure with a bare server_error, never Hydra's text or URL", async () => {
    admin.consents.set('consent-k', consentRequest('consent-k'));
    admin.failNext(500);
    const response = await fetch(`${origin}/interaction/consent/consent-k/details`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'server_error' });
    expect(text).not.toContain(admin.url);
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('given a challenge used already (a second tab, or a Retry after a lost answer)', () => {
  it("should answer a consent read before the first one's accept with Hydra's way on (accept got 409)", async () => {
    admin.consents.set('consent-409', consentRequest('consent-409'));
    const first = await client('consent', 'consent-409').consent(decision);
    expect(first.to).toBe('https://hydra.example/oauth2/auth?consent_verifier=v-consent-409');
    admin.calls.length = 0;
    admin.raceNextGet();

    const second = await client('consent', 'consent-409').consent({ ...decision, resources: { [AUDIENCE]: [] } });

    // The accept was refused with 409; the bridge asked for the request again and followed its 410.
    expect(admin.calls.map((c) => `${c.method} ${c.path.replace('/admin/oauth2/auth/requests/', '')}`)).toEqual([
      'GET consent',
      'PUT consent/accept',
      'GET consent',
    ]);
    expect(second).toEqual({ to: consentRequest('consent-409').request_url });
    expect(onError).not.toHaveBeenCalled();
  });

  it('should answer a second consent after the first with the way on (Hydra answers its GET with 410)', async () => {
    admin.consents.set('consent-again', consentRequest('consent-again'));
    await client('consent', 'consent-again').consent(decision);
    await expect(client('consent', 'consent-again').consent(decision)).resolves.toEqual({
      to: consentRequest('consent-again').request_url,
    });
    expect(admin.calls.filter((c) => c.path.endsWith('/accept'))).toHaveLength(1);
  });

  it.each([
    ['deny after consent', 'consent'],
    ['sign-in after sign-in', 'login'],
  ] as const)('should answer %s with the way on too, never server_error', async (_label, kind) => {
    const challenge = `${kind}-used`;
    if (kind === 'login') {
      admin.logins.set(challenge, loginRequest(challenge));
      await client('login', challenge).signIn({ identifier: 'alice', password: 'alice-password' });
      admin.raceNextGet();
      await expect(
        client('login', challenge).signIn({ identifier: 'alice', password: 'alice-password' }),
      ).resolves.toEqual({
        to: loginRequest(challenge).request_url,
      });
    } else {
      admin.consents.set(challenge, consentRequest(challenge));
      await client('consent', challenge).consent(decision);
      // Reject is sent without reading the request first: Hydra answers it with 409.
      await expect(client('consent', challenge).deny()).resolves.toEqual({ to: consentRequest(challenge).request_url });
    }
    expect(onError).not.toHaveBeenCalled();
  });

  it('should follow the redirect_to of a 410 answer to accept instead of dropping it', async () => {
    admin.answerHandledPutWith(410);
    try {
      admin.consents.set('consent-410', consentRequest('consent-410'));
      await client('consent', 'consent-410').consent(decision);
      admin.raceNextGet();
      const race = await fetch(`${origin}/interaction/consent/consent-410/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(decision),
      });
      expect(race.status).toBe(200);
      expect(await race.json()).toEqual({ redirectTo: consentRequest('consent-410').request_url });
    } finally {
      admin.answerHandledPutWith(409);
    }
  });
});

describe('given the admin API must stay unreachable from the browser', () => {
  it('should pass anything outside its routes to next, including admin paths', async () => {
    for (const path of [
      '/admin/oauth2/auth/requests/login?login_challenge=login-a',
      '/interaction/other/x/details',
      '/interaction/login/x/unknown',
    ]) {
      const response = await fetch(`${origin}${path}`);
      expect(await response.text()).toBe('host page');
    }
    expect(admin.calls).toEqual([]);
  });

  it('should never send the admin URL or challenge internals to the browser', async () => {
    admin.consents.set('consent-l', consentRequest('consent-l'));
    const text = await (await fetch(`${origin}/interaction/consent/consent-l/details`)).text();
    expect(text).not.toContain(admin.url);
    expect(text).not.toContain('login_session_id');
    expect(text).not.toContain('sess-1');
  });

  it('should refuse wrong methods and non-JSON bodies', async () => {
    admin.logins.set('login-m', loginRequest('login-m'));
    expect((await fetch(`${origin}/interaction/login/login-m/details`, { method: 'POST' })).status).toBe(405);
    const form = await fetch(`${origin}/interaction/login/login-m/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'identifier=alice&password=alice-password',
    });
    expect(form.status).toBe(415);
    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
  });

  it('should refuse an adminUrl that is not http(s)', () => {
    expect(() =>
      createHydraBridge({ adminUrl: 'file:///etc', authenticate: async () => null, findUser: async (id) => ({ id }) }),
    ).toThrow(TypeError);
  });
});

describe('given Hydra may skip the screens', () => {
  it('should accept a skippable login for its subject and return the redirect', async () => {
    admin.logins.set('login-s', loginRequest('login-s', { skip: true, subject: 'alice' }));
    await expect(bridge.skip('login', 'login-s')).resolves.toBe(
      'https://hydra.example/oauth2/auth?login_verifier=v-login-s',
    );
    expect(admin.calls.at(-1)!.body).toEqual({ subject: 'alice' });
  });

  it('should accept a remembered consent with the requested scopes and audiences while all are held', async () => {
    startBridge({ getPermissions: async () => ({ [AUDIENCE]: ['read:reports', 'write:reports'] }) });
    admin.consents.set('consent-s', consentRequest('consent-s', { skip: true }));
    await expect(bridge.skip('consent', 'consent-s')).resolves.toBe(
      'https://hydra.example/oauth2/auth?consent_verifier=v-consent-s',
    );
    expect(admin.calls.at(-1)!.body).toEqual({
      grant_scope: ['openid', 'profile', 'read:reports', 'write:reports'],
      grant_access_token_audience: [AUDIENCE],
      remember: true,
      remember_for: 3600,
    });
  });

  it('should show the screen again, never granting it, when a remembered scope is no longer held', async () => {
    // alice remembered read + write; write:reports has since been taken from her.
    startBridge({ getPermissions: async () => ({ [AUDIENCE]: ['read:reports'] }) });
    admin.consents.set('consent-lost', consentRequest('consent-lost', { skip: true }));

    await expect(bridge.skip('consent', 'consent-lost')).resolves.toBeUndefined();

    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
    const step = await client('consent', 'consent-lost').load();
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.resources[0]!.scopes.map((s) => s.name)).toEqual(['read:reports']);
    expect(step.consent.withheld).toEqual([{ name: 'write:reports', resource: AUDIENCE }]);
  });

  it('should show the screen again when no requested scope is held under a requested audience any more', async () => {
    startBridge({ getPermissions: async () => ({}) });
    admin.consents.set(
      'consent-none',
      consentRequest('consent-none', { skip: true, requested_scope: ['openid', 'read:reports'] }),
    );
    await expect(bridge.skip('consent', 'consent-none')).resolves.toBeUndefined();
    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
  });

  it('should offer a newly held scope: Hydra skips nothing never granted, so the screen offers it', async () => {
    // alice remembered read only while write was withheld; she now holds write too.
    startBridge({ getPermissions: async () => ({ [AUDIENCE]: ['read:reports', 'write:reports'] }) });
    admin.consents.set('consent-gained', consentRequest('consent-gained', { skip: false }));

    await expect(bridge.skip('consent', 'consent-gained')).resolves.toBeUndefined();
    const step = await client('consent', 'consent-gained').load();
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.resources[0]!.scopes.map((s) => s.name)).toEqual(['read:reports', 'write:reports']);
    expect(step.consent.withheld).toEqual([]);
  });

  it("should resolve with Hydra's way on when the challenge was handled already", async () => {
    admin.consents.set('consent-done', consentRequest('consent-done'));
    await client('consent', 'consent-done').deny();
    await expect(bridge.skip('consent', 'consent-done')).resolves.toBe(consentRequest('consent-done').request_url);
  });

  it('should resolve undefined when the screen must be shown', async () => {
    admin.logins.set('login-t', loginRequest('login-t'));
    await expect(bridge.skip('login', 'login-t')).resolves.toBeUndefined();
    expect(admin.calls.some((c) => c.path.endsWith('/accept'))).toBe(false);
  });
});

describe('given rememberDecisions: false', () => {
  it.each([
    ['rememberDecisions', 'consent-r1', { rememberDecisions: false }],
    ['the deprecated rememberable', 'consent-r2', { rememberable: false }],
  ])(
    'should neither offer Remember (%s) nor ask Hydra to remember a decision that says so',
    async (_name, id, option) => {
      startBridge(option);
      admin.consents.set(id, consentRequest(id));
      const step = await client('consent', id).load();
      if (step.kind !== 'consent') throw new Error('expected consent');
      expect(step.consent.rememberable).toBe(false);
      await client('consent', id).consent(decision);
      expect(admin.calls.at(-1)!.body).toMatchObject({ remember: false });
      expect(admin.calls.at(-1)!.body).not.toHaveProperty('remember_for');
    },
  );
});
