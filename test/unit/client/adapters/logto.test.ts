import {
  consentInfoResponseGuard,
  type ConsentInfoResponse,
  type CreateExperienceApiPayload,
  type IdentificationApiPayload,
  type PasswordVerificationPayload,
  type SignInIdentifier,
} from '@logto/schemas';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  identifierKind,
  logtoAdapter,
  type LogtoConsentInfo,
  type LogtoCreateExperiencePayload,
  type LogtoIdentificationPayload,
  type LogtoPasswordVerificationPayload,
} from '../../../../src/client/adapters/logto.js';
import { createInteractionClient } from '../../../../src/client/interaction-client.js';
import type { ConsentDecision } from '../../../../src/protocol/interaction.js';
import {
  logtoConsentInfo,
  logtoConsentInfoMinimal,
  logtoErrors,
  logtoRedirect,
} from '../../../fixtures/logto/payloads.js';
import { stubFetch } from '../fetch-stub.js';
import { fakeLogto } from './fake-logto.js';
import { rejection } from '../../../support/rejection.js';

const application = { id: 'reportshub0001', name: 'Reports Hub' };
const decision = (organizationIds: string[] = []): ConsentDecision => ({
  profileScopes: ['profile', 'email', 'organizations'],
  resources: { 'https://api.reports.example': ['read:reports', 'write:reports'] },
  organizationIds,
  remember: false,
});

function consentClient(fetch: typeof globalThis.fetch) {
  return createInteractionClient(logtoAdapter({ step: 'consent', uiLocales: ['ko'] }), { fetch });
}

describe('given the Logto fixtures', () => {
  it("should pass Logto's own ConsentInfoResponse guard", () => {
    expect(consentInfoResponseGuard.safeParse(logtoConsentInfo).success).toBe(true);
    expect(consentInfoResponseGuard.safeParse(logtoConsentInfoMinimal).success).toBe(true);
  });

  // Checked by the type check (tsc, in npm test), not at run time: expectTypeOf does nothing when run.
  it('should declare request and response types that match @logto/schemas', () => {
    expectTypeOf<ConsentInfoResponse>().toExtend<LogtoConsentInfo>();
    expectTypeOf<
      LogtoCreateExperiencePayload['interactionEvent']
    >().toExtend<`${CreateExperienceApiPayload['interactionEvent']}`>();
    expectTypeOf<LogtoIdentificationPayload>().toExtend<IdentificationApiPayload>();
    expectTypeOf<LogtoPasswordVerificationPayload['password']>().toEqualTypeOf<
      PasswordVerificationPayload['password']
    >();
    expectTypeOf<LogtoPasswordVerificationPayload['identifier']['type']>().toEqualTypeOf<`${SignInIdentifier}`>();
  });
});

