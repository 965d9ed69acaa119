/**
 * oidc-provider's storage: the kit's in-memory adapter and its Redis adapter (a real
 * redis-server) against one contract drawn from oidc-provider's documented adapter interface,
 * then the real oidc-provider running a full authorization-code flow on Redis.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { createOidcMemoryAdapter, StoreFullError, type OidcAdapterFactory } from '../../src/server/index.js';
import { createOidcRedisAdapter } from '../../src/server/redis.js';
import { API_RESOURCE } from '../../demo/idp/index.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import {
  Browser,
  exchangeCode,
  jwtPayload,
  signedInAtConsent,
  startTestIdp,
  type TestIdp,
} from '../support/oidc-flow.js';

function describeAdapterContract(adapter: () => OidcAdapterFactory): void {
  it('should find what was upserted, replaced whole, until it expires', async () => {
    const interactions = adapter()('Interaction');
    await interactions.upsert('i1', { jti: 'i1', kind: 'Interaction', params: { scope: 'openid' } }, 60);
    await interactions.upsert('short', { jti: 'short' }, 0.2);
    expect(await interactions.find('i1')).toEqual({ jti: 'i1', kind: 'Interaction', params: { scope: 'openid' } });
    await interactions.upsert('i1', { jti: 'i1', result: { login: { accountId: 'a' } } }, 60);
    expect(await interactions.find('i1')).toEqual({ jti: 'i1', result: { login: { accountId: 'a' } } });
    expect(await interactions.find('unknown')).toBeUndefined();
    await sleep(300);
    expect(await interactions.find('short')).toBeUndefined();
    expect(await adapter()('Session').find('i1')).toBeUndefined();
  });

  it('should mark an instance consumed, keep its expiry, and never create one by consuming', async () => {
    const codes = adapter()('AuthorizationCode');
    await codes.upsert('c1', { jti: 'c1', grantId: 'g1' }, 60);
    await codes.upsert('short', { jti: 'short', grantId: 'g1' }, 0.2);
    await Promise.all([codes.consume('c1'), codes.consume('short')]);
    const consumed = await codes.find('c1');
    expect(consumed).toMatchObject({ jti: 'c1', grantId: 'g1' });
    expect(typeof consumed?.consumed).toBe('number');
    await codes.consume('missing');
    expect(await codes.find('missing')).toBeUndefined();
    await sleep(300);
    expect(await codes.find('short')).toBeUndefined();
  });

  it('should find a session by uid and a device code by user code, and destroy them', async () => {
    const sessions = adapter()('Session');
    await sessions.upsert('s1', { jti: 's1', uid: 'uid-1', accountId: 'alice' }, 60);
    expect(await sessions.findByUid('uid-1')).toMatchObject({ jti: 's1', accountId: 'alice' });
    const devices = adapter()('DeviceCode');
    await devices.upsert('d1', { jti: 'd1', userCode: 'ABCD-EFGH' }, 60);
    expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ jti: 'd1' });
    await sessions.destroy('s1');
    expect(await sessions.find('s1')).toBeUndefined();
    expect(await sessions.findByUid('uid-1')).toBeUndefined();
    expect(await sessions.findByUid('no-such-uid')).toBeUndefined();
  });

  it('should revoke every token and code of one grant, and nothing of another', async () => {
    const access = adapter()('AccessToken');
    const refresh = adapter()('RefreshToken');
    await access.upsert('a1', { jti: 'a1', grantId: 'g1' }, 60);
    await refresh.upsert('r1', { jti: 'r1', grantId: 'g1' }, 120);
    await access.upsert('a2', { jti: 'a2', grantId: 'g2' }, 60);
    await access.revokeByGrantId('g1');
    expect(await access.find('a1')).toBeUndefined();
    expect(await refresh.find('r1')).toBeUndefined();
    expect(await access.find('a2')).toMatchObject({ grantId: 'g2' });
    await expect(access.revokeByGrantId('never-issued')).resolves.toBeUndefined();
  });
}

describe('given the in-memory oidc-provider adapter', () => {
  let factory: OidcAdapterFactory;
  beforeEach(() => {
    factory = createOidcMemoryAdapter();
  });
  describeAdapterContract(() => factory);

  it('should refuse a new instance when full rather than drop an interaction in progress', async () => {
    const small = createOidcMemoryAdapter({ maxEntries: 100 })('Interaction');
    for (let index = 0; index < 100; index += 1)
      await small.upsert(`in-flight-${index}`, { jti: `in-flight-${index}` }, 3600);
    await expect(small.upsert('one-more', { jti: 'one-more' }, 3600)).rejects.toThrow(StoreFullError);
    for (let index = 0; index < 100; index += 1) expect(await small.find(`in-flight-${index}`)).toBeDefined();
  });
});

describe('given the Redis oidc-provider adapter on a real redis-server', () => {
  let server: RedisServer;
  let client: Redis;
  let factory: OidcAdapterFactory;

  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url);
  });
  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });
  beforeEach(async () => {
    await client.flushdb();
    factory = createOidcRedisAdapter(client, { prefix: 'test-oidc:' });
  });

  describeAdapterContract(() => factory);

  it('should give every key it writes a TTL, the grant set its longest member', async () => {
    await factory('AccessToken').upsert('a1', { jti: 'a1', grantId: 'g1' }, 60);
    await factory('RefreshToken').upsert('r1', { jti: 'r1', grantId: 'g1' }, 600);
    await factory('Session').upsert('s1', { jti: 's1', uid: 'u1' }, 300);
    await factory('AuthorizationCode').consume('expired-code');
    const keys = (await client.keys('*')).sort();
    expect(keys).toEqual([
      'test-oidc:AccessToken:a1',
      'test-oidc:RefreshToken:r1',
      'test-oidc:Session:s1',
      'test-oidc:grant:g1',
      'test-oidc:sessionUid:u1',
    ]);
    for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
    expect(await client.pttl('test-oidc:grant:g1')).toBeGreaterThan(500_000);
  });

  describe('given the demo IdP (real oidc-provider) storing everything in that Redis', () => {
    let idp: TestIdp;
    beforeAll(async () => {
      await client.flushdb();
      idp = await startTestIdp({ redis: client });
    });
    afterAll(async () => {
      await idp?.close();
    });

    it('should run an authorization-code flow whose state is all in Redis', async () => {
      const browser = new Browser(idp.issuer);
      const { request, uid } = await signedInAtConsent(browser, idp.web, {
        scope: 'openid email read:reports',
        resource: API_RESOURCE,
      });
      const kinds = new Set((await client.keys('consent-kit-demo:oidc:*')).map((key) => key.split(':')[2]));
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['Interaction', 'Session', 'sessionUid']));

      const reply = await browser.kit(uid, 'consent', {
        profileScopes: ['openid', 'email'],
        resources: { [API_RESOURCE]: ['read:reports'] },
        organizationIds: [],
      });
      expect(reply.status).toBe(200);
      const tokens = await exchangeCode(idp.web, await browser.toCallback(reply.body.redirectTo), request);
      expect(tokens.claims()).toMatchObject({ sub: 'user_alice', email: 'alice@demo.test' });
      expect(jwtPayload(tokens.access_token).scope).toBe('read:reports');
      const stored = new Set((await client.keys('consent-kit-demo:oidc:*')).map((key) => key.split(':')[2]));
      expect([...stored]).toEqual(expect.arrayContaining(['Grant', 'AuthorizationCode', 'Session']));
      for (const key of await client.keys('consent-kit-demo:*')) expect(await client.pttl(key)).toBeGreaterThan(0);
    });
  });
});
