/**
 * Sign-in behaviours a user or an attacker would notice, through the real oidc-provider bridge
 * over HTTP: the attempt reserved before the host's callback, resets, a locked identifier's
 * code request, "Continue as" under a demand for a fresh sign-in, and a connector callback with
 * the wrong state.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import * as oidc from 'openid-client';
import { demoClients, DEMO_WEB_CLIENT, startIdp, type RunningIdp } from '../../demo/idp/index.js';
import { demoSignIn } from '../../demo/idp/sign-in.js';
import { createMailbox } from '../../demo/mailbox/mailbox.js';
import type { AttemptLimitOptions, SignInBridgeOptions } from '../../src/server/index.js';
import { authorizationRequest, Browser, SPA_REDIRECT_URI, WEB_REDIRECT_URI } from '../support/oidc-flow.js';

async function start(
  signIn: Parameters<typeof startIdp>[0]['signIn'],
): Promise<{ idp: RunningIdp; web: oidc.Configuration }> {
  const idp = await startIdp({
    clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
    signIn,
  });
  const web = await oidc.discovery(new URL(idp.issuer), DEMO_WEB_CLIENT.id, DEMO_WEB_CLIENT.secret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
  return { idp, web };
}

async function atLogin(idp: RunningIdp, web: oidc.Configuration, params: Record<string, string> = {}) {
  const browser = new Browser(idp.issuer);
  const uid = await browser.toInteraction((await authorizationRequest(web, { scope: 'openid', ...params })).url);
  return { browser, uid };
}

describe('given a host whose verifyCode takes 50 ms', () => {
  let idp: RunningIdp;
  let web: oidc.Configuration;
  let calls = 0;
  beforeAll(async () => {
    ({ idp, web } = await start(() => ({
      sendCode: async () => undefined,
      async verifyCode() {
        calls += 1;
        await sleep(50);
        return null;
      },
    })));
  });
  afterAll(() => idp?.close());

  it('should let 100 concurrent code attempts reach it 5 times, the rest answered 429', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const replies = await Promise.all(
      Array.from({ length: 100 }, () =>
        browser.kit(uid, 'verify-code', { identifier: 'carol@demo.test', code: '123456' }),
      ),
    );
    expect(calls).toBe(5);
    expect(replies.filter((reply) => reply.status === 401)).toHaveLength(4);
    const locked = replies.filter((reply) => reply.status === 429);
    expect(locked).toHaveLength(96);
    for (const reply of locked) expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('given an address that asks for codes to many identifiers (email bombing, SMS pumping)', () => {
  let idp: RunningIdp;
  let web: oidc.Configuration;
  const sent: string[] = [];
  beforeAll(async () => {
    ({ idp, web } = await start(() => ({
      async sendCode(identifier) {
        sent.push(identifier);
      },
      verifyCode: async () => null,
      attemptLimit: { maxCodesPerIp: 3 },
    })));
  });
  afterAll(() => idp?.close());

  it('should send maxCodesPerIp codes per window, then answer 429 with Retry-After and send nothing', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const ask = (identifier: string) => browser.kit(uid, 'send-code', { identifier });
    expect((await ask('victim-1@example.test')).status).toBe(200);
    // Refused within the resend window: nothing sent, so it costs the address nothing.
    expect((await ask('victim-1@example.test')).status).toBe(429);
    expect((await ask('victim-2@example.test')).status).toBe(200);
    expect((await ask('victim-3@example.test')).status).toBe(200);

    const refused = await ask('victim-4@example.test');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'too_many_attempts' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await ask('victim-5@example.test')).status).toBe(429);
    expect(sent).toEqual(['victim-1@example.test', 'victim-2@example.test', 'victim-3@example.test']);
  });
});

describe('given an address that asks how many identifiers sign in (account enumeration through identify)', () => {
  // identify says an account is of another kind (code-only here): it must not answer without end.
  const CODE_ONLY = new Set(['carol@demo.test']);
  const asked: string[] = [];
  const host =
    (limit: AttemptLimitOptions = {}): Parameters<typeof startIdp>[0]['signIn'] =>
    () => ({
      sendCode: async () => undefined,
      verifyCode: async () => null,
      async signInMethods(identifier) {
        asked.push(identifier);
        return CODE_ONLY.has(identifier) ? ['code'] : undefined;
      },
      attemptLimit: limit,
    });

  it('should answer maxIdentifyPerIp look-ups, then the default answer for every identifier without asking the host', async () => {
    const { idp, web } = await start(host({ maxIdentifyPerIp: 3 }));
    try {
      asked.length = 0;
      const { browser, uid } = await atLogin(idp, web);
      const ask = (identifier: string) => browser.kit(uid, 'identify', { identifier });
      expect((await ask('nobody-1@demo.test')).body).toEqual({ methods: ['password', 'code'] });
      expect((await ask('carol@demo.test')).body).toEqual({ methods: ['code'] });
      expect((await ask('nobody-2@demo.test')).status).toBe(200);

      // Past the look-ups, carol reads like anyone (and can still ask for a code); no one is locked out.
      expect(await ask('carol@demo.test')).toMatchObject({ status: 200, body: { methods: ['password', 'code'] } });
      // Another interaction from the same address is the same address.
      const other = await atLogin(idp, web);
      expect((await other.browser.kit(other.uid, 'identify', { identifier: 'carol@demo.test' })).body).toEqual({
        methods: ['password', 'code'],
      });
      expect(asked).toEqual(['nobody-1@demo.test', 'carol@demo.test', 'nobody-2@demo.test']);
    } finally {
      await idp.close();
    }
  });

  it('should limit look-ups by default: of 1,000 identifiers from one address, the host is asked about 200', async () => {
    const { idp, web } = await start(host());
    try {
      asked.length = 0;
      CODE_ONLY.add('guess-900@demo.test');
      const { browser, uid } = await atLogin(idp, web);
      const answers: string[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const replies = await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            browser.kit(uid, 'identify', { identifier: `guess-${batch * 100 + i}@demo.test` }),
          ),
        );
        answers.push(...replies.map((reply) => `${reply.status} ${JSON.stringify(reply.body)}`));
      }
      expect(asked).toHaveLength(200);
      // The code-only account past the 200th guess reads like every other identifier.
      expect(new Set(answers)).toEqual(new Set(['200 {"methods":["password","code"]}']));
    } finally {
      CODE_ONLY.delete('guess-900@demo.test');
      await idp.close();
    }
  });
});

describe('given a client that hangs up as soon as it has sent an attempt', () => {
  // The attacker does not need the answer to spray one password over many accounts, or to make
  // the IdP text strangers. The host's resolveAccount (a database lookup) is still running
  // when the connection goes: it returns only once the server has seen the client leave.
  let idp: RunningIdp;
  let web: oidc.Configuration;
  let gone: Promise<void> | undefined;
  const checked: string[] = [];
  const sent: string[] = [];
  beforeAll(async () => {
    idp = await startIdp({
      clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
      signIn: () => ({
        async resolveAccount() {
          await gone;
          return undefined;
        },
        async sendCode(identifier) {
          sent.push(identifier);
        },
        verifyCode: async () => null,
        attemptLimit: { maxFailuresPerIp: 3, maxCodesPerIp: 3 },
      }),
      bridge: {
        async authenticate(identifier) {
          checked.push(identifier);
          return null;
        },
      },
      wrap: (handler) => (req, res) => {
        if (req.headers['x-hang-up']) gone = new Promise((resolve) => req.socket.once('close', () => resolve()));
        handler(req, res);
      },
    });
    web = await oidc.discovery(new URL(idp.issuer), DEMO_WEB_CLIENT.id, DEMO_WEB_CLIENT.secret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
  });
  afterAll(() => idp?.close());

  /** Sends one kit POST on a connection of its own and resets it once the request is out. */
  async function hangUp(uid: string, cookie: string, endpoint: string, body: unknown) {
    const text = JSON.stringify(body);
    const socket = net.connect(Number(new URL(idp.issuer).port), '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    await new Promise((resolve) =>
      socket.write(
        `POST /interaction/${uid}/${endpoint} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nX-Hang-Up: 1\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
        resolve,
      ),
    );
    await sleep(50);
    socket.resetAndDestroy();
    await gone;
    gone = undefined;
  }

  it('should count a password sprayed over many accounts against its address all the same', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const cookie = browser.jar.header(`${idp.issuer}/interaction/${uid}/login`);
    for (let index = 0; index < 6; index += 1)
      await hangUp(uid, cookie, 'login', { identifier: `user-${index}@demo.test`, password: 'Winter2025!' });
    await sleep(200);
    expect(checked.length).toBeLessThanOrEqual(3);
  });

  it('should count its codes against its address all the same: no more than maxCodesPerIp are sent', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const cookie = browser.jar.header(`${idp.issuer}/interaction/${uid}/send-code`);
    for (let index = 0; index < 6; index += 1)
      await hangUp(uid, cookie, 'send-code', { identifier: `victim-${index}@example.test` });
    await sleep(200);
    expect(sent.length).toBeLessThanOrEqual(3);
  });
});

describe('given a bridge behind a reverse proxy and no clientIp', () => {
  // Every client then has the proxy's address: one stranger's failures lock everyone's sign-in.
  let idp: RunningIdp;
  let web: oidc.Configuration;
  const reported: unknown[] = [];
  beforeAll(async () => {
    idp = await startIdp({
      clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
      bridge: { onError: (error) => reported.push(error) },
    });
    web = await oidc.discovery(new URL(idp.issuer), DEMO_WEB_CLIENT.id, DEMO_WEB_CLIENT.secret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
  });
  afterAll(() => idp?.close());

  it('should tell the operator once that the limits count every client as the proxy', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const proxied = { headers: { 'x-forwarded-for': '203.0.113.9' } };
    expect((await browser.kit(uid, 'login', { identifier: 'bob@demo.test', password: 'wrong' }, proxied)).status).toBe(
      401,
    );
    await browser.kit(uid, 'login', { identifier: 'bob@demo.test', password: 'wrong' }, proxied);
    expect(reported).toHaveLength(1);
    expect(String(reported[0])).toMatch(/clientIp/);
  });
});

describe('given the demo sign-in with maxFailures 3', () => {
  let idp: RunningIdp;
  let web: oidc.Configuration;
  const mailbox = createMailbox(() => {});
  beforeAll(async () => {
    ({ idp, web } = await start((issuer, store) =>
      demoSignIn({ issuer, store, mailbox, socialIssuer: () => undefined, attemptLimit: { maxFailures: 3 } }),
    ));
  });
  afterAll(() => idp?.close());

  it('should answer wrong, wrong, right, wrong with 401, not 429', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const login = (password: string) =>
      browser.kit(uid, 'login', { identifier: 'bob@demo.test', password }).then((r) => r.status);
    expect(await login('wrong-1')).toBe(401);
    expect(await login('wrong-2')).toBe(401);
    const { browser: other, uid: otherUid } = await atLogin(idp, web);
    expect((await other.kit(otherUid, 'login', { identifier: 'Bob@demo.test', password: 'bob-password' })).status).toBe(
      200,
    );
    expect(await login('wrong-3')).toBe(401);
  });

  it('should answer send-code for a locked identifier with 429 and Retry-After, sending nothing', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const wrongCode = () => browser.kit(uid, 'verify-code', { identifier: 'carol@demo.test', code: '000000' });
    expect((await wrongCode()).status).toBe(401);
    expect((await wrongCode()).status).toBe(401);
    expect((await wrongCode()).status).toBe(429);

    const before = mailbox.messages.length;
    const sent = await browser.kit(uid, 'send-code', { identifier: 'carol@demo.test' });
    expect(sent.status).toBe(429);
    expect(sent.body).toMatchObject({ error: 'too_many_attempts' });
    expect(Number(sent.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(mailbox.messages.length).toBe(before);
    // Her username names the same account: locked too.
    expect((await browser.kit(uid, 'send-code', { identifier: 'carol' })).status).toBe(429);
    expect(mailbox.messages.length).toBe(before);
  });

  it.each<Record<string, string>>([{ prompt: 'login' }, { max_age: '0' }])(
    'should neither offer "Continue as Alice" nor continue when the request demands a fresh sign-in (%o)',
    async (params) => {
      const browser = new Browser(idp.issuer);
      const first = await browser.toInteraction((await authorizationRequest(web, { scope: 'openid' })).url);
      const signedIn = await browser.signIn(first, 'alice@demo.test', 'alice-password');
      expect(signedIn.kind).toBe('interaction');

      // Same browser, same session: a plain request offers her…
      const plain = await browser.navigate((await authorizationRequest(web, { scope: 'openid' })).url);
      expect(plain.kind).toBe('interaction');
      // …but one demanding a fresh sign-in does not.
      const uid = await browser.toInteraction((await authorizationRequest(web, { scope: 'openid', ...params })).url);
      const step = await browser.kit(uid, 'details');
      expect(step.body).toMatchObject({ kind: 'login' });
      expect(step.body.login.session).toBeUndefined();
      expect(await browser.kit(uid, 'continue')).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    },
  );
});

describe('given a connector host', () => {
  let idp: RunningIdp;
  let web: oidc.Configuration;
  const finished: string[] = [];
  beforeAll(async () => {
    const connectors: SignInBridgeOptions['connectors'] = {
      list: () => [{ id: 'upstream', kind: 'sso', name: 'Upstream SSO' }],
      start: async (_id, { state }) => ({
        url: `http://127.0.0.1:9/authorize?state=${state}`,
        data: { verifier: 'kept' },
      }),
      async finish(_id, { state, data }) {
        finished.push(`${state} ${JSON.stringify(data)}`);
        return { accountId: 'user_dana' };
      },
    };
    ({ idp, web } = await start(() => ({ connectors })));
  });
  afterAll(() => idp?.close());

  it('should never call finish for a callback with another interaction’s state; access_denied', async () => {
    const { browser, uid } = await atLogin(idp, web);
    const started = await browser.kit(uid, 'connector', { connectorId: 'upstream' });
    const state = new URL(started.body.redirectTo).searchParams.get('state')!;
    expect(state.startsWith(`${uid}.`)).toBe(true);

    const forged = await browser.navigate(`/interaction/callback?code=abc&state=${uid}.forged`);
    expect(forged).toMatchObject({ kind: 'interaction', uid });
    expect(finished).toEqual([]);
    expect((await browser.kit(uid, 'details')).body.login.error).toBe('access_denied');

    // The real state no longer works either: a callback is used once, right or wrong.
    await browser.navigate(`/interaction/callback?code=abc&state=${state}`);
    expect(finished).toEqual([]);

    // Started again, the right state reaches finish with what start asked to keep.
    const again = await browser.kit(uid, 'connector', { connectorId: 'upstream' });
    const goodState = new URL(again.body.redirectTo).searchParams.get('state')!;
    const landing = await browser.navigate(`/interaction/callback?code=abc&state=${goodState}`);
    expect(finished).toEqual([`${goodState} {"verifier":"kept"}`]);
    expect(landing.kind).toBe('interaction');
    expect((await browser.kit((landing as { uid: string }).uid, 'details')).body).toMatchObject({
      kind: 'consent',
      user: { id: 'user_dana' },
    });
  });
});
