/**
 * The bridge's plain HTML form posts (what a server-rendered screen sends before its script has
 * run), against a real oidc-provider: each answered with a 303 to where the JSON answer would
 * send the browser, or back to the interaction's page, whose step then shows the outcome; and
 * refused with 403, deciding nothing, without the interaction's token or from another site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ORGANIZATION_RESOURCE } from '../../demo/idp/index.js';
import { demoSignIn } from '../../demo/idp/sign-in.js';
import { createMailbox } from '../../demo/mailbox/mailbox.js';
import { embeddedStepElement } from '../../src/protocol/embed.js';
import { KIT_FORM_FIELDS } from '../../src/protocol/form.js';
import type { ConsentStep, InteractionStep, LoginStep } from '../../src/protocol/interaction.js';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

let idp: TestIdp;
const mailbox = createMailbox(() => {});

/** The host's page, reduced to the step it embeds (`bridge.step`); no cache headers of its own, as the README's. */
async function render(req: IncomingMessage, res: ServerResponse) {
  const step = await idp.bridge.step(req, res);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><div id="root"></div>${step ? embeddedStepElement(step) : ''}`);
}

beforeAll(async () => {
  idp = await startTestIdp({
    renderInteraction: render,
    signIn: (issuer, store) => demoSignIn({ issuer, store, mailbox, socialIssuer: () => undefined }),
  });
});

afterAll(async () => {
  await idp?.close();
});

/** The step the interaction's page embeds, as a browser loading it would read it. */
async function pageStep<S extends InteractionStep>(browser: Browser, uid: string): Promise<S> {
  const response = await browser.jar.fetch(new URL(`/interaction/${uid}`, idp.issuer));
  const json = /<script type="application\/json" id="consent-kit-step">(.*)<\/script>/s.exec(
    await response.text(),
  )?.[1];
  if (json === undefined) throw new Error(`no step in the page of ${uid}`);
  return JSON.parse(json) as S;
}

/** A form post, as a browser submits one: urlencoded fields, the redirect not followed. */
async function post(
  browser: Browser,
  uid: string,
  endpoint: string,
  fields: [string, string][],
  headers: Record<string, string> = {},
) {
  const response = await browser.jar.fetch(new URL(`/interaction/${uid}/${endpoint}`, idp.issuer), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, location: response.headers.get('location'), text: await response.text() };
}

const token = (step: InteractionStep): [string, string] => [KIT_FORM_FIELDS.token, step.form!.token];

describe('given the sign-in page posted as forms', () => {
  it('should go on to the password with the identifier kept, then sign in and resume the authorization', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const step = await pageStep<LoginStep>(browser, uid);
    expect(step.form).toEqual({ action: `/interaction/${uid}`, token: expect.any(String) });

    const proceed = await post(browser, uid, 'login', [
      token(step),
      ['view', 'identifier'],
      ['identifier', 'alice@demo.test'],
    ]);

    expect(proceed).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const password = await pageStep<LoginStep>(browser, uid);
    expect(password.login.attempt).toEqual({
      view: 'password',
      identifier: 'alice@demo.test',
      methods: ['password', 'code'],
    });
    expect(password.login.error).toBeUndefined();
    // Shown once: the next load is the plain step again.
    expect((await pageStep<LoginStep>(browser, uid)).login.attempt).toBeUndefined();

    const signIn = await post(browser, uid, 'login', [
      token(step),
      ['view', 'password'],
      ['identifier', 'alice@demo.test'],
      ['password', 'alice-password'],
    ]);
    expect(signIn.status).toBe(303);
    expect(signIn.location).toMatch(new RegExp(`^${idp.issuer}/auth/`));
    const landing = await browser.navigate(signIn.location!);
    expect(landing.kind).toBe('interaction');
    expect((await pageStep(browser, (landing as { uid: string }).uid)).kind).toBe('consent');
  });

  it('should come back to the password view with the error and the identifier, never the password', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const step = await pageStep<LoginStep>(browser, uid);

    const wrong = await post(browser, uid, 'login', [
      token(step),
      ['view', 'password'],
      ['identifier', 'alice@demo.test'],
      ['password', 'bob-password'],
    ]);

    expect(wrong).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const again = await pageStep<LoginStep>(browser, uid);
    expect(again.login.error).toBe('invalid_credentials');
    expect(again.login.attempt).toEqual({
      view: 'password',
      identifier: 'alice@demo.test',
      methods: ['password', 'code'],
    });
    expect(JSON.stringify(again)).not.toContain('bob-password');
  });

  it('should send a code and show the code view, and sign in with the code', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const step = await pageStep<LoginStep>(browser, uid);

    const send = await post(browser, uid, 'send-code', [
      token(step),
      ['view', 'password'],
      ['identifier', 'carol@demo.test'],
    ]);

    expect(send).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const codeView = await pageStep<LoginStep>(browser, uid);
    expect(codeView.login.attempt).toEqual({
      view: 'code',
      identifier: 'carol@demo.test',
      resendAfter: 30,
      methods: ['code'],
    });
    const code = mailbox.latestCode('carol@demo.test');
    expect(code).toMatch(/^\d{6}$/);
    const verify = await post(browser, uid, 'verify-code', [
      token(step),
      ['view', 'code'],
      ['identifier', 'carol@demo.test'],
      ['code', code!],
    ]);
    expect(verify.status).toBe(303);
    expect(verify.location).toMatch(new RegExp(`^${idp.issuer}/auth/`));
  });
});

describe('given a code-only account (the host tells sign-in methods) posted as forms', () => {
  // Her code view after "Sign in with a code" carries `methods: ['code']` (the test above); a
  // code can be sent to her once per 30 s, so this one only posts a wrong code.
  it('should keep the told methods in the code view after a wrong code', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const step = await pageStep<LoginStep>(browser, uid);

    await post(browser, uid, 'verify-code', [
      token(step),
      ['view', 'code'],
      ['identifier', 'carol'],
      ['code', 'not-a-code'],
    ]);

    const wrong = await pageStep<LoginStep>(browser, uid);
    expect(wrong.login.error).toBe('invalid_code');
    expect(wrong.login.attempt).toEqual({ view: 'code', identifier: 'carol', methods: ['code'] });
  });
});

describe('given the consent page posted as forms', () => {
  it('should grant exactly the scopes posted, unticked ones refused, and resume the authorization', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid profile email read:reports',
      resource: 'https://api.demo.test',
    });
    const step = await pageStep<ConsentStep>(browser, uid);

    const authorize = await post(browser, uid, 'consent', [
      token(step),
      ['scope', 'openid'],
      ['scope', 'profile'],
      ['resource:https://api.demo.test', 'read:reports'],
    ]);

    expect(authorize.status).toBe(303);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(authorize.location!), request);
    // The access token is the API's (its scopes only); the ID token carries the profile claims.
    expect(tokens.scope).toBe('read:reports');
    expect(tokens.claims()).toMatchObject({ sub: 'user_alice', name: 'Alice Anderson' });
    expect(tokens.claims()).not.toHaveProperty('email');
  });

  it('should refuse a required scope left out, and show the page again with the error and the choices', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });
    const step = await pageStep<ConsentStep>(browser, uid);

    const refused = await post(browser, uid, 'consent', [token(step), ['scope', 'profile']]);

    expect(refused).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const again = await pageStep<ConsentStep>(browser, uid);
    expect(again.consent.attempt).toEqual({
      error: 'invalid_scope',
      decision: { profileScopes: ['profile'], resources: {}, organizationIds: [], claims: [], remember: false },
    });
    // Nothing was decided: the page's own decision still goes through.
    const authorize = await post(browser, uid, 'consent', [token(again), ['scope', 'openid']]);
    expect(authorize.location).toMatch(new RegExp(`^${idp.issuer}/auth/`));
  });

  it('should say an organization must be chosen, and take the one a radio posted', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid organizations read:members',
      resource: ORGANIZATION_RESOURCE,
    });
    const step = await pageStep<ConsentStep>(browser, uid);
    const scopes: [string, string][] = [token(step), ['scope', 'openid'], ['scope', 'organizations']];

    await post(browser, uid, 'consent', scopes);
    expect((await pageStep<ConsentStep>(browser, uid)).consent.attempt?.error).toBe('invalid_organization');

    const authorize = await post(browser, uid, 'consent', [...scopes, ['organization', 'org_acme']]);
    expect(authorize.status).toBe(303);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(authorize.location!), request);
    expect(tokens.claims()).toMatchObject({ organizations: ['org_acme'] });
  });

  it('should grant once for a double click (two posts), both sent on to the same authorization', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });
    const step = await pageStep<ConsentStep>(browser, uid);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
    try {
      const fields: [string, string][] = [token(step), ['scope', 'openid'], ['scope', 'email']];
      const [first, second] = await Promise.all([
        post(browser, uid, 'consent', fields),
        post(browser, uid, 'consent', fields),
      ]);

      expect([first.status, second.status]).toEqual([303, 303]);
      expect(second.location).toBe(first.location);
      expect(save).toHaveBeenCalledTimes(1);
      const tokens = await exchangeCode(idp.web, await browser.toCallback(first.location!), request);
      expect(tokens.scope?.split(' ').sort()).toEqual(['email', 'openid']);
    } finally {
      save.mockRestore();
    }
  });

  it('should send Cancel on to the app with access_denied', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);

    const cancel = await post(browser, uid, 'abort', [token(step)]);

    expect(cancel.status).toBe(303);
    const callback = await browser.toCallback(cancel.location!);
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('should show the sign-in step of the same interaction after "Not you?", without Continue as', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);

    const notYou = await post(browser, uid, 'switch-account', [token(step)]);

    expect(notYou).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const signIn = await pageStep<LoginStep>(browser, uid);
    expect(signIn).toMatchObject({ kind: 'login', uid, login: { attempt: { view: 'identifier', identifier: '' } } });
    expect(signIn.login.session).toBeUndefined();
    // A reload stays on the sign-in: the switch lasts until the interaction is decided.
    const reloaded = await pageStep<LoginStep>(browser, uid);
    expect(reloaded.kind).toBe('login');
    expect(reloaded.login.session).toBeUndefined();
  });

  it('should sign in as another account after "Not you?" (password view, then their consent)', async () => {
    const browser = new Browser(idp.issuer);
    const { uid, request } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);
    await post(browser, uid, 'switch-account', [token(step)]);

    const proceed = await post(browser, uid, 'login', [
      token(step),
      ['view', 'identifier'],
      ['identifier', 'bob@demo.test'],
    ]);

    expect(proceed).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    const password = await pageStep<LoginStep>(browser, uid);
    expect(password).toMatchObject({
      kind: 'login',
      login: { attempt: { view: 'password', identifier: 'bob@demo.test' } },
    });
    expect(password.login.session).toBeUndefined();

    const wrong = await post(browser, uid, 'login', [
      token(step),
      ['view', 'password'],
      ['identifier', 'bob@demo.test'],
      ['password', 'alice-password'],
    ]);
    expect(wrong.location).toBe(`/interaction/${uid}`);
    const again = await pageStep<LoginStep>(browser, uid);
    expect(again).toMatchObject({ kind: 'login', login: { error: 'invalid_credentials' } });

    const signIn = await post(browser, uid, 'login', [
      token(step),
      ['view', 'password'],
      ['identifier', 'bob@demo.test'],
      ['password', 'bob-password'],
    ]);
    expect(signIn.location).toMatch(new RegExp(`^${idp.issuer}/auth/`));
    const landing = (await browser.navigate(signIn.location!)) as { kind: string; uid: string };
    expect(landing.kind).toBe('interaction');
    const consent = await pageStep<ConsentStep>(browser, landing.uid);
    expect(consent.kind).toBe('consent');
    expect(consent.user.id).toBe('user_bob');
    const granted = await post(browser, landing.uid, 'consent', [token(consent), ['scope', 'openid']]);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(granted.location!), request);
    expect(tokens.claims()).toMatchObject({ sub: 'user_bob' });
  });
});

describe('given the page of an interaction, which carries its token', () => {
  it('should be sent no-store, like the details answer, though the host page sets no cache header', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });

    const page = await browser.jar.fetch(new URL(`/interaction/${uid}`, idp.issuer));
    const details = await browser.kit(uid, 'details');

    expect(await page.text()).toContain(details.body.form.token);
    expect(details.headers.get('cache-control')).toBe('no-store');
    // No shared or browser cache may keep the token (and who is signed in) for another request.
    expect(page.headers.get('cache-control')).toBe('no-store');
  });

  it('should refuse to be framed by another site, though the host page sets no framing header', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });

    const page = await browser.jar.fetch(new URL(`/interaction/${uid}`, idp.issuer));

    // A page of another site framing the consent screen could trick the user into Authorize
    // (clickjacking, RFC 9700 §4.16): browsers must not render it in a frame.
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });
});

describe('given a form post that did not come from the page', () => {
  it.each([
    ['without the token', (_step: ConsentStep): [string, string][] => [['scope', 'openid']], {}],
    [
      'with a wrong token',
      (): [string, string][] => [
        [KIT_FORM_FIELDS.token, 'x'.repeat(43)],
        ['scope', 'openid'],
      ],
      {},
    ],
    [
      'from another site, token and all',
      (step: ConsentStep): [string, string][] => [token(step), ['scope', 'openid']],
      { 'sec-fetch-site': 'cross-site' },
    ],
    [
      'from another origin of the same site',
      (step: ConsentStep): [string, string][] => [token(step), ['scope', 'openid']],
      { 'sec-fetch-site': 'same-site' },
    ],
  ])('should refuse a consent %s with 403 and decide nothing', async (_label, fields, headers) => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);

    const forged = await post(browser, uid, 'consent', fields(step), headers);

    expect(forged.status).toBe(403);
    expect(forged.location).toBeNull();
    expect((await browser.kit(uid, 'details')).body).toMatchObject({ kind: 'consent', uid });
  });

  it("should refuse another interaction's token", async () => {
    const mine = new Browser(idp.issuer);
    const theirs = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(mine, idp.web, { scope: 'openid' });
    const other = await signedInAtConsent(theirs, idp.web, { scope: 'openid' });
    const otherStep = await pageStep<ConsentStep>(theirs, other.uid);

    const reply = await post(mine, uid, 'consent', [token(otherStep), ['scope', 'openid']]);

    expect(reply.status).toBe(403);
    expect((await mine.kit(uid, 'details')).body).toMatchObject({ kind: 'consent', uid });
  });

  it('should still take JSON posts as before, and refuse other content types with 415', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid' });

    const text = await browser.kit(uid, 'consent', 'scope=openid', { headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const json = await browser.kit(uid, 'consent', {
      profileScopes: ['openid'],
      resources: {},
      organizationIds: [],
      remember: false,
    });
    expect(json.status).toBe(200);
  });
});

describe('given a consent form post that asks for what the screen never offered', () => {
  const BOB = ['bob@demo.test', 'bob-password'] as const;
  const API = 'https://api.demo.test';

  /** Bob at consent for `params`: `forged` posted first, then `offered`, a decision the screen allows. */
  async function forge(params: Record<string, string>, offered: [string, string][], forged: [string, string][]) {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, params, BOB);
    const step = await pageStep<ConsentStep>(browser, uid);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
    try {
      const refused = await post(browser, uid, 'consent', [token(step), ...forged]);
      expect(save).not.toHaveBeenCalled();
      const error = (await pageStep<ConsentStep>(browser, uid)).consent.attempt?.error;
      // What the screen offers goes through: the forged part alone was refused.
      const honest = await post(browser, uid, 'consent', [token(step), ...offered]);
      expect(honest.location).toMatch(new RegExp(`^${idp.issuer}/auth/`));
      return { refused, error, uid };
    } finally {
      save.mockRestore();
    }
  }

  it.each([
    ['an API scope the user does not hold', [[`resource:${API}`, 'write:reports']]],
    ['an OIDC scope the app did not request', [['scope', 'offline_access']]],
    ['a resource the app did not request', [['resource:https://other.demo.test', 'read:reports']]],
  ] as const)('should refuse %s with invalid_scope and grant nothing', async (_case, extra) => {
    const offered: [string, string][] = [
      ['scope', 'openid'],
      [`resource:${API}`, 'read:reports'],
    ];
    const { refused, error, uid } = await forge(
      { scope: 'openid read:reports write:reports', resource: API },
      offered,
      [...offered, ...(extra as unknown as [string, string][])],
    );

    expect(refused).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    expect(error).toBe('invalid_scope');
  });

  it('should refuse an organization the user is not a member of with invalid_organization', async () => {
    const scopes: [string, string][] = [
      ['scope', 'openid'],
      ['scope', 'organizations'],
    ];
    const { refused, error, uid } = await forge(
      { scope: 'openid organizations read:members', resource: ORGANIZATION_RESOURCE },
      [...scopes, ['organization', 'org_acme']],
      [...scopes, ['organization', 'org_globex']],
    );

    expect(refused).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    expect(error).toBe('invalid_organization');
  });
});

describe('given a token used again after its interaction was decided', () => {
  it('should send Cancel, a wider consent and a sign-in on to the first decision, granting nothing more', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });
    const step = await pageStep<ConsentStep>(browser, uid);
    const first = await post(browser, uid, 'consent', [token(step), ['scope', 'openid']]);

    const again = [
      await post(browser, uid, 'abort', [token(step)]),
      await post(browser, uid, 'consent', [token(step), ['scope', 'openid'], ['scope', 'email']]),
      await post(browser, uid, 'login', [token(step), ['identifier', 'bob@demo.test'], ['password', 'bob-password']]),
    ];

    expect(again.map((reply) => reply.location)).toEqual([first.location, first.location, first.location]);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(first.location!), request);
    expect(tokens.scope).toBe('openid');
    expect(tokens.claims()).toMatchObject({ sub: 'user_alice' });
    expect(tokens.claims()).not.toHaveProperty('email');
  });
});

describe('given a form post with the token but not as the page sends it', () => {
  it('should decide nothing without the interaction cookie (a token carried to another browser)', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);

    const elsewhere = await post(new Browser(idp.issuer), uid, 'consent', [token(step), ['scope', 'openid']]);

    expect(elsewhere).toMatchObject({ status: 303, location: `/interaction/${uid}` });
    expect((await browser.kit(uid, 'details')).body).toMatchObject({ kind: 'consent', uid });
  });

  it('should refuse multipart/form-data with 415 and decide nothing', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    const step = await pageStep<ConsentStep>(browser, uid);
    const body = new FormData();
    body.set(KIT_FORM_FIELDS.token, step.form!.token);
    body.set('scope', 'openid');

    const reply = await browser.jar.fetch(new URL(`/interaction/${uid}/consent`, idp.issuer), { method: 'POST', body });

    expect(reply.status).toBe(415);
    expect((await browser.kit(uid, 'details')).body).toMatchObject({ kind: 'consent', uid });
  });
});

describe('given wrong passwords posted as forms', () => {
  it('should lock the identifier as the JSON posts do, for both', async () => {
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
    const step = await pageStep<LoginStep>(browser, uid);
    const wrong = (n: number) =>
      post(browser, uid, 'login', [token(step), ['identifier', 'nobody@demo.test'], ['password', `wrong-${n}`]]);

    for (let n = 0; n < 5; n += 1) await wrong(n);

    const locked = await pageStep<LoginStep>(browser, uid);
    expect(locked.login.error).toBe('too_many_attempts');
    expect(locked.login.attempt?.retryAfter).toBeGreaterThan(0);
    // One count: a JSON post for the same identifier is refused too.
    expect((await browser.kit(uid, 'login', { identifier: 'nobody@demo.test', password: 'another' })).status).toBe(429);
  });
});
