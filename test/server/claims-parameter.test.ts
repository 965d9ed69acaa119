/**
 * Claims requested one by one (`claims` parameter, OpenID Connect Core §5.5) through the real
 * oidc-provider (`features.claimsParameter`) and an openid-client relying party: each claim no
 * requested scope releases is on the screen and refusable, only approved claims are released,
 * and a claim behind a scope the user unticked is not released through the claims parameter
 * either. ID tokens and userinfo are checked claim by claim.
 */
import * as oidc from 'openid-client';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  signedInAtConsent,
  startTestIdp,
  type AuthorizationRequest,
  type TestIdp,
} from '../support/oidc-flow.js';

let idp: TestIdp;

beforeAll(async () => {
  idp = await startTestIdp();
});

afterAll(async () => {
  await idp?.close();
});

/** The request: only `openid`, and three claims by name. */
const CLAIMS_ONLY = {
  scope: 'openid',
  claims: JSON.stringify({ id_token: { email: null, name: null }, userinfo: { preferred_username: null } }),
};

/** Claims the provider adds to every ID token whatever was granted (protocol claims). */
const PROTOCOL = ['at_hash', 'aud', 'auth_time', 'exp', 'iat', 'iss', 'nonce', 'sid', 'sub'];

/** The ID token's and userinfo's user claims (protocol claims left out). */
async function released(browser: Browser, reply: { body: { redirectTo: string } }, request: AuthorizationRequest) {
  const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
  const idToken = Object.fromEntries(Object.entries(tokens.claims()!).filter(([claim]) => !PROTOCOL.includes(claim)));
  const { sub, ...userinfo } = await oidc.fetchUserInfo(idp.web, tokens.access_token, 'user_alice');
  expect(sub).toBe('user_alice');
  expect(tokens.claims()!.sub).toBe('user_alice');
  return { idToken, userinfo, scope: tokens.scope };
}

const decide = (browser: Browser, uid: string, decision: Record<string, unknown>) =>
  browser.kit(uid, 'consent', {
    profileScopes: ['openid'],
    resources: {},
    organizationIds: [],
    remember: false,
    ...decision,
  });

describe('given a request for single claims and no scope that releases them', () => {
  it('should put every requested claim on the screen, on its own line', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const { body } = await browser.kit(uid, 'details');

    expect(body.consent.profileScopes).toEqual([{ name: 'openid', required: true }]);
    expect(body.consent.claims.map((claim: { name: string }) => claim.name).sort()).toEqual([
      'email',
      'name',
      'preferred_username',
    ]);
  });

  it('should release none of them when none is approved', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const reply = await decide(browser, uid, { claims: [] });

    expect(reply.status).toBe(200);
    expect(await released(browser, reply, request)).toEqual({ idToken: {}, userinfo: {}, scope: 'openid' });
  });

  it('should release exactly the approved ones, each where it was asked for', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const reply = await decide(browser, uid, { claims: ['name', 'preferred_username'] });

    expect(await released(browser, reply, request)).toEqual({
      idToken: { name: 'Alice Anderson' },
      userinfo: { preferred_username: 'alice' },
      scope: 'openid',
    });
  });

  it('should release every claim when all are approved', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const reply = await decide(browser, uid, { claims: ['email', 'name', 'preferred_username'] });

    expect(await released(browser, reply, request)).toEqual({
      idToken: { email: 'alice@demo.test', name: 'Alice Anderson' },
      userinfo: { preferred_username: 'alice' },
      scope: 'openid',
    });
  });

  it('should release nothing from a decision without a claims list (a UI that never showed them)', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const reply = await browser.kit(uid, 'consent', { profileScopes: ['openid'], resources: {}, organizationIds: [] });

    expect((await released(browser, reply, request)).idToken).toEqual({});
  });

  it('should refuse an unrequested claim with 400 invalid_request and keep the interaction open', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, CLAIMS_ONLY);

    const reply = await decide(browser, uid, { claims: ['email', 'department'] });

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: 'claim not on offer: department' });
    expect((await browser.kit(uid, 'details')).body.kind).toBe('consent');
  });

  it("should describe a claim the host knows with the host's text", async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid',
      claims: JSON.stringify({ userinfo: { department: null } }),
    });

    const { body } = await browser.kit(uid, 'details');
    expect(body.consent.claims).toEqual([
      { name: 'department', description: 'Your department', descriptions: { ko: '소속 부서', ja: '所属部署' } },
    ]);

    const reply = await decide(browser, uid, { claims: ['department'] });
    expect((await released(browser, reply, request)).userinfo).toEqual({ department: 'Finance' });
  });
});

describe('given a claim requested beside the scope that releases it', () => {
  const PARAMS = { scope: 'openid profile email', claims: JSON.stringify({ id_token: { email: null } }) };

  it('should not list it apart: it follows the email scope', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PARAMS);

    const { body } = await browser.kit(uid, 'details');

    expect(body.consent.claims).toEqual([]);
    expect(body.consent.profileScopes.map((s: { name: string }) => s.name)).toEqual(['openid', 'profile', 'email']);
  });

  it('should not release email through the claims parameter when email and profile are unticked', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PARAMS);

    const reply = await decide(browser, uid, { profileScopes: ['openid'] });

    expect(await released(browser, reply, request)).toEqual({ idToken: {}, userinfo: {}, scope: 'openid' });
  });

  it('should refuse approving it apart from its scope with 400 invalid_request', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PARAMS);

    const reply = await decide(browser, uid, { profileScopes: ['openid'], claims: ['email'] });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: 'invalid_request' });
  });

  it('should release it, in the ID token as asked, when email is ticked', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PARAMS);

    const reply = await decide(browser, uid, { profileScopes: ['openid', 'email'] });

    const claims = await released(browser, reply, request);
    expect(claims.idToken).toEqual({ email: 'alice@demo.test', email_verified: true });
    expect(claims.userinfo).toEqual({ email: 'alice@demo.test', email_verified: true });
    expect(claims.scope?.split(' ').sort()).toEqual(['email', 'openid']);
  });
});

describe('given a remembered decision that refused a claim', () => {
  const EMAIL_CLAIM = { scope: 'openid', claims: JSON.stringify({ id_token: { email: null } }) };

  async function refusedAndRemembered() {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, EMAIL_CLAIM);
    const reply = await decide(browser, uid, { claims: [], remember: true });
    expect((await released(browser, reply, request)).idToken).toEqual({});
    return browser;
  }

  it('should not ask again for the same claim, and still not release it', async () => {
    const browser = await refusedAndRemembered();
    const request = await authorizationRequest(idp.web, EMAIL_CLAIM);

    const landing = await browser.navigate(request.url);

    if (landing.kind !== 'callback') throw new Error(`expected the callback, got ${landing.kind}`);
    const tokens = await exchangeCode(idp.web, landing.url, request);
    expect(tokens.claims()).not.toHaveProperty('email');
  });

  it('should release email once the user grants the email scope later (the old refusal yields)', async () => {
    const browser = await refusedAndRemembered();
    const request = await authorizationRequest(idp.web, { scope: 'openid email' });

    const landing = await browser.navigate(request.url);

    if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
    const reply = await decide(browser, landing.uid, { profileScopes: ['openid', 'email'] });
    const claims = await released(browser, reply, request);
    expect(claims.idToken).toEqual({ email: 'alice@demo.test', email_verified: true });
    expect(claims.userinfo).toEqual({ email: 'alice@demo.test', email_verified: true });
  });
});
