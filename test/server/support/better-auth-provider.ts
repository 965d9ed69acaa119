/**
 * A real Better Auth server (better-auth 1.7.5 + @better-auth/oauth-provider 1.7.5, in-memory
 * storage) on a free 127.0.0.1 port, with one user and one confidential client; and a
 * browser-like `fetch` (cookie jar, `Origin` header, no redirect following) to drive it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { oauthProvider } from '@better-auth/oauth-provider';
import { betterAuth } from 'better-auth';
import { memoryAdapter } from 'better-auth/adapters/memory';
import { toNodeHandler } from 'better-auth/node';
import { jwt } from 'better-auth/plugins';
import { CookieJar } from '../../support/cookie-jar.js';

export const REDIRECT_URI = 'https://reports.example/callback';
export const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'read:reports'];

const MODELS = [
  'user',
  'session',
  'account',
  'verification',
  'jwks',
  'oauthClient',
  'oauthAccessToken',
  'oauthRefreshToken',
  'oauthConsent',
  'oauthResource',
  'oauthClientResource',
];

function createAuth(baseURL: string) {
  const db: Record<string, unknown[]> = Object.fromEntries(MODELS.map((model) => [model, []]));
  return betterAuth({
    baseURL,
    secret: 'consent-kit-test-secret-0123456789abcdef',
    database: memoryAdapter(db),
    emailAndPassword: { enabled: true },
    logger: { disabled: true },
    telemetry: { enabled: false },
    plugins: [
      jwt(),
      oauthProvider({
        loginPage: '/sign-in',
        consentPage: '/consent',
        allowPublicClientPrelogin: true,
        scopes: SCOPES,
      }),
    ],
  });
}

export type TestAuth = ReturnType<typeof createAuth>;

export async function startBetterAuth() {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const auth = createAuth(origin);
  server.on('request', toNodeHandler(auth));

  await auth.api.signUpEmail({ body: { email: 'alice@demo.test', password: 'alice-password', name: 'Alice Kim' } });
  await auth.api.signUpEmail({ body: { email: 'bob@demo.test', password: 'bob-password', name: 'Bob Lee' } });
  const signedIn = await auth.api.signInEmail({
    body: { email: 'alice@demo.test', password: 'alice-password' },
    returnHeaders: true,
  });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const client = await auth.api.adminCreateOAuthClient({
    headers: new Headers({ cookie }),
    body: {
      client_name: 'Reports Hub',
      redirect_uris: [REDIRECT_URI],
      logo_uri: 'https://reports.example/logo.svg',
      client_uri: 'https://reports.example',
      tos_uri: 'https://reports.example/terms',
      policy_uri: 'https://reports.example/privacy',
      token_endpoint_auth_method: 'client_secret_basic',
      skip_consent: false,
    },
  });

  return {
    origin,
    auth,
    client: { id: client.client_id, secret: client.client_secret! },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser-like fetch bound to one origin: keeps cookies, sends `Origin`, follows nothing. */
export function browserFetch(origin: string) {
  const jar = new CookieJar();
  const fetchLike = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), origin);
    const headers = new Headers(init.headers);
    headers.set('origin', origin);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(url, response);
    return response;
  };
  return fetchLike as typeof globalThis.fetch;
}
