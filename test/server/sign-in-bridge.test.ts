/**
 * The sign-in half of the oidc-provider bridge against a real oidc-provider (the demo IdP with
 * the demo's sign-in options), driven over HTTP: attempt limiting with Retry-After, emailed
 * codes, connectors (the state check and the fixed callback) and "Continue as".
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { createVerificationCodes } from '../../src/server/index.js';
import { errorFromResponse, parseRetryAfter } from '../../src/client/adapters/kit.js';
import { demoClients, startIdp, type RunningIdp } from '../../demo/idp/index.js';
import { demoSignIn } from '../../demo/idp/sign-in.js';
import { createMailbox } from '../../demo/mailbox/mailbox.js';
import { authorizationRequest, Browser, SPA_REDIRECT_URI, WEB_REDIRECT_URI } from '../support/oidc-flow.js';
import * as oidc from 'openid-client';

let idp: RunningIdp;
let web: oidc.Configuration;
const mailbox = createMailbox(() => {});

beforeAll(async () => {
  idp = await startIdp({
    clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
    signIn: (issuer, store) =>
      demoSignIn({
        issuer,
        store,
        mailbox,
        // A fake upstream: only the bridge's half of the connector flow is under test here.
        socialIssuer: () => 'http://127.0.0.1:9',
        attemptLimit: { maxFailures: 3, lockSeconds: 120 },
      }),
  });
  web = await oidc.discovery(new URL(idp.issuer), 'demo-web', 'demo-web-secret-change-me-0123456789', undefined, {
    execute: [oidc.allowInsecureRequests],
  });
});

afterAll(async () => {
  await idp?.close();
});

async function loginInteraction(browser: Browser, params: Record<string, string> = {}) {
  return browser.toInteraction((await authorizationRequest(web, { scope: 'openid', ...params })).url);
}

describe('given the login step', () => {
  it('should offer password, a 6-digit code and the social connector, and say how each identifier signs in', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    const reply = await browser.kit(uid, 'details');
    expect(reply.body.login).toEqual({
      identifiers: ['email', 'username'],
      // Asked after the identifier step: a code-only account (carol) goes straight to its code.
      identify: true,
      password: true,
      code: { length: 6 },
      connectors: [{ id: 'social-demo', kind: 'social', name: 'Social Demo' }],
    });
  });
});

describe('given repeated wrong passwords for one identifier', () => {
  it('should answer 429 too_many_attempts with Retry-After on the third failure, across interactions', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    const attempt = (identifier: string, password: string) => browser.kit(uid, 'login', { identifier, password });

    expect((await attempt('bob@demo.test', 'x1')).status).toBe(401);
    expect((await attempt('BOB@demo.test ', 'x2')).status).toBe(401);
    const locked = await attempt('bob@demo.test', 'x3');
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ error: 'too_many_attempts' });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(110);

    // Even the right password waits; another identifier does not.
    expect((await attempt('bob@demo.test', 'bob-password')).status).toBe(429);
    const other = await new Browser(idp.issuer);
    const otherUid = await loginInteraction(other);
    expect((await other.kit(otherUid, 'login', { identifier: 'bob@demo.test', password: 'bob-password' })).status).toBe(
      429,
    );
    expect(
      (await other.kit(otherUid, 'login', { identifier: 'alice@demo.test', password: 'alice-password' })).status,
    ).toBe(200);
  });

  it('should be mapped by the kit adapter to too_many_attempts with retryAfter', () => {
    const error = errorFromResponse(429, { error: 'too_many_attempts' }, new Headers({ 'retry-after': '120' }));
    expect(error).toMatchObject({ code: 'too_many_attempts', status: 429, retryAfter: 120 });
    expect(errorFromResponse(429, undefined).code).toBe('too_many_attempts');
    expect(parseRetryAfter(new Date(Date.now() + 30_000).toUTCString())).toBeGreaterThanOrEqual(29);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('given carol, who signs in by emailed code', () => {
  it('should send the code to the mailbox, refuse a wrong one, and sign in with the right one', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    const sent = await browser.kit(uid, 'send-code', { identifier: 'carol@demo.test' });
    expect(sent).toMatchObject({ status: 200, body: { resendAfter: 30 } });
    const code = mailbox.latestCode('carol@demo.test');
    expect(code).toMatch(/^\d{6}$/);

    const again = await browser.kit(uid, 'send-code', { identifier: 'carol@demo.test' });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(25);

    const wrong = await browser.kit(uid, 'verify-code', {
      identifier: 'carol@demo.test',
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_code' } });

    const right = await browser.kit(uid, 'verify-code', {
      identifier: 'carol@demo.test',
      code: `${code!.slice(0, 3)} ${code!.slice(3)}`,
    });
    expect(right.status).toBe(200);
    expect(right.body.redirectTo).toMatch(new RegExp(`^${idp.issuer}/auth/`));
  });

  it('should answer the same for an unknown identifier, sending nothing', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    const before = mailbox.messages.length;
    const reply = await browser.kit(uid, 'send-code', { identifier: 'nobody@demo.test' });
    expect(reply).toMatchObject({ status: 200, body: { resendAfter: 30 } });
    expect(mailbox.messages.length).toBe(before);
  });
});

describe('given a connector sign-in', () => {
  it('should start the connector with a state naming the interaction, and bounce its callback there', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    const unknown = await browser.kit(uid, 'connector', { connectorId: 'nope' });
    expect(unknown).toMatchObject({ status: 400, body: { error: 'invalid_request' } });

    // The fake upstream has no discovery document: starting fails without leaking details.
    const started = await browser.kit(uid, 'connector', { connectorId: 'social-demo' });
    expect(started).toMatchObject({ status: 500, body: { error: 'server_error' } });

    const bounce = await browser.jar.fetch(`${idp.issuer}/interaction/callback?code=abc&state=${uid}.forged`);
    expect(bounce.status).toBe(303);
    expect(bounce.headers.get('location')).toBe(`/interaction/${uid}/connector-callback?code=abc&state=${uid}.forged`);
    // No pending sign-in matches the forged state: back to the sign-in page with an error.
    const callback = await browser.jar.fetch(`${idp.issuer}${bounce.headers.get('location')}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`/interaction/${uid}`);
    expect((await browser.kit(uid, 'details')).body.login.error).toBe('access_denied');
    expect((await browser.kit(uid, 'details')).body.login.error).toBeUndefined();

    const malformed = await browser.jar.fetch(`${idp.issuer}/interaction/callback?state=../../x`);
    expect(malformed.status).toBe(400);
  });
});

describe('given alice at consent who switched account', () => {
  it('should offer her as the session account and continue as her', async () => {
    const browser = new Browser(idp.issuer);
    const loginUid = await loginInteraction(browser);
    const landing = await browser.signIn(loginUid, 'alice@demo.test', 'alice-password');
    if (landing.kind !== 'interaction') throw new Error('expected consent');

    const step = await browser.kit(landing.uid, 'switch-account');
    expect(step.body.login.session).toMatchObject({ id: 'user_alice', displayName: 'Alice Anderson' });

    const resumed = await browser.kit(landing.uid, 'continue');
    expect(resumed.status).toBe(200);
    const back = await browser.navigate(resumed.body.redirectTo);
    expect(back.kind).toBe('interaction');
    expect((await browser.kit((back as { uid: string }).uid, 'details')).body).toMatchObject({
      kind: 'consent',
      user: { id: 'user_alice' },
    });
  });

  it('should refuse to continue where a fresh sign-in is required', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await loginInteraction(browser);
    expect((await browser.kit(uid, 'details')).body.login.session).toBeUndefined();
    expect(await browser.kit(uid, 'continue')).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('given the verification codes helper', () => {
  it('should issue codes that work once', async () => {
    const sent: string[] = [];
    const codes = createVerificationCodes({ ttlSeconds: 600, deliver: (_to, code) => void sent.push(code) });
    await codes.send('A@x.test');
    expect(await codes.verify('a@x.test', sent[0] === '000000' ? '111111' : '000000')).toBe(false);
    expect(await codes.verify('a@x.test ', sent[0]!)).toBe(true);
    expect(await codes.verify('a@x.test', sent[0]!)).toBe(false);
    expect(() => createVerificationCodes({ length: 3, deliver: () => undefined })).toThrow(TypeError);
  });

  // Only the expiry uses a short TTL: waiting longer than it is always safe, whereas checking
  // that a 0.2 s code still works would fail whenever a busy machine stalls the test for 0.2 s.
  it('should refuse a code once it has expired', async () => {
    const sent: string[] = [];
    const codes = createVerificationCodes({ ttlSeconds: 0.2, deliver: (_to, code) => void sent.push(code) });
    await codes.send('a@x.test');
    await sleep(300);
    expect(await codes.verify('a@x.test', sent[0]!)).toBe(false);
  });
});
