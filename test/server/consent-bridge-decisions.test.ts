/**
 * The bridge's consent decisions against a real oidc-provider (the demo IdP): "Remember this
 * decision" through `bridge.loadExistingGrant`, multiple organizations, decisions that
 * contradict the request, and one decision per interaction.
 */
import * as oidc from 'openid-client';
import { ORGANIZATION_RESOURCE } from '../../demo/idp/index.js';
import { demoPermissions } from '../../demo/idp/users.js';
import {
  authorizationRequest,
  Browser,
  exchangeCode,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

let idp: TestIdp;

/**
 * When armed, holds every permission lookup (which each consent decision makes) until a second
 * one is waiting too, or 500 ms passed: two decisions that ran at the same time would both be
 * inside at once. With one decision at a time, each waits the 500 ms alone.
 */
let waiting: Array<() => void> | undefined;
function meetSecondDecision(): Promise<void> {
  const queue = waiting;
  if (!queue) return Promise.resolve();
  return new Promise<void>((resolve) => {
    queue.push(resolve);
    if (queue.length >= 2) for (const release of queue) release();
    else setTimeout(resolve, 500);
  });
}

beforeAll(async () => {
  idp = await startTestIdp({
    bridge: {
      getPermissions: async (accountId) => {
        await meetSecondDecision();
        return demoPermissions(accountId);
      },
    },
  });
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

describe('given two submissions for one interaction', () => {
  const PROFILE_AND_EMAIL = { scope: 'openid profile email' };
  const only = (profileScopes: string[]) => ({ profileScopes, resources: {}, organizationIds: [], remember: false });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('should save one grant for two concurrent consents and answer both with the same redirect', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');

    waiting = [];
    const [a, b] = await Promise.all([
      browser.kit(uid, 'consent', only(['openid', 'profile', 'email'])),
      browser.kit(uid, 'consent', only(['openid'])),
    ]).finally(() => {
      waiting = undefined;
    });

    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.redirectTo).toBe(a.body.redirectTo);
    expect(save).toHaveBeenCalledTimes(1);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(a.body.redirectTo), request);
    // Whichever came first decided; the tokens carry exactly that decision, not a mix.
    expect([['email', 'openid', 'profile'], ['openid']]).toContainEqual(tokens.scope?.split(' ').sort());
  });

  it('should let a valid decision through after a concurrent invalid one was refused', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);

    waiting = [];
    const [forged, valid] = await Promise.all([
      browser.kit(uid, 'consent', only(['openid', 'address'])),
      browser.kit(uid, 'consent', only(['openid', 'email'])),
    ]).finally(() => {
      waiting = undefined;
    });

    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: 'invalid_scope' });
    expect(valid.status).toBe(200);
    expect(valid.body.redirectTo).toMatch(new RegExp(`^${idp.issuer}/auth/`));
  });

  it('should answer a Retry after a lost answer with the first decision, and issue only that one', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
    // The first answer never reaches the page (network cut); the user clicks Retry with more ticked.
    const first = await browser.kit(uid, 'consent', only(['openid', 'profile']));

    const retry = await browser.kit(uid, 'consent', only(['openid', 'profile', 'email']));

    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ redirectTo: first.body.redirectTo });
    expect(save).toHaveBeenCalledTimes(1);
    const tokens = await exchangeCode(idp.web, await browser.toCallback(retry.body.redirectTo), request);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
    const claims = tokens.claims()!;
    expect(claims.sub).toBe('user_alice');
    expect(claims.name).toBe('Alice Anderson');
    expect(claims).not.toHaveProperty('email');
    const userinfo = await oidc.fetchUserInfo(idp.web, tokens.access_token, 'user_alice');
    expect(userinfo).not.toHaveProperty('email');
  });

  it('should answer Cancel after Authorize (a second tab) with the authorization, not a second decision', async () => {
    const browser = new Browser(idp.issuer);
    const { request, uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);
    const authorized = await browser.kit(uid, 'consent', only(['openid', 'profile']));

    const cancelled = await browser.kit(uid, 'abort');

    expect(cancelled.body).toEqual({ redirectTo: authorized.body.redirectTo });
    const callback = await browser.toCallback(cancelled.body.redirectTo);
    expect(callback.searchParams.has('error')).toBe(false);
    const tokens = await exchangeCode(idp.web, callback, request);
    expect(tokens.scope?.split(' ').sort()).toEqual(['openid', 'profile']);
  });

  it('should answer Authorize after Cancel with the refusal, saving no grant', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
    const cancelled = await browser.kit(uid, 'abort');

    const authorized = await browser.kit(uid, 'consent', only(['openid']));

    expect(authorized.body).toEqual({ redirectTo: cancelled.body.redirectTo });
    expect(save).not.toHaveBeenCalled();
    expect((await browser.toCallback(authorized.body.redirectTo)).searchParams.get('error')).toBe('access_denied');
  });

  it('should answer details of a decided interaction with 410 interaction_expired and the way on', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, PROFILE_AND_EMAIL);
    const done = await browser.kit(uid, 'consent', only(['openid']));

    const reply = await browser.kit(uid, 'details');
    const switched = await browser.kit(uid, 'switch-account');

    expect(reply.status).toBe(410);
    expect(reply.body).toEqual({
      error: 'interaction_expired',
      error_description: 'interaction already decided',
      redirectTo: done.body.redirectTo,
    });
    expect(switched.status).toBe(410);
    expect(switched.body.redirectTo).toBe(done.body.redirectTo);
  });
});

