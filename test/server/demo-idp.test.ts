/** The demo IdP: mount order, the interaction page slot, its users and client registrations. */
import { demoClients, DEMO_USERS, startIdp } from '../../demo/idp/index.js';
import { authorizationRequest, Browser, startTestIdp } from '../support/oidc-flow.js';

describe('given the demo IdP without a UI', () => {
  it('should serve discovery at its loopback issuer and a plain page for the interaction', async () => {
    const idp = await startTestIdp();
    try {
      expect(idp.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
      expect(discovery.issuer).toBe(idp.issuer);
      expect(discovery.scopes_supported).toEqual(
        expect.arrayContaining(['openid', 'profile', 'email', 'organizations']),
      );

      const browser = new Browser(idp.issuer);
      const request = await authorizationRequest(idp.spa, { scope: 'openid' });
      const landing = await browser.navigate(request.url);
      expect(landing.kind).toBe('interaction');
      const page = await browser.jar.fetch((landing as { url: string }).url);
      expect(page.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await page.text()).toMatch(/not mounted/);
    } finally {
      await idp.close();
    }
  });
});

describe('given a renderInteraction callback', () => {
  it('should call it for GET /interaction/<uid> only, after the bridge', async () => {
    const seen: string[] = [];
    const idp = await startIdp({
      clients: demoClients({ webRedirectUri: 'http://127.0.0.1:9/web', spaRedirectUri: 'http://127.0.0.1:9/spa' }),
      renderInteraction: (_req, res, uid) => {
        seen.push(uid);
        res.end('<!doctype html><title>kit</title>');
      },
    });
    try {
      expect(await (await fetch(`${idp.issuer}/interaction/xyz`)).text()).toContain('<title>kit</title>');
      expect((await fetch(`${idp.issuer}/interaction/xyz/details`)).status).toBe(404);
      expect(seen).toEqual(['xyz']);
    } finally {
      await idp.close();
    }
  });

  it('should refuse a public client without PKCE', async () => {
    const idp = await startTestIdp();
    try {
      const url = new URL('/auth', idp.issuer);
      url.search = new URLSearchParams({
        client_id: 'demo-spa',
        redirect_uri: 'http://127.0.0.1:9/spa/callback',
        response_type: 'code',
        scope: 'openid',
      }).toString();
      const callback = await new Browser(idp.issuer).toCallback(url);
      expect(callback.searchParams.get('error')).toBe('invalid_request');
    } finally {
      await idp.close();
    }
  });
});

describe('given the demo users and clients', () => {
  it('should export alice and bob with passwords, carol by emailed code and dana through Social Demo', () => {
    expect(DEMO_USERS.map(({ email, password, displayName }) => ({ email, password, displayName }))).toEqual([
      { email: 'alice@demo.test', password: 'alice-password', displayName: 'Alice Anderson' },
      { email: 'bob@demo.test', password: 'bob-password', displayName: 'Bob Brown' },
      { email: 'carol@demo.test', password: undefined, displayName: 'Carol Chen' },
      { email: 'dana@social.test', password: undefined, displayName: 'Dana Social' },
    ]);
    expect(DEMO_USERS.find((user) => user.signsInByCode)?.email).toBe('carol@demo.test');
    expect(DEMO_USERS.find((user) => user.socialSubject)?.email).toBe('dana@social.test');
  });

  it('should register a confidential web client and a public SPA client', () => {
    const [web, spa] = demoClients({
      webRedirectUri: 'http://127.0.0.1:5173/cb',
      spaRedirectUri: 'http://127.0.0.1:5174/cb',
    });
    expect(web).toMatchObject({
      client_id: 'demo-web',
      client_secret: expect.any(String),
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      client_uri: 'http://127.0.0.1:5173/',
    });
    expect(spa).toMatchObject({ client_id: 'demo-spa', token_endpoint_auth_method: 'none' });
    expect(spa).not.toHaveProperty('client_secret');
  });
});