describe('given the Logto adapter on the consent page', () => {
  it('should map GET /api/interaction/consent into the consent step', async () => {
    const logto = fakeLogto();
    const step = await consentClient(logto.fetch).load();
    expect(logto.state.requests).toEqual([{ method: 'GET', path: '/api/interaction/consent', body: undefined }]);
    expect(step).toStrictEqual({
      kind: 'consent',
      uid: 'logto',
      uiLocales: ['ko'],
      client: {
        id: 'reportshub0001',
        name: 'Reports Hub',
        party: 'third',
        verified: false,
        logo: { light: 'https://reports.example/logo.svg', dark: 'https://reports.example/logo-dark.svg' },
        policyUrl: 'https://reports.example/privacy',
        termsUrl: 'https://reports.example/terms',
        redirectUri: 'https://reports.example/callback',
      },
      user: { id: 'u7alice0001', displayName: 'Alice Kim', username: 'alice', email: 'alice@demo.test' },
      consent: {
        profileScopes: [
          { name: 'profile', required: true },
          { name: 'email', required: true },
          { name: 'organizations', required: true },
        ],
        resources: [
          {
            indicator: 'https://api.reports.example',
            name: 'Reports API',
            scopes: [
              { name: 'read:reports', description: 'Read your reports', required: true },
              { name: 'write:reports', required: true },
            ],
          },
        ],
        organizations: {
          options: [
            {
              id: 'org-acme',
              name: 'Acme',
              permissions: [{ name: 'read:reports', description: 'Read the organization reports', required: true }],
            },
            { id: 'org-globex', name: 'Globex', permissions: [] },
          ],
          selection: 'single',
          required: true,
        },
        claims: [],
        withheld: [],
        rememberable: false,
      },
    });
  });

  it('should map the minimal (device flow) answer, falling back to the application name', async () => {
    const logto = fakeLogto({ consentInfo: logtoConsentInfoMinimal });
    const step = await consentClient(logto.fetch).load();
    expect(step).toMatchObject({
      client: { id: 'tvapp0001', name: 'TV App' },
      user: { id: 'u7bob0002', email: 'bob@demo.test' },
      consent: { profileScopes: [{ name: 'profile', required: true }], resources: [] },
    });
    if (step.kind !== 'consent') throw new Error('expected consent');
    expect(step.client.redirectUri).toBeUndefined();
    expect(step.consent.organizations).toBeUndefined();
  });

  it('should send the chosen organization and return the redirect', async () => {
    const logto = fakeLogto();
    await expect(consentClient(logto.fetch).consent(decision(['org-acme']))).resolves.toEqual({
      to: logtoRedirect.redirectTo,
    });
    expect(logto.state.consented).toEqual({ organizationIds: ['org-acme'] });
  });

  it('should send an empty body when no organization is involved', async () => {
    const logto = fakeLogto();
    await consentClient(logto.fetch).consent(decision());
    expect(logto.state.requests.at(-1)).toEqual({ method: 'POST', path: '/api/interaction/consent', body: {} });
  });

  it('should reject an organization the user is not a member of with invalid_organization', async () => {
    const logto = fakeLogto();
    const error = await rejection(consentClient(logto.fetch).consent(decision(['org-evil'])));
    expect(error).toMatchObject({
      code: 'invalid_organization',
      status: 422,
      error: 'organization.require_membership',
    });
  });

  it("should deny by sending the browser to the app's redirect URI, as Logto's own page does", async () => {
    const logto = fakeLogto();
    await expect(consentClient(logto.fetch).deny()).resolves.toEqual({ to: 'https://reports.example/callback' });
    expect(logto.state.requests).toEqual([{ method: 'GET', path: '/api/interaction/consent', body: undefined }]);
  });

  it('should refuse to deny a request without a redirect URI (device flow) with invalid_request', async () => {
    const logto = fakeLogto({ consentInfo: logtoConsentInfoMinimal });
    expect(await rejection(consentClient(logto.fetch).deny())).toMatchObject({ code: 'invalid_request' });
    expect(logto.state.requests).toHaveLength(1);
  });

  it('should refuse a javascript: redirect URI on deny with unsafe_redirect', async () => {
    const logto = fakeLogto({ consentInfo: { ...logtoConsentInfo, redirectUri: 'javascript:alert(1)' } });
    expect((await rejection(consentClient(logto.fetch).deny())).code).toBe('unsafe_redirect');
  });
});

describe('given the Logto adapter on the sign-in page', () => {
  const signInClient = (fetch: typeof globalThis.fetch) =>
    createInteractionClient(
      logtoAdapter({ step: 'sign-in', application, identifiers: ['email', 'username'], loginHint: 'alice@demo.test' }),
      { fetch },
    );

  it('should load the sign-in step from its options without a request', async () => {
    const logto = fakeLogto();
    await expect(signInClient(logto.fetch).load()).resolves.toStrictEqual({
      kind: 'login',
      uid: 'logto',
      uiLocales: [],
      client: { id: 'reportshub0001', name: 'Reports Hub', party: 'first', verified: true },
      login: { identifiers: ['email', 'username'], password: true, loginHint: 'alice@demo.test' },
    });
    expect(logto.state.requests).toEqual([]);
  });

  it.each([
    ['alice@demo.test', 'email'],
    ['alice', 'username'],
  ])('should sign in %s through the experience API in order', async (identifier, type) => {
    const logto = fakeLogto();
    await expect(signInClient(logto.fetch).signIn({ identifier, password: 'alice-password' })).resolves.toEqual({
      to: logtoRedirect.redirectTo,
    });
    expect(logto.state.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/experience',
      'POST /api/experience/verification/password',
      'POST /api/experience/identification',
      'POST /api/experience/submit',
    ]);
    expect(logto.state.requests[1]!.body).toEqual({
      identifier: { type, value: identifier },
      password: 'alice-password',
    });
  });

  it("should reject a wrong password with invalid_credentials, keeping Logto's code and text", async () => {
    const logto = fakeLogto();
    const error = await rejection(signInClient(logto.fetch).signIn({ identifier: 'alice', password: 'nope' }));
    expect(error).toMatchObject({
      code: 'invalid_credentials',
      status: 422,
      error: 'session.invalid_credentials',
      errorDescription: 'Wrong account or password.',
    });
    expect(error.cause).toEqual({ code: 'session.invalid_credentials', message: 'Wrong account or password.' });
    expect(logto.state.requests).toHaveLength(2);
  });

  it('should switch accounts by starting a new sign-in interaction', async () => {
    const logto = fakeLogto();
    const step = await signInClient(logto.fetch).switchAccount();
    expect(step.login).toEqual({ identifiers: ['email', 'username'], password: true });
    expect(logto.state.interaction?.event).toBe('SignIn');
  });

  it('should guess the identifier kind among those accepted', () => {
    expect(identifierKind('a@b.test', ['email', 'username'])).toBe('email');
    expect(identifierKind('+82 10-1234-5678', ['email', 'phone'])).toBe('phone');
    expect(identifierKind('alice', ['email', 'username'])).toBe('username');
    expect(identifierKind('a@b.test', ['username'])).toBe('username');
    expect(identifierKind('alice', ['email'])).toBe('email');
  });
});

