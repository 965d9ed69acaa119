import { describe, expect, it, vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';
import type { Transport } from '../../../src/client/types.js';
import { ERROR_CODES } from '../../../src/protocol/errors.js';
import { KIT_ENDPOINTS } from '../../../src/protocol/kit.js';
import {
  KIT_UID,
  kitConsentPayload,
  kitErrorPayloads,
  kitLoginPayload,
  kitRedirectPayload,
} from '../../fixtures/kit-protocol.js';
import * as steps from '../../fixtures/steps.js';
import { kitClientAnswering, stubFetch } from './fetch-stub.js';
import { rejection } from '../../support/rejection.js';

const BASE = `/interaction/${KIT_UID}`;

/** A client over the kit adapter whose fetch answers `status` with `body` (and `headers`). */
const clientAnswering = kitClientAnswering(BASE);

/** A deep, mutable copy of a fixture. */
function copy<T>(value: T): any {
  return structuredClone(value);
}

describe('given the kit adapter loading the interaction', () => {
  it('should GET <baseUrl>/details and resolve with the consent step', async () => {
    const { client, requests } = clientAnswering(200, kitConsentPayload);
    await expect(client.load()).resolves.toStrictEqual(copy(kitConsentPayload));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', url: `${BASE}/${KIT_ENDPOINTS.details}` });
  });

  it('should resolve with the login step', async () => {
    const { client } = clientAnswering(200, kitLoginPayload);
    await expect(client.load()).resolves.toStrictEqual(copy(kitLoginPayload));
  });

  it('should join endpoint names to an absolute base URL with a trailing slash', async () => {
    const { fetch, requests } = stubFetch(200, kitLoginPayload);
    const client = createInteractionClient(kitAdapter({ baseUrl: `https://idp.test${BASE}/` }), { fetch });
    await client.load();
    expect(requests[0]!.url).toBe(`https://idp.test${BASE}/details`);
  });

  it('should read requested claims with their provider text, and a bare claim name as { name }', async () => {
    const payload = copy(kitConsentPayload);
    payload.consent.claims = [
      { name: 'email', internal: true },
      { name: 'department', description: 'Your department', descriptions: { ko: '소속 부서' } },
      'nickname',
    ];
    const { client } = clientAnswering(200, payload);
    const step = await client.load();
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.consent.claims).toStrictEqual([
      { name: 'email' },
      { name: 'department', description: 'Your department', descriptions: { ko: '소속 부서' } },
      { name: 'nickname' },
    ]);
  });

  it('should drop unknown fields at every level', async () => {
    const payload = copy(kitConsentPayload);
    payload.extra = 'top';
    payload.client.secret = 'leak';
    payload.user.session = { cookie: 'x' };
    payload.consent.resources[0].scopes[0].internal = true;
    payload.consent.organizations.options[0].billing = 'gold';
    const { client } = clientAnswering(200, payload);
    await expect(client.load()).resolves.toStrictEqual(copy(kitConsentPayload));
  });

  it('should return fresh objects rather than the body it was given', async () => {
    const body = copy(kitConsentPayload);
    const transport: Transport = async () => ({ status: 200, headers: new Headers(), body });
    const step = await kitAdapter({ baseUrl: BASE }).load(transport);
    body.client.name = 'Changed';
    body.consent.profileScopes.push({ name: 'phone', required: false });
    body.uiLocales.push('fr');
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.client.name).toBe(kitConsentPayload.client.name);
    expect(step.consent.profileScopes).toHaveLength(3);
    expect(step.uiLocales).toEqual(['ko-KR', 'en']);
  });

  it('should accept a consent step without organizations and omit absent optional fields', async () => {
    const payload = copy(kitConsentPayload);
    delete payload.consent.organizations;
    delete payload.client.logo;
    delete payload.user.avatar;
    const { client } = clientAnswering(200, payload);
    const step = await client.load();
    expect(step).toStrictEqual(payload);
    expect(step.client).not.toHaveProperty('logo');
  });

  it('should reject a body that is not JSON with invalid_response', async () => {
    const { client } = clientAnswering(200, '{"kind": "consent",');
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response' });
  });

  it.each([
    ['an empty body', undefined],
    ['null', null],
    ['an array', [kitConsentPayload]],
    ['a string', '"consent"'],
  ])('should reject %s with invalid_response', async (_name, body) => {
    const { client } = clientAnswering(200, body);
    expect(await rejection(client.load())).toMatchObject({
      code: 'invalid_response',
      message: 'step must be an object',
    });
  });

  it('should reject an unknown kind, naming the accepted ones', async () => {
    const { client } = clientAnswering(200, { ...copy(kitConsentPayload), kind: 'mfa' });
    expect(await rejection(client.load())).toMatchObject({
      code: 'invalid_response',
      message: 'step.kind must be one of "login", "consent"',
    });
  });

  it.each<[string, (p: any) => void, string]>([
    ['uid', (p) => delete p.uid, 'step.uid must be a string'],
    ['client', (p) => delete p.client, 'step.client must be an object'],
    ['client.id', (p) => delete p.client.id, 'step.client.id must be a string'],
    ['client.name', (p) => delete p.client.name, 'step.client.name must be a string'],
    ['client.verified', (p) => delete p.client.verified, 'step.client.verified must be a boolean'],
    ['uiLocales', (p) => delete p.uiLocales, 'step.uiLocales must be an array'],
    ['user', (p) => delete p.user, 'step.user must be an object'],
    ['user.id', (p) => delete p.user.id, 'step.user.id must be a string'],
    ['consent', (p) => delete p.consent, 'step.consent must be an object'],
    ['consent.profileScopes', (p) => delete p.consent.profileScopes, 'step.consent.profileScopes must be an array'],
    ['consent.resources', (p) => delete p.consent.resources, 'step.consent.resources must be an array'],
    ['consent.claims', (p) => delete p.consent.claims, 'step.consent.claims must be an array'],
    ['consent.withheld', (p) => delete p.consent.withheld, 'step.consent.withheld must be an array'],
    ['consent.rememberable', (p) => delete p.consent.rememberable, 'step.consent.rememberable must be a boolean'],
    [
      'consent.resources[0].scopes',
      (p) => delete p.consent.resources[0].scopes,
      'step.consent.resources[0].scopes must be an array',
    ],
    [
      'consent.organizations.selection',
      (p) => delete p.consent.organizations.selection,
      'step.consent.organizations.selection must be one of "single", "multiple"',
    ],
  ])('should reject a consent step missing %s, naming the path', async (_name, mutate, message) => {
    const payload = copy(kitConsentPayload);
    mutate(payload);
    const { client } = clientAnswering(200, payload);
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response', message });
  });

  it.each<[string, (p: any) => void, string]>([
    ['client.party', (p) => (p.client.party = 'partner'), 'step.client.party must be one of "first", "third"'],
    ['client.logo', (p) => (p.client.logo = 'https://x/logo.png'), 'step.client.logo must be an object'],
    ['client.logo.dark', (p) => (p.client.logo.dark = 42), 'step.client.logo.dark must be a string when present'],
    ['client.homepage', (p) => (p.client.homepage = null), 'step.client.homepage must be a string when present'],
    ['uiLocales[1]', (p) => (p.uiLocales[1] = 7), 'step.uiLocales[1] must be a string'],
    ['user.email', (p) => (p.user.email = ['a@b']), 'step.user.email must be a string when present'],
    [
      'consent.profileScopes[0].required',
      (p) => (p.consent.profileScopes[0].required = 'yes'),
      'step.consent.profileScopes[0].required must be a boolean',
    ],
    [
      'consent.profileScopes[1].granted',
      (p) => (p.consent.profileScopes[1].granted = 1),
      'step.consent.profileScopes[1].granted must be a boolean when present',
    ],
    [
      'consent.resources[0].scopes[1].name',
      (p) => (p.consent.resources[0].scopes[1].name = 5),
      'step.consent.resources[0].scopes[1].name must be a string',
    ],
    [
      'consent.resources[0].scopes[1]',
      (p) => (p.consent.resources[0].scopes[1] = 'write:reports'),
      'step.consent.resources[0].scopes[1] must be an object',
    ],
    [
      'consent.resources[0].indicator',
      (p) => (p.consent.resources[0].indicator = {}),
      'step.consent.resources[0].indicator must be a string',
    ],
    ['consent.organizations', (p) => (p.consent.organizations = []), 'step.consent.organizations must be an object'],
    [
      'consent.organizations.options[1].name',
      (p) => (p.consent.organizations.options[1].name = null),
      'step.consent.organizations.options[1].name must be a string',
    ],
    [
      'consent.organizations.options[0].permissions[0].description',
      (p) => (p.consent.organizations.options[0].permissions[0].description = false),
      'step.consent.organizations.options[0].permissions[0].description must be a string when present',
    ],
    [
      'consent.organizations.required',
      (p) => (p.consent.organizations.required = 'true'),
      'step.consent.organizations.required must be a boolean',
    ],
    [
      'consent.claims[1].name',
      (p) => (p.consent.claims = [{ name: 'email' }, { name: 7 }]),
      'step.consent.claims[1].name must be a string',
    ],
    ['consent.claims[0]', (p) => (p.consent.claims = [42]), 'step.consent.claims[0] must be an object'],
    [
      'consent.claims[0].description',
      (p) => (p.consent.claims = [{ name: 'x', description: 1 }]),
      'step.consent.claims[0].description must be a string when present',
    ],
    [
      'consent.claims[0].descriptions.ko',
      (p) => (p.consent.claims = [{ name: 'x', descriptions: { ko: null } }]),
      'step.consent.claims[0].descriptions.ko must be a string',
    ],
    [
      'consent.withheld[0].resource',
      (p) => (p.consent.withheld[0].resource = 1),
      'step.consent.withheld[0].resource must be a string when present',
    ],
    [
      'consent.withheld[0].name',
      (p) => (p.consent.withheld[0].name = ''),
      'step.consent.withheld[0].name must be a non-empty string',
    ],
  ])('should reject a wrong type at %s, naming the path', async (_name, mutate, message) => {
    const payload = copy(kitConsentPayload);
    mutate(payload);
    const { client } = clientAnswering(200, payload);
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response', message });
  });

  it.each<[string, (p: any) => void, string]>([
    ['login', (p) => delete p.login, 'step.login must be an object'],
    ['login.identifiers', (p) => (p.login.identifiers = 'email'), 'step.login.identifiers must be an array'],
    [
      'login.identifiers[1]',
      (p) => (p.login.identifiers[1] = 'passkey'),
      'step.login.identifiers[1] must be one of "email", "username", "phone"',
    ],
    ['login.password', (p) => delete p.login.password, 'step.login.password must be a boolean'],
    ['login.loginHint', (p) => (p.login.loginHint = 3), 'step.login.loginHint must be a string when present'],
  ])('should reject a login step with a bad %s, naming the path', async (_name, mutate, message) => {
    const payload = copy(kitLoginPayload);
    mutate(payload);
    const { client } = clientAnswering(200, payload);
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response', message });
  });
});

