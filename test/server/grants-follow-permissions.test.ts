/**
 * Remembered grants follow the user's current permissions and memberships, through the real
 * oidc-provider and openid-client: a permission or membership taken away is never issued
 * again from a remembered grant (consent is asked again), and a newly held permission the app
 * asks for is offered on the screen (with or without `prompt=consent`). Tokens are checked
 * claim by claim.
 */
import { API_RESOURCE, ORGANIZATION_RESOURCE } from '../../demo/idp/index.js';
import { demoOrganizations, demoPermissions } from '../../demo/idp/users.js';
import type { OrganizationMembership, PermissionMap } from '../../src/server/index.js';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  jwtPayload,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

/** What the host's directory says now, per account; the demo's data when not overridden. */
const permissions = new Map<string, PermissionMap>();
const memberships = new Map<string, OrganizationMembership[]>();

let idp: TestIdp;

beforeAll(async () => {
  idp = await startTestIdp({
    bridge: {
      getPermissions: async (accountId) => structuredClone(permissions.get(accountId)) ?? demoPermissions(accountId),
      getOrganizations: async (accountId) =>
        structuredClone(memberships.get(accountId)) ?? demoOrganizations(accountId),
    },
  });
});

afterAll(async () => {
  await idp?.close();
});

afterEach(() => {
  permissions.clear();
  memberships.clear();
});

const BOB = ['bob@demo.test', 'bob-password'] as const;
const REPORTS = { scope: 'openid read:reports write:reports', resource: API_RESOURCE };
const ORGS = { scope: 'openid organizations read:members invite:members', resource: ORGANIZATION_RESOURCE };

/** Decides at `uid`, follows the redirect and exchanges the code. */
async function decideAndExchange(
  browser: Browser,
  uid: string,
  request: Awaited<ReturnType<typeof authorizationRequest>>,
  decision: object,
) {
  const reply = await browser.kit(uid, 'consent', {
    profileScopes: ['openid'],
    resources: {},
    organizationIds: [],
    remember: true,
    ...decision,
  });
  expect(reply.status).toBe(200);
  return exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
}

/** Starts the same request again in the same browser (same IdP session). */
async function again(browser: Browser, params: Record<string, string>) {
  const request = await authorizationRequest(idp.web, params);
  return { request, landing: await browser.navigate(request.url) };
}

describe('given alice remembered read:reports and write:reports', () => {
  async function remembered() {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, REPORTS);
    const tokens = await decideAndExchange(browser, uid, request, {
      resources: { [API_RESOURCE]: ['read:reports', 'write:reports'] },
    });
    expect(jwtPayload(tokens.access_token).scope).toBe('read:reports write:reports');
    return browser;
  }

  it('should complete silently while she still holds both (the remembered grant is reused)', async () => {
    const browser = await remembered();
    const { request, landing } = await again(browser, REPORTS);
    if (landing.kind !== 'callback') throw new Error(`expected the callback, got ${landing.kind}`);
    const tokens = await exchangeCode(idp.web, landing.url, request);
    expect(jwtPayload(tokens.access_token)).toMatchObject({
      sub: 'user_alice',
      aud: API_RESOURCE,
      scope: 'read:reports write:reports',
    });
  });

  it('should ask again once write:reports is taken from her, offer only read:reports, never issue write', async () => {
    const browser = await remembered();
    permissions.set('user_alice', { [API_RESOURCE]: ['read:reports'] });

    const { request, landing } = await again(browser, REPORTS);

    if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
    const details = await browser.kit(landing.uid, 'details');
    expect(details.body.consent.resources).toEqual([
      {
        indicator: API_RESOURCE,
        name: 'Reports API',
        scopes: [{ name: 'read:reports', required: false, description: 'Read reports' }],
      },
    ]);
    expect(details.body.consent.withheld).toEqual([
      { name: 'write:reports', resource: API_RESOURCE, description: 'Create and edit reports' },
    ]);
    // A fresh grant: nothing is claimed as granted before.
    expect(details.body.consent.resources[0].scopes.some((s: { granted?: boolean }) => s.granted)).toBe(false);

    const tokens = await decideAndExchange(browser, landing.uid, request, {
      resources: { [API_RESOURCE]: ['read:reports'] },
    });
    const accessToken = jwtPayload(tokens.access_token);
    expect(accessToken.sub).toBe('user_alice');
    expect(accessToken.aud).toBe(API_RESOURCE);
    expect(accessToken.scope).toBe('read:reports');
    expect(tokens.scope).toBe('read:reports');
  });

  it('should ask again with prompt=none refused as consent_required rather than issue write:reports', async () => {
    const browser = await remembered();
    permissions.set('user_alice', { [API_RESOURCE]: ['read:reports'] });

    const { landing } = await again(browser, { ...REPORTS, prompt: 'none' });

    if (landing.kind !== 'callback') throw new Error(`expected the callback, got ${landing.kind}`);
    expect(landing.url.searchParams.get('error')).toBe('consent_required');
    expect(landing.url.searchParams.has('code')).toBe(false);
  });

  it('should still complete silently when she refused write:reports herself (a refusal, not withheld)', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, REPORTS);
    await decideAndExchange(browser, uid, request, { resources: { [API_RESOURCE]: ['read:reports'] } });

    const second = await again(browser, REPORTS);

    if (second.landing.kind !== 'callback') throw new Error(`expected the callback, got ${second.landing.kind}`);
    const tokens = await exchangeCode(idp.web, second.landing.url, second.request);
    expect(jwtPayload(tokens.access_token).scope).toBe('read:reports');
  });
});