describe('given Logto error answers', () => {
  it.each([
    ['sessionNotFound', 'interaction_expired'],
    ['invalidCredentials', 'invalid_credentials'],
    ['userSuspended', 'access_denied'],
    ['invalidInput', 'invalid_request'],
    ['orgMembership', 'invalid_organization'],
    ['internal', 'server_error'],
  ] as const)('should map %s to %s', async (name, code) => {
    const { status, body } = logtoErrors[name];
    const { fetch } = stubFetch(status, body);
    const error = await rejection(consentClient(fetch).load());
    expect(error).toMatchObject({ code, status, error: body.code, errorDescription: body.message });
    expect(error.cause).toEqual(body);
  });

  it.each([
    [401, 'interaction_expired'],
    [404, 'interaction_expired'],
    [422, 'invalid_request'],
    [429, 'invalid_request'],
    [502, 'server_error'],
  ])('should map a bare HTTP %i to %s', async (status, code) => {
    const { fetch } = stubFetch(status, '<html>proxy error</html>');
    expect(await rejection(consentClient(fetch).load())).toMatchObject({ code, status });
  });
});

describe('given malformed Logto answers', () => {
  const broken: Array<[string, (body: any) => void]> = [
    ['no application', (b) => delete b.application],
    ['a numeric user id', (b) => (b.user.id = 7)],
    ['an object as the user name', (b) => (b.user.name = { first: 'A' })],
    ['missingOIDCScope not an array', (b) => (b.missingOIDCScope = 'openid profile')],
    ['a scope without a name', (b) => delete b.missingResourceScopes[0].scopes[0].name],
    ['a resource without an indicator', (b) => delete b.missingResourceScopes[0].resource.indicator],
    ['organizations not an array', (b) => (b.organizations = {})],
    ['branding as a string', (b) => (b.application.branding = 'blue')],
  ];

  it.each(broken)('should reject %s with invalid_response', async (_, mutate) => {
    const body = structuredClone(logtoConsentInfo);
    mutate(body);
    const { fetch } = stubFetch(200, body);
    const error = await rejection(consentClient(fetch).load());
    expect(error.code).toBe('invalid_response');
  });

  it('should reject a body that is not JSON with invalid_response', async () => {
    const { fetch } = stubFetch(200, 'not json');
    expect((await rejection(consentClient(fetch).load())).code).toBe('invalid_response');
  });

  it('should refuse a javascript: redirectTo with unsafe_redirect', async () => {
    const { fetch } = stubFetch(200, { redirectTo: 'javascript:alert(1)' });
    expect((await rejection(consentClient(fetch).consent(decision()))).code).toBe('unsafe_redirect');
  });

  it('should reject a verification answer without verificationId', async () => {
    const { fetch } = stubFetch(200, {});
    const client = createInteractionClient(logtoAdapter({ step: 'sign-in', application }), { fetch });
    expect((await rejection(client.signIn({ identifier: 'alice', password: 'x' }))).code).toBe('invalid_response');
  });
});

describe('given invalid Logto adapter options', () => {
  it.each([
    ['no options', undefined],
    ['an unknown step', { step: 'register' }],
    ['a sign-in step without application', { step: 'sign-in' }],
    ['a javascript: endpoint', { step: 'consent', endpoint: 'javascript:alert(1)' }],
    ['no identifiers', { step: 'consent', identifiers: [] }],
  ])('should throw TypeError for %s', (_, options) => {
    expect(() => logtoAdapter(options as never)).toThrow(TypeError);
  });

  it('should call Logto on another origin when given an endpoint', async () => {
    const { fetch, requests } = stubFetch(200, logtoConsentInfo);
    await createInteractionClient(logtoAdapter({ step: 'consent', endpoint: 'https://auth.example/' }), {
      fetch,
    }).load();
    expect(requests[0]!.url).toBe('https://auth.example/api/interaction/consent');
  });
});
