/**
 * The bridge's consent decisions against a real oidc-provider (the demo IdP): "Remember this
 * decision" through `bridge.loadExistingGrant`, multiple organizations, and decisions that
 * contradict the request.
 */
import { ORGANIZATION_RESOURCE } from '../../demo/idp/index.js';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
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

const PROFILE = { scope: 'openid profile email' };
const ORGS = { scope: 'openid organizations read:members invite:members', resource: ORGANIZATION_RESOURCE };

const decision = (remember: boolean) => ({
  profileScopes: ['openid', 'profile'],
  resources: {},
  organizationIds: [],
  remember,
});

describe('given a client whose decisions may be remembered', () => {
  it('should offer the choice', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PROFILE);
    expect((await browser.kit(uid, 'details')).body.consent.rememberable).toBe(true);
  });

  it('should skip the screen next time only when the user ticked Remember', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PROFILE);
    const done = await browser.kit(uid, 'consent', decision(true));
    await browser.toCallback(done.body.redirectTo);

    const second = await authorizationRequest(idp.web, PROFILE);
    const landing = await browser.navigate(second.url);
    expect(landing.kind).toBe('callback');
    const tokens = await exchangeCode(idp.web, (landing as { url: URL }).url, second);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
  });

  it('should ask again next time when the user left Remember unticked, yet finish this authorization', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PROFILE);
    const done = await browser.kit(uid, 'consent', decision(false));
    // The decision just made completes its own authorization: the code is issued and exchanged.
    const tokens = await exchangeCode(idp.web, await browser.toCallback(done.body.redirectTo), request);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);

    const second = await authorizationRequest(idp.web, PROFILE);
    const landing = await browser.navigate(second.url);
    expect(landing.kind).toBe('interaction');
    const details = await browser.kit((landing as { uid: string }).uid, 'details');
    expect(details.body.kind).toBe('consent');
    // Nothing is claimed as granted: the unremembered grant is not reused.
    expect(details.body.consent.profileScopes.some((s: { granted?: boolean }) => s.granted)).toBe(false);
  });

  it('should stop skipping once a later decision for the client is not remembered', async () => {
    const browser = new Browser(idp.issuer);
    const first = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    await browser.toCallback((await browser.kit(first.uid, 'consent', decision(true))).body.redirectTo);

    // Asking for more brings the screen back; this time the user does not remember.
    const more = await authorizationRequest(idp.web, PROFILE);
    const moreLanding = await browser.navigate(more.url);
    if (moreLanding.kind !== 'interaction') throw new Error('expected consent for the added scope');
    const again = await browser.kit(moreLanding.uid, 'consent', {
      ...decision(false),
      profileScopes: ['openid', 'profile', 'email'],
    });
    await browser.toCallback(again.body.redirectTo);

    const third = await browser.navigate((await authorizationRequest(idp.web, PROFILE)).url);
    expect(third.kind).toBe('interaction');
  });
});

describe('given the SPA, which may be given several organizations', () => {
  it('should offer a multiple choice and put every chosen organization in the tokens', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.spa, ORGS);
    const details = await browser.kit(uid, 'details');
    expect(details.body.consent.organizations).toMatchObject({ selection: 'multiple', required: true });

    const done = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'organizations'],
      resources: {},
      organizationIds: ['org_acme', 'org_globex'],
      remember: false,
    });
    expect(done.status).toBe(200);
    const tokens = await exchangeCode(idp.spa, await browser.toCallback(done.body.redirectTo), request);
    expect(tokens.claims()).toMatchObject({ organizations: ['org_acme', 'org_globex'] });
    // Acme grants both permissions; the union is granted.
    expect(tokens.scope?.split(' ').sort()).toEqual(['invite:members', 'read:members']);
  });
});

describe('given decisions that contradict the request', () => {
  it('should refuse two organizations where only one may be chosen with 400 invalid_organization', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, ORGS);
    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid'],
      resources: {},
      organizationIds: ['org_acme', 'org_globex'],
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      error: 'invalid_organization',
      error_description: 'only one organization may be chosen',
    });
    // The interaction is still open: the user can correct the choice.
    expect((await browser.kit(uid, 'details')).body.kind).toBe('consent');
  });

  // A decision leaving out openid: oidc-provider-bridge.test.ts ("without openid … invalid_scope").
});