describe('given bob remembered read:reports while write:reports was withheld', () => {
  async function remembered() {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, REPORTS, BOB);
    const details = await browser.kit(uid, 'details');
    expect(details.body.consent.withheld).toEqual([
      { name: 'write:reports', resource: API_RESOURCE, description: 'Create and edit reports' },
    ]);
    const tokens = await decideAndExchange(browser, uid, request, { resources: { [API_RESOURCE]: ['read:reports'] } });
    expect(jwtPayload(tokens.access_token).scope).toBe('read:reports');
    return browser;
  }

  it('should complete silently with read:reports while he still lacks write:reports', async () => {
    const browser = await remembered();
    const { request, landing } = await again(browser, REPORTS);
    if (landing.kind !== 'callback') throw new Error(`expected the callback, got ${landing.kind}`);
    expect(jwtPayload((await exchangeCode(idp.web, landing.url, request)).access_token).scope).toBe('read:reports');
  });

  it.each([
    ['without a prompt', REPORTS],
    ['with prompt=consent', { ...REPORTS, prompt: 'consent' }],
  ])('should offer write:reports once he holds it, %s, and issue it when granted', async (_label, params) => {
    const browser = await remembered();
    permissions.set('user_bob', { [API_RESOURCE]: ['read:reports', 'write:reports'] });

    const { request, landing } = await again(browser, params);

    if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
    const details = await browser.kit(landing.uid, 'details');
    expect(details.body.consent.resources[0].scopes.map((s: { name: string }) => s.name)).toEqual([
      'read:reports',
      'write:reports',
    ]);
    expect(details.body.consent.withheld).toEqual([]);

    const tokens = await decideAndExchange(browser, landing.uid, request, {
      resources: { [API_RESOURCE]: ['read:reports', 'write:reports'] },
    });
    expect(jwtPayload(tokens.access_token)).toMatchObject({
      sub: 'user_bob',
      aud: API_RESOURCE,
      scope: 'read:reports write:reports',
    });
  });
});

describe('given alice remembered an organization', () => {
  async function remembered(organizationId: string) {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, ORGS);
    const tokens = await decideAndExchange(browser, uid, request, {
      profileScopes: ['openid', 'organizations'],
      organizationIds: [organizationId],
    });
    expect(tokens.claims()!.organizations).toEqual([organizationId]);
    return browser;
  }

  it('should ask again once she left it, no longer offer it, and never put it in a token', async () => {
    const browser = await remembered('org_acme');
    memberships.set(
      'user_alice',
      (await demoOrganizations('user_alice')).filter((o) => o.id !== 'org_acme'),
    );

    const { request, landing } = await again(browser, ORGS);

    if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
    const details = await browser.kit(landing.uid, 'details');
    expect(details.body.consent.organizations.options.map((o: { id: string }) => o.id)).toEqual(['org_globex']);
    const forged = await browser.kit(landing.uid, 'consent', {
      profileScopes: ['openid', 'organizations'],
      resources: {},
      organizationIds: ['org_acme'],
    });
    expect(forged.status).toBe(400);
    const tokens = await decideAndExchange(browser, landing.uid, request, {
      profileScopes: ['openid', 'organizations'],
      organizationIds: ['org_globex'],
    });
    expect(tokens.claims()!.organizations).toEqual(['org_globex']);
    expect(tokens.scope).toBe('read:members');
  });

  it('should ask again once she lost an organization permission the grant gives', async () => {
    const browser = await remembered('org_acme');
    memberships.set(
      'user_alice',
      (await demoOrganizations('user_alice')).map((o) =>
        o.id === 'org_acme' ? { ...o, role: 'viewer', permissions: ['read:members'] } : o,
      ),
    );

    const { request, landing } = await again(browser, ORGS);

    if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
    const tokens = await decideAndExchange(browser, landing.uid, request, {
      profileScopes: ['openid', 'organizations'],
      organizationIds: ['org_acme'],
    });
    expect(tokens.scope).toBe('read:members');
    expect(tokens.claims()!.organizations).toEqual(['org_acme']);
  });
});

describe('given a provider that reuses every grant (rememberDecisions off)', () => {
  let reusing: TestIdp;

  beforeAll(async () => {
    reusing = await startTestIdp({
      bridge: {
        rememberDecisions: false,
        getPermissions: async (accountId) => structuredClone(permissions.get(accountId)) ?? demoPermissions(accountId),
      },
    });
  });

  afterAll(async () => {
    await reusing?.close();
  });

  it('should still ask again once a permission the grant gives is taken away', async () => {
    const browser = new Browser(reusing.issuer);
    const first = await signedInAtConsent(browser, reusing.web, REPORTS);
    const done = await browser.kit(first.uid, 'consent', {
      profileScopes: ['openid'],
      resources: { [API_RESOURCE]: ['read:reports', 'write:reports'] },
      organizationIds: [],
    });
    await browser.toCallback(done.body.redirectTo);
    // Reused without the box being offered: the provider's own behaviour.
    expect((await browser.navigate((await authorizationRequest(reusing.web, REPORTS)).url)).kind).toBe('callback');

    permissions.set('user_alice', { [API_RESOURCE]: ['read:reports'] });
    const landing = await browser.navigate((await authorizationRequest(reusing.web, REPORTS)).url);

    expect(landing.kind).toBe('interaction');
  });
});