describe('given a consent interaction whose grantId names a grant of someone else', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Consents for `who` at `config`'s client and returns the id of the grant saved. */
  async function grantOf(config: TestIdp['web'], who: readonly [string, string]) {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, config, { scope: 'openid profile email' }, who);
    const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
    await browser.kit(uid, 'consent', {
      profileScopes: ['openid', 'profile', 'email'],
      resources: {},
      organizationIds: [],
      remember: true,
    });
    const grantId = await save.mock.results[0]!.value;
    save.mockRestore();
    return grantId as string;
  }

  it.each([
    ["another account's", () => grantOf(idp.web, ['bob@demo.test', 'bob-password'])],
    ["another client's", () => grantOf(idp.spa, ['alice@demo.test', 'alice-password'])],
  ])(
    'should not show %s grant as granted, and should consent into a grant of this account and client only',
    async (_label, foreignGrant) => {
      const grantId = await foreignGrant();
      const browser = new Browser(idp.issuer);
      const { request, uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile email' });
      // The interaction points at the foreign grant, as a tampered or buggy store would leave it.
      const interaction = await idp.provider.Interaction.find(uid);
      interaction.grantId = grantId;
      await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));

      const details = await browser.kit(uid, 'details');
      expect(details.body.consent.profileScopes).toEqual([
        { name: 'openid', required: true },
        { name: 'profile', required: false },
        { name: 'email', required: false },
      ]);

      const save = vi.spyOn(idp.provider.Grant.prototype, 'save');
      const reply = await browser.kit(uid, 'consent', { ...decision(false), profileScopes: ['openid'] });
      expect(reply.status).toBe(200);
      const saved = save.mock.contexts[0] as { accountId: string; clientId: string };
      expect([saved.accountId, saved.clientId]).toEqual(['user_alice', 'demo-web']);
      expect(await save.mock.results[0]!.value).not.toBe(grantId);

      const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
      expect(tokens.claims()!.sub).toBe('user_alice');
      expect(tokens.scope).toBe('openid');
      expect(tokens.claims()).not.toHaveProperty('email');
      // The foreign grant is untouched.
      const foreign = await idp.provider.Grant.find(grantId);
      expect(foreign.getOIDCScope().split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    },
  );
});

describe('given a decision naming more scopes than a decision may hold', () => {
  it('should refuse 257 profile scopes with 400 invalid_request', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid' });

    const reply = await browser.kit(uid, 'consent', {
      profileScopes: Array(257).fill('openid'),
      resources: {},
      organizationIds: [],
    });

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ error: 'invalid_request', error_description: 'body is not a consent decision' });
    // 256 are still a decision (and duplicates fold into one openid).
    const fine = await browser.kit(uid, 'consent', {
      profileScopes: Array(256).fill('openid'),
      resources: {},
      organizationIds: [],
    });
    expect(fine.status).toBe(200);
  });
});