describe('given every shared UI step fixture sent over the wire', () => {
  const factories = Object.entries(steps as Record<string, unknown>).filter(
    (entry): entry is [string, () => unknown] => typeof entry[1] === 'function',
  );

  it('should cover the fixtures', () => {
    expect(factories.length).toBeGreaterThanOrEqual(2);
  });

  // The hostile fixtures carry script URLs, which the client drops (see safe-urls.test.ts).
  const plain = factories.filter(([name]) => !/^unsafe/.test(name));

  it.each(plain)('should load %s unchanged', async (_name, factory) => {
    const step = factory();
    const { client } = clientAnswering(200, step);
    await expect(client.load()).resolves.toStrictEqual(JSON.parse(JSON.stringify(step)));
  });

  it('should load the hostile fixtures with every unsafe URL dropped and everything else unchanged', async () => {
    const consent = JSON.parse(JSON.stringify(steps.unsafeConsentStep()));
    const login = JSON.parse(JSON.stringify(steps.unsafeLoginStep()));
    const loaded = [await clientAnswering(200, consent).client.load(), await clientAnswering(200, login).client.load()];

    const { logo: _logo, termsUrl: _terms, policyUrl: _policy, homepage: _home, ...client } = consent.client;
    const { avatar: _avatar, ...user } = consent.user;
    const { createAccountUrl: _create, forgotPasswordUrl: _forgot, ...loginRequest } = login.login;
    const { logo: _connectorLogo, ...connector } = login.login.connectors[0];
    expect(loaded).toStrictEqual([
      { ...consent, client, user },
      { ...login, login: { ...loginRequest, connectors: [connector] } },
    ]);
  });
});

