/**
 * Test helpers that drive a real oidc-provider (the demo IdP) like a browser: authorization
 * request, redirects, the kit JSON endpoints, the provider's auto-submitting forms, and the
 * code exchange with openid-client.
 */
import * as oidc from 'openid-client';
import {
  demoClients,
  DEMO_SPA_CLIENT,
  DEMO_WEB_CLIENT,
  startIdp,
  type RunningIdp,
  type StartIdpOptions,
} from '../../demo/idp/index.js';
import { CookieJar } from './cookie-jar.js';

/** Redirect URIs of the test clients; never fetched (nothing listens on port 9). */
export const WEB_REDIRECT_URI = 'http://127.0.0.1:9/web/callback';
export const SPA_REDIRECT_URI = 'http://127.0.0.1:9/spa/callback';

/** A demo IdP plus openid-client configurations for its two clients. */
export interface TestIdp extends RunningIdp {
  web: oidc.Configuration;
  spa: oidc.Configuration;
}

/** Starts the demo IdP on a free port with the two demo clients (and `options` over the defaults). */
export async function startTestIdp(options: Partial<StartIdpOptions> = {}): Promise<TestIdp> {
  const idp = await startIdp({
    ...options,
    clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
    ...options,
  });
  try {
    const execute = [oidc.allowInsecureRequests];
    const web = await oidc.discovery(new URL(idp.issuer), DEMO_WEB_CLIENT.id, DEMO_WEB_CLIENT.secret, undefined, {
      execute,
    });
    const spa = await oidc.discovery(new URL(idp.issuer), DEMO_SPA_CLIENT.id, undefined, oidc.None(), { execute });
    return { ...idp, web, spa };
  } catch (error) {
    await idp.close();
    throw error;
  }
}

/** Where a navigation ended. */
export type Landing =
  | { kind: 'interaction'; uid: string; url: string }
  | { kind: 'callback'; url: URL }
  | { kind: 'page'; status: number; url: string; text: string };

/** A kit endpoint's answer. */
export interface KitReply {
  status: number;
  headers: Headers;
  body: any;
  text: string;
}

/** One started authorization request. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  codeVerifier: string;
}

/** Builds an authorization URL with state and PKCE (S256). `params` may repeat `resource`. */
export async function authorizationRequest(
  config: oidc.Configuration,
  params: Record<string, string | string[]>,
): Promise<AuthorizationRequest> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const search = new URLSearchParams({
    redirect_uri: config.clientMetadata().client_id === DEMO_SPA_CLIENT.id ? SPA_REDIRECT_URI : WEB_REDIRECT_URI,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
  });
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return { url: oidc.buildAuthorizationUrl(config, search), state, codeVerifier };
}

/** Exchanges the code of a callback URL for tokens. */
export function exchangeCode(config: oidc.Configuration, callback: URL, request: AuthorizationRequest) {
  return oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: request.codeVerifier,
    expectedState: request.state,
  });
}

/** Decodes a JWT's payload without verifying it (the tests check what the provider issued). */
export function jwtPayload(jwt: string): Record<string, any> {
  const [, payload = ''] = jwt.split('.');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

function formFields(html: string): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"/i.exec(html);
  if (!form?.[1]) return undefined;
  const decode = (value: string) =>
    value
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>');
  const fields: Record<string, string> = {};
  for (const input of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) {
    fields[input[1]!] = decode(input[2]!);
  }
  return { action: decode(form[1]), fields };
}

/** A browser: one cookie jar, top-level navigations, and the kit UI's `fetch` calls. */
export class Browser {
  readonly jar = new CookieJar();
  /** Every URL navigated to, in order, for assertions. */
  readonly history: string[] = [];

  constructor(readonly issuer: string) {}

  /**
   * Navigates like a top-level load: follows redirects, submits the provider's auto-submitting
   * forms (as a browser with JavaScript would), and stops at an interaction page, at a client
   * callback, or at any other page.
   */
  async navigate(start: string | URL, init: RequestInit = {}): Promise<Landing> {
    let url = new URL(start, this.issuer).href;
    let request = init;
    for (let hops = 0; hops < 20; hops += 1) {
      this.history.push(url);
      const target = new URL(url);
      if (target.origin !== new URL(this.issuer).origin) return { kind: 'callback', url: target };
      const interaction = /^\/interaction\/([^/]+)$/.exec(target.pathname);
      const response = await this.jar.fetch(url, request);
      request = {};
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        url = new URL(location, url).href;
        continue;
      }
      const text = await response.text();
      if (interaction?.[1] && response.status === 200) return { kind: 'interaction', uid: interaction[1], url };
      const form = response.status === 200 ? formFields(text) : undefined;
      if (form && new URL(form.action, url).origin === new URL(this.issuer).origin) {
        url = new URL(form.action, url).href;
        request = {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form.fields).toString(),
        };
        continue;
      }
      return { kind: 'page', status: response.status, url, text };
    }
    throw new Error('too many redirects');
  }

  /** Navigates and expects to land on an interaction page. */
  async toInteraction(start: string | URL): Promise<string> {
    const landing = await this.navigate(start);
    if (landing.kind !== 'interaction')
      throw new Error(`expected an interaction, got ${JSON.stringify(landing).slice(0, 500)}`);
    return landing.uid;
  }

  /** Navigates and expects to land on the client's callback. */
  async toCallback(start: string | URL): Promise<URL> {
    const landing = await this.navigate(start);
    if (landing.kind !== 'callback')
      throw new Error(`expected the callback, got ${JSON.stringify(landing).slice(0, 500)}`);
    return landing.url;
  }

  /**
   * Calls a kit endpoint the way the kit's client does (`fetch`, JSON). A string `body` is sent
   * verbatim (still declared JSON unless `init.headers` says otherwise).
   */
  async kit(uid: string, endpoint: string, body?: unknown, init: RequestInit = {}): Promise<KitReply> {
    const post = endpoint !== 'details';
    const headers = new Headers(init.headers);
    // Like the kit's client: every POST is JSON, `{}` for the steps without fields.
    const sent = post ? (body ?? {}) : body;
    if (sent !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const response = await this.jar.fetch(new URL(`/interaction/${uid}/${endpoint}`, this.issuer), {
      method: post ? 'POST' : 'GET',
      ...(sent !== undefined ? { body: typeof sent === 'string' ? sent : JSON.stringify(sent) } : {}),
      ...init,
      headers,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed, text };
  }

  /** Signs in at an interaction and follows the resulting redirect. */
  async signIn(uid: string, identifier: string, password: string): Promise<Landing> {
    const reply = await this.kit(uid, 'login', { identifier, password });
    if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${reply.text}`);
    return this.navigate(reply.body.redirectTo);
  }
}

const ALICE = ['alice@demo.test', 'alice-password'] as const;

/**
 * Starts an authorization request for `config`'s client and signs `user` (default alice) in;
 * returns the request, the consent interaction's uid and the sign-in interaction's.
 */
export async function signedInAtConsent(
  browser: Browser,
  config: oidc.Configuration,
  params: Record<string, string | string[]>,
  [identifier, password]: readonly [string, string] = ALICE,
) {
  const request = await authorizationRequest(config, params);
  const loginUid = await browser.toInteraction(request.url);
  const landing = await browser.signIn(loginUid, identifier, password);
  if (landing.kind !== 'interaction') throw new Error(`expected consent, got ${landing.kind}`);
  return { request, uid: landing.uid, loginUid };
}
