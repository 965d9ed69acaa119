/**
 * The oidc-provider bridge behind a real Express 5 app whose `express.json()` parses every
 * JSON body before the bridge sees it (the stream is then empty): the bridge must use the
 * parsed `req.body`, still refuse what is not JSON with 415 and what is not an object with 400.
 */
import express from 'express';
import * as oidc from 'openid-client';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

let idp: TestIdp;
/** What `express.json()` left in `req.body` for each bridge POST, to prove the parser ran first. */
const parsedBodies: unknown[] = [];

beforeAll(async () => {
  idp = await startTestIdp({
    wrap: (handler) => {
      const app = express();
      app.use(express.json());
      app.use((req, _res, next) => {
        if (req.method === 'POST' && req.path.startsWith('/interaction/')) parsedBodies.push(req.body);
        next();
      });
      app.use((req, res) => handler(req, res));
      return app;
    },
  });
});

afterAll(async () => {
  await idp?.close();
});

beforeEach(() => {
  parsedBodies.length = 0;
});

describe('given the bridge behind Express 5 with express.json()', () => {
  it('should sign in and consent from the parsed bodies and issue exactly the granted scopes', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'profile'],
      resources: {},
      organizationIds: [],
      remember: false,
    });

    expect(reply.status).toBe(200);
    // express.json() consumed both bodies (sign-in and consent) before the bridge ran.
    expect(parsedBodies).toEqual([
      { identifier: 'alice@demo.test', password: 'alice-password' },
      { profileScopes: ['openid', 'profile'], resources: {}, organizationIds: [], remember: false },
    ]);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
    const claims = tokens.claims()!;
    expect(claims.sub).toBe('user_alice');
    expect(claims.name).toBe('Alice Anderson');
    expect(claims.preferred_username).toBe('alice');
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('email_verified');
    const userinfo = await oidc.fetchUserInfo(idp.web, tokens.access_token, 'user_alice');
    expect(userinfo).toEqual({
      sub: 'user_alice',
      name: 'Alice Anderson',
      given_name: 'Alice',
      family_name: 'Anderson',
      preferred_username: 'alice',
    });
  });

  it('should validate a parsed decision like any other: an unrequested scope is 400 invalid_scope', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'email'],
      resources: {},
      organizationIds: [],
    });

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_scope', error_description: 'scope not on offer: email' });
  });

  it.each([
    ['text/plain', 'text/plain', JSON.stringify({ identifier: 'alice@demo.test', password: 'alice-password' })],
    ['multipart', 'multipart/form-data; boundary=x', '--x--'],
  ])('should still refuse %s with 415 and stay at sign-in', async (_label, type, body) => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'login', body, { headers: { 'content-type': type } });

    expect(reply.status).toBe(415);
    expect(reply.body).toEqual({
      error: 'invalid_request',
      error_description: 'content-type must be application/json',
    });
    expect((await browser.kit(uid, 'details')).body.kind).toBe('login');
  });

  it.each([
    ['an array', [{ identifier: 'alice@demo.test', password: 'alice-password' }]],
    ['an array at consent', [{ profileScopes: ['openid'], resources: {}, organizationIds: [] }]],
  ])('should refuse %s parsed from JSON with 400 invalid_request', async (label, body) => {
    const browser = new Browser(idp.issuer);
    let uid: string;
    let endpoint: string;
    if (label.includes('consent')) {
      uid = (await signedInAtConsent(browser, idp.web, { scope: 'openid' })).uid;
      endpoint = 'consent';
    } else {
      uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
      endpoint = 'login';
    }

    const reply = await browser.kit(uid, endpoint, body);

    expect(Array.isArray(parsedBodies.at(-1))).toBe(true);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: 'request body must be a JSON object' });
  });

  it('should refuse a parsed body over the bridge limit with 413', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);

    const reply = await browser.kit(uid, 'login', { identifier: 'a'.repeat(20_000), password: 'x' });

    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: 'invalid_request' });
  });
});