describe('given the kit adapter answering with an error status', () => {
  it.each([
    [404, 'interaction_expired'],
    [410, 'invalid_request'],
    [401, 'invalid_credentials'],
    [403, 'access_denied'],
    [400, 'invalid_request'],
    [409, 'invalid_request'],
    [422, 'invalid_request'],
    [500, 'server_error'],
    [502, 'server_error'],
    [503, 'server_error'],
    [302, 'server_error'],
  ])('should map HTTP %i without a known code to %s, keeping the status', async (status, code) => {
    const { client } = clientAnswering(status, { error: 'something_else', error_description: 'nope' });
    expect(await rejection(client.load())).toMatchObject({
      code,
      status,
      error: 'something_else',
      errorDescription: 'nope',
    });
  });

  it('should keep the way on of an interaction already decided as error.redirect', async () => {
    const { client } = clientAnswering(410, {
      error: 'interaction_expired',
      error_description: 'already decided',
      redirectTo: '/auth/resume-1',
    });
    const error = await rejection(client.load());
    expect(error).toMatchObject({ code: 'interaction_expired', status: 410 });
    expect(error.redirect).toEqual({ to: new URL('/auth/resume-1', window.location.href).href });
  });

  it.each(['javascript:alert(1)', ' JAVA\tSCRIPT:alert(1)', 'data:text/html,x', 'myapp://callback'])(
    'should drop a redirectTo of %j from an error: nothing to follow',
    async (redirectTo) => {
      const { client } = clientAnswering(410, { error: 'interaction_expired', redirectTo });
      const error = await rejection(client.load());
      expect(error.code).toBe('interaction_expired');
      expect(error.redirect).toBeUndefined();
    },
  );

  it('should map by status when the error body is not JSON', async () => {
    const { client } = clientAnswering(503, '<html>Service Unavailable</html>');
    const error = await rejection(client.deny());
    expect(error).toMatchObject({ code: 'server_error', status: 503 });
    expect(error.error).toBeUndefined();
  });

  it.each(ERROR_CODES.map((code) => [code]))(
    'should reject with the documented code %s from the body, keeping error and error_description',
    async (code) => {
      const { client } = clientAnswering(400, { error: code, error_description: `about ${code}` });
      expect(
        await rejection(client.consent({ profileScopes: [], resources: {}, organizationIds: [], remember: false })),
      ).toMatchObject({
        code,
        status: 400,
        error: code,
        errorDescription: `about ${code}`,
      });
    },
  );

  it.each(Object.entries(kitErrorPayloads))(
    'should reject the recorded %s answer with its code',
    async (_name, payload) => {
      const { status, body } = payload;
      const headers = 'headers' in payload ? payload.headers : undefined;
      const { client } = clientAnswering(status, body, headers);
      const error = await rejection(client.signIn({ identifier: 'jane@example.com', password: 'wrong' }));
      expect(error).toMatchObject({
        code: body.error,
        status,
        error: body.error,
        errorDescription: body.error_description,
      });
      expect(error.retryAfter).toBe(headers === undefined ? undefined : Number(headers['retry-after']));
    },
  );
});

