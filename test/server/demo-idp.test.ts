/** The demo IdP: mount order, the interaction page slot, its users and client registrations. */
import { DEMO_WEB_CLIENT, demoClients, startIdp } from '../../demo/idp/index.js';
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

describe('given the demo users the README lists', () => {
  it('should sign alice and bob in with the README passwords, and carol with none (she uses a code)', async () => {
    const idp = await startTestIdp();
    try {
      const signIn = async (identifier: string, password: string) => {
        const browser = new Browser(idp.issuer);
        const uid = await browser.toInteraction((await authorizationRequest(idp.web, { scope: 'openid' })).url);
        return [identifier, (await browser.kit(uid, 'login', { identifier, password })).status];
      };
      expect(await signIn('alice@demo.test', 'alice-password')).toEqual(['alice@demo.test', 200]);
      expect(await signIn('bob@demo.test', 'bob-password')).toEqual(['bob@demo.test', 200]);
      expect(await signIn('carol@demo.test', 'carol-password')).toEqual(['carol@demo.test', 401]);
      expect(await signIn('alice@demo.test', 'bob-password')).toEqual(['alice@demo.test', 401]);
    } finally {
      await idp.close();
    }
  });
});

describe('given the demo clients at the token endpoint', () => {
  it('should authenticate the web app by its client secret and take the SPA as a public client', async () => {
    const idp = await startTestIdp();
    try {
      const discovery = await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json();
      // A made-up code: client authentication comes first, so the error says which step failed.
      const redeem = async (client: string, secret?: string) => {
        const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
        if (secret) headers.set('authorization', `Basic ${btoa(`${client}:${secret}`)}`);
        const body = new URLSearchParams({
          grant_type: 'authorization_code',
          code: 'not-a-code',
          code_verifier: 'v'.repeat(43),
        });
        if (!secret) body.set('client_id', client);
        const response = await fetch(discovery.token_endpoint, { method: 'POST', headers, body });
        return [response.status, (await response.json()).error];
      };
      expect(await redeem('demo-web')).toEqual([401, 'invalid_client']);
      expect(await redeem('demo-web', 'not-the-secret')).toEqual([401, 'invalid_client']);
      expect(await redeem('demo-web', DEMO_WEB_CLIENT.secret)).toEqual([400, 'invalid_grant']);
      expect(await redeem('demo-spa')).toEqual([400, 'invalid_grant']);
    } finally {
      await idp.close();
    }
  });
});
