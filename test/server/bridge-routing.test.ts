/**
 * The bridge's routing and error handling, with a stub provider (no oidc-provider): what it
 * leaves to the next handler, and what it never tells the browser.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createOidcProviderBridge,
  type OidcProviderBridgeOptions,
  type OidcProviderLike,
} from '../../src/server/index.js';

class SessionNotFound extends Error {
  override name = 'SessionNotFound';
}

function stubProvider(overrides: Partial<OidcProviderLike> = {}): OidcProviderLike & { results: unknown[] } {
  const results: unknown[] = [];
  class Grant {
    static find = async () => undefined;
    addOIDCScope() {}
    rejectOIDCScope() {}
    addOIDCClaims() {}
    rejectOIDCClaims() {}
    addResourceScope() {}
    rejectResourceScope() {}
    getOIDCScopeFiltered() {
      return '';
    }
    getResourceScopeFiltered() {
      return '';
    }
    async save() {
      return 'grant-1';
    }
  }
  return {
    results,
    interactionDetails: async () => ({
      uid: 'abc',
      prompt: { name: 'login', details: {} },
      params: { client_id: 'app', redirect_uri: 'https://app.test/cb' },
    }),
    interactionResult: async (_req, _res, result) => {
      results.push(result);
      return 'http://idp.test/auth/abc';
    },
    Client: { find: async (id) => ({ clientId: id, clientName: 'App', logoUri: 'javascript:alert(1)' }) },
    Grant,
    ...overrides,
  };
}

const callbacks: OidcProviderBridgeOptions = {
  authenticate: async () => ({ accountId: 'u1' }),
  findUser: async (id) => ({ id }),
  getPermissions: async () => ({}),
  getOrganizations: async () => [],
};

let server: Server | undefined;

async function serve(
  provider: OidcProviderLike,
  options: Partial<OidcProviderBridgeOptions> = {},
): Promise<{ base: string; nextCalls: string[] }> {
  const bridge = createOidcProviderBridge(provider, { ...callbacks, ...options });
  const nextCalls: string[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void bridge.handle(req, res, () => {
      nextCalls.push(`${req.method} ${req.url}`);
      res.statusCode = 418;
      res.end('next');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, nextCalls };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('given requests outside the kit endpoints', () => {
  it('should call next for the interaction page, unknown endpoints and other paths', async () => {
    const { base, nextCalls } = await serve(stubProvider());

    for (const path of [
      '/interaction/abc',
      '/interaction/abc/other',
      '/auth/abc',
      '/interaction/abc/details/x',
      '/.well-known/openid-configuration',
    ]) {
      expect((await fetch(base + path)).status, path).toBe(418);
    }
    expect(nextCalls).toHaveLength(5);
  });

  it('should serve the endpoints under a custom prefix only', async () => {
    const { base } = await serve(stubProvider(), { prefix: '/signin/' });

    expect((await fetch(`${base}/signin/abc/details`)).status).toBe(200);
    expect((await fetch(`${base}/interaction/abc/details`)).status).toBe(418);
  });
});

describe('given a provider that fails', () => {
  it('should answer 500 server_error without any internals and report the error to onError', async () => {
    const errors: unknown[] = [];
    const provider = stubProvider({
      interactionDetails: async () => {
        throw new Error('database password is hunter2');
      },
    });
    const { base } = await serve(provider, { onError: (error) => errors.push(error) });

    const response = await fetch(`${base}/interaction/abc/details`);

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'server_error' });
    expect(errors).toHaveLength(1);
  });

  it('should answer 404 interaction_expired when the provider has no session for the interaction', async () => {
    const provider = stubProvider({
      interactionDetails: async () => {
        throw new SessionNotFound('interaction session id cookie not found');
      },
    });
    const { base } = await serve(provider);

    const response = await fetch(`${base}/interaction/abc/details`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'interaction_expired' });
  });
});

describe('given a stub interaction at the login prompt', () => {
  it('should drop a non-http logo URL from the client info', async () => {
    const { base } = await serve(stubProvider());

    const body = await (await fetch(`${base}/interaction/abc/details`)).json();

    expect(body.client).toEqual({
      id: 'app',
      name: 'App',
      party: 'third',
      verified: false,
      redirectUri: 'https://app.test/cb',
    });
  });

  it.each([
    [
      "a native app's custom scheme as nativeRedirectUri (text)",
      'com.example.app:/oauth2redirect',
      { nativeRedirectUri: 'com.example.app:/oauth2redirect' },
    ],
    ['no javascript: redirect URI at all', 'javascript:alert(1)', {}],
    ['no data: redirect URI at all', 'data:text/html,x', {}],
  ])('should send %s', async (_label, redirectUri, expected) => {
    const provider = stubProvider();
    const { base } = await serve({
      ...provider,
      interactionDetails: async () => ({
        uid: 'abc',
        prompt: { name: 'login', details: {} },
        params: { client_id: 'app', redirect_uri: redirectUri },
      }),
    });

    const body = await (await fetch(`${base}/interaction/abc/details`)).json();

    expect(body.client).toEqual({ id: 'app', name: 'App', party: 'third', verified: false, ...expected });
  });

  it('should apply describeClient for first-party, verified clients', async () => {
    const { base } = await serve(stubProvider(), { describeClient: () => ({ party: 'first', verified: true }) });

    const body = await (await fetch(`${base}/interaction/abc/details`)).json();

    expect(body.client).toMatchObject({ party: 'first', verified: true });
  });

  it('should accept an abort with an empty JSON body, as the kit client sends, and record access_denied', async () => {
    const provider = stubProvider();
    const { base } = await serve(provider);

    const response = await fetch(`${base}/interaction/abc/abort`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redirectTo: 'http://idp.test/auth/abc' });
    expect(provider.results).toEqual([{ error: 'access_denied', error_description: 'End-User aborted interaction' }]);
  });

  it.each(['abort', 'switch-account', 'continue'])(
    'should refuse a body-less %s, a simple request any page could send without a preflight',
    async (endpoint) => {
      const provider = stubProvider();
      const { base } = await serve(provider);

      const response = await fetch(`${base}/interaction/abc/${endpoint}`, { method: 'POST' });

      expect(response.status).toBe(415);
      expect(provider.results).toEqual([]);
    },
  );

  it('should refuse an empty text/plain abort, as a cross-site form could send', async () => {
    const provider = stubProvider();
    const { base } = await serve(provider);

    const response = await fetch(`${base}/interaction/abc/abort`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '',
    });

    expect(response.status).toBe(415);
    expect(provider.results).toEqual([]);
  });

  it('should record only the account id of a successful login', async () => {
    const provider = stubProvider();
    const { base } = await serve(provider);

    const response = await fetch(`${base}/interaction/abc/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ identifier: ' someone ', password: 'pw' }),
    });

    expect(response.status).toBe(200);
    expect(provider.results).toEqual([{ login: { accountId: 'u1' } }]);
  });
});