describe('given the kit adapter ending a step', () => {
  const decision = {
    profileScopes: ['openid', 'email'],
    resources: { 'https://api.acme.test/reports': ['read:reports'] },
    organizationIds: ['org-acme'],
    remember: true,
  };

  it('should POST the sign-in submission as JSON to <baseUrl>/login and resolve with the redirect', async () => {
    const { client, requests } = clientAnswering(200, kitRedirectPayload);
    await expect(client.signIn({ identifier: 'jane@example.com', password: 's3cret' })).resolves.toEqual({
      to: kitRedirectPayload.redirectTo,
    });
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/login` });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ identifier: 'jane@example.com', password: 's3cret' });
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('should POST the consent decision as JSON to <baseUrl>/consent, without unknown fields', async () => {
    const { client, requests } = clientAnswering(200, kitRedirectPayload);
    await client.consent({ ...decision, debug: true } as typeof decision);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/consent` });
    expect(JSON.parse(requests[0]!.body!)).toEqual(decision);
  });

  it('should POST the approved claims with the decision', async () => {
    const { client, requests } = clientAnswering(200, kitRedirectPayload);
    await client.consent({ ...decision, claims: ['name', 'department'] });
    expect(JSON.parse(requests[0]!.body!)).toEqual({ ...decision, claims: ['name', 'department'] });
  });

  it('should POST an empty JSON object to <baseUrl>/abort to deny (never a body-less POST)', async () => {
    const { client, requests } = clientAnswering(200, kitRedirectPayload);
    await expect(client.deny()).resolves.toEqual({ to: kitRedirectPayload.redirectTo });
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/abort`, body: '{}' });
    expect(requests[0]!.headers.get('content-type')).toBe('application/json');
  });

  it('should resolve a relative redirect against the page URL', async () => {
    const { client } = clientAnswering(200, { redirectTo: '/auth/resume?x=1' });
    const { to } = await client.deny();
    expect(to).toBe(new URL('/auth/resume?x=1', window.location.href).href);
    expect(to).toMatch(/^https?:\/\/[^/]+\/auth\/resume\?x=1$/);
  });

  it('should refuse a relative redirect when there is no page to resolve it against', async () => {
    const transport: Transport = async () => ({ status: 200, headers: new Headers(), body: { redirectTo: '/auth/x' } });
    vi.stubGlobal('location', undefined);
    try {
      const error = await rejection(kitAdapter({ baseUrl: BASE }).deny(transport));
      expect(error.code).toBe('unsafe_redirect');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['custom scheme', 'myapp://callback?code=x'],
  ])('should refuse a %s redirect with unsafe_redirect', async (_name, redirectTo) => {
    const { client } = clientAnswering(200, { redirectTo });
    expect(await rejection(client.consent(decision))).toMatchObject({ code: 'unsafe_redirect' });
  });

  it.each([
    ['missing', {}],
    ['not a string', { redirectTo: ['https://x.test'] }],
    ['empty', { redirectTo: '' }],
  ])('should reject a redirectTo that is %s with invalid_response', async (_name, body) => {
    const { client } = clientAnswering(200, body);
    expect(await rejection(client.signIn({ identifier: 'a', password: 'b' }))).toMatchObject({
      code: 'invalid_response',
    });
  });

  it('should POST to <baseUrl>/switch-account and resolve with the login step', async () => {
    const { client, requests } = clientAnswering(200, kitLoginPayload);
    await expect(client.switchAccount()).resolves.toStrictEqual(copy(kitLoginPayload));
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/switch-account` });
  });

  it('should reject a consent step from switch-account with invalid_response', async () => {
    const { client } = clientAnswering(200, kitConsentPayload);
    expect(await rejection(client.switchAccount())).toMatchObject({
      code: 'invalid_response',
      message: 'step.kind must be "login"',
    });
  });
});

describe('given a kit adapter created with bad options', () => {
  it.each([
    ['no options', undefined],
    ['no baseUrl', {}],
    ['an empty baseUrl', { baseUrl: '' }],
    ['a javascript: baseUrl', { baseUrl: 'javascript:alert(1)//' }],
  ])('should throw TypeError for %s', (_name, options) => {
    expect(() => kitAdapter(options as never)).toThrow(TypeError);
  });
});
