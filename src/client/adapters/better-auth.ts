/**
 * The `better-auth` adapter: the sign-in and consent pages of Better Auth's OAuth 2.1 provider
 * plugin (`@better-auth/oauth-provider`), which sends the browser to its `loginPage` and
 * `consentPage` with the signed authorization query (`…&exp=…&sig=…`).
 *
 * - sign-in: `POST <baseUrl>/sign-in/email` with `{ email, password, oauth_query }`; the plugin
 *   continues the authorization and answers `{ redirect: true, url }`;
 * - consent: `GET <baseUrl>/get-session` (the user), `GET <baseUrl>/oauth2/public-client`
 *   (the client), the scopes from the signed query, and `POST <baseUrl>/oauth2/consent` with
 *   `{ accept, scope, oauth_query }` — the user may untick any scope but `openid`;
 * - switch account: `POST <baseUrl>/sign-out`, then the sign-in step.
 *
 * Better Auth always stores an accepted consent, so the screen offers no "remember" choice.
 *
 * @packageDocumentation
 */
import { InteractionError, type InteractionErrorCode } from '../../protocol/errors.js';
import type {
  ClientInfo,
  ConsentStep,
  InteractionStep,
  LoginStep,
  Redirect,
  ScopeItem,
  UserInfo,
} from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { assertObject, assertString, isObject } from '../assert.js';
import type { InteractionAdapter, Transport, TransportResponse } from '../types.js';
import { isOk, nullableString, providerError, splitScopes, stringField } from './shared.js';

/** `POST /sign-in/email` body, with the plugin's `oauth_query`. */
export interface BetterAuthSignInPayload {
  email: string;
  password: string;
  oauth_query: string;
}

/** `POST /oauth2/consent` body. */
export interface BetterAuthConsentPayload {
  accept: boolean;
  scope?: string;
  oauth_query: string;
}

/** The plugin's answer when it sends the browser on: `{ redirect: true, url }`. */
export interface BetterAuthRedirect {
  redirect: boolean;
  url: string;
}

/** `GET /oauth2/public-client` (and the pre-login variant): the client's public metadata. */
export interface BetterAuthPublicClient {
  client_id: string;
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
  tos_uri?: string;
  policy_uri?: string;
}

/** `GET /get-session`: `null` when signed out. */
export interface BetterAuthSession {
  session: { id: string; userId: string };
  user: { id: string; name: string; email: string; image?: string | null };
}

/** Options of {@link betterAuthAdapter}. */
export interface BetterAuthAdapterOptions {
  /** Where Better Auth is mounted. Default `/api/auth`. */
  baseUrl?: string;
  /** The page's query string as the plugin sent it (`location.search`), signature included. */
  query: string;
  /** Allow `POST /oauth2/public-client-prelogin` to name the client on the sign-in step. Default `true`. */
  prelogin?: boolean;
}

const BETTER_AUTH_CODES: Record<string, InteractionErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'invalid_credentials',
  INVALID_EMAIL: 'invalid_credentials',
  INVALID_PASSWORD: 'invalid_credentials',
  EMAIL_NOT_VERIFIED: 'access_denied',
  UNAUTHORIZED: 'interaction_expired',
  MISSING_OR_NULL_ORIGIN: 'access_denied',
  INVALID_ORIGIN: 'access_denied',
  invalid_signature: 'interaction_expired',
  invalid_client: 'invalid_request',
  invalid_request: 'invalid_request',
  invalid_scope: 'invalid_scope',
  access_denied: 'access_denied',
  login_required: 'interaction_expired',
};

/** Better Auth answers `{ code, message }`; the plugin's own endpoints `{ error, error_description }`. */
function readBetterAuthError(body: unknown) {
  const error = stringField(body, 'error') ?? stringField(body, 'code');
  const description = stringField(body, 'error_description') ?? stringField(body, 'message');
  return { ...(error !== undefined && { error }), ...(description !== undefined && { description }) };
}

function ok(response: TransportResponse): unknown {
  if (isOk(response)) return response.body;
  throw providerError(
    response,
    readBetterAuthError,
    (error, status) => {
      if (error === 'invalid_request' && status === 400) {
        const description = stringField(response.body, 'error_description') ?? '';
        if (/scope/i.test(description)) return 'invalid_scope';
      }
      if (error !== undefined && Object.hasOwn(BETTER_AUTH_CODES, error)) return BETTER_AUTH_CODES[error];
      return undefined;
    },
    'Better Auth',
  );
}

/**
 * Creates the adapter for Better Auth's OAuth provider plugin.
 *
 * @throws TypeError when the query carries no `client_id` or `sig`, or `baseUrl` is not http(s)
 */
export function betterAuthAdapter(options: BetterAuthAdapterOptions): InteractionAdapter {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const { baseUrl = '/api/auth', query, prelogin = true } = options;
  if (
    typeof baseUrl !== 'string' ||
    baseUrl === '' ||
    (/^[a-z][a-z0-9+.-]*:/i.test(baseUrl) && !safeHttpUrl(baseUrl))
  ) {
    throw new TypeError('"options.baseUrl" must be an http(s) URL or a path');
  }
  if (typeof query !== 'string') throw new TypeError('"options.query" must be the page\'s query string');
  const oauthQuery = query.replace(/^\?/, '');
  const params = new URLSearchParams(oauthQuery);
  const clientId = params.get('client_id');
  if (!clientId || !params.get('sig')) throw new TypeError('"options.query" must be the signed query the plugin sent');
  const base = baseUrl.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const uiLocales = splitScopes(params.get('ui_locales') ?? '');
  const requested = splitScopes(params.get('scope') ?? '');
  const loginHint = params.get('login_hint') ?? undefined;

  /** Resolves the plugin's (often relative) `url` against the page, else against `baseUrl`. */
  function redirectFrom(body: unknown): Redirect {
    assertObject(body, 'response');
    const target = body.url ?? body.redirect_uri;
    assertString(target, 'response.url');
    const page = (globalThis as { location?: { href?: unknown } }).location?.href;
    const against = typeof page === 'string' && page !== '' ? page : safeHttpUrl(base);
    const to = safeHttpUrl(target, against);
    if (to === undefined) throw new InteractionError('unsafe_redirect', 'response.url must be an http(s) URL');
    return { to };
  }

  async function publicClient(transport: Transport, signedIn: boolean): Promise<ClientInfo> {
    let response: TransportResponse;
    if (signedIn) {
      response = await transport({
        method: 'GET',
        url: url(`/oauth2/public-client?client_id=${encodeURIComponent(clientId!)}`),
      });
    } else {
      if (!prelogin) return { id: clientId!, name: clientId!, party: 'third', verified: false };
      response = await transport({
        method: 'POST',
        url: url('/oauth2/public-client-prelogin'),
        body: { client_id: clientId, oauth_query: oauthQuery },
      });
      // Pre-login lookups are off unless the host enables `allowPublicClientPrelogin`.
      if (response.status === 400 || response.status === 401) {
        return { id: clientId!, name: clientId!, party: 'third', verified: false };
      }
    }
    return parseBetterAuthClient(ok(response), params.get('redirect_uri') ?? undefined);
  }

  async function session(transport: Transport): Promise<UserInfo | undefined> {
    const body = ok(await transport({ method: 'GET', url: url('/get-session') }));
    if (body === null || body === undefined) return undefined;
    return parseBetterAuthUser(body);
  }

  async function loginStep(transport: Transport, withHint: boolean): Promise<LoginStep> {
    const step: LoginStep = {
      kind: 'login',
      uid: params.get('sig')!,
      client: await publicClient(transport, false),
      uiLocales: [...uiLocales],
      login: { identifiers: ['email'], password: true },
    };
    if (withHint && loginHint) step.login.loginHint = loginHint;
    return step;
  }

  return {
    name: 'better-auth',

    async load(transport): Promise<InteractionStep> {
      const user = await session(transport);
      if (!user) return loginStep(transport, true);
      const client = await publicClient(transport, true);
      const profileScopes = requested.map((name): ScopeItem => ({ name, required: name === 'openid' }));
      const step: ConsentStep = {
        kind: 'consent',
        uid: params.get('sig')!,
        client,
        uiLocales: [...uiLocales],
        user,
        consent: { profileScopes, resources: [], claims: [], withheld: [], rememberable: false },
      };
      return step;
    },

    async signIn(transport, submission): Promise<Redirect> {
      const body: BetterAuthSignInPayload = {
        email: submission.identifier.trim(),
        password: submission.password,
        oauth_query: oauthQuery,
      };
      return redirectFrom(ok(await transport({ method: 'POST', url: url('/sign-in/email'), body })));
    },

    async consent(transport, decision): Promise<Redirect> {
      const granted = [...decision.profileScopes, ...Object.values(decision.resources).flat()];
      const unknown = granted.filter((scope) => !requested.includes(scope));
      if (unknown.length > 0) {
        throw new InteractionError('invalid_scope', `scopes not requested: ${unknown.join(' ')}`);
      }
      const scope = requested.filter((name) => granted.includes(name) || name === 'openid').join(' ');
      const body: BetterAuthConsentPayload = { accept: true, scope, oauth_query: oauthQuery };
      return redirectFrom(ok(await transport({ method: 'POST', url: url('/oauth2/consent'), body })));
    },

    async deny(transport): Promise<Redirect> {
      const body: BetterAuthConsentPayload = { accept: false, oauth_query: oauthQuery };
      return redirectFrom(ok(await transport({ method: 'POST', url: url('/oauth2/consent'), body })));
    },

    async switchAccount(transport): Promise<LoginStep> {
      ok(await transport({ method: 'POST', url: url('/sign-out'), body: {} }));
      return loginStep(transport, false);
    },
  };
}

/** Maps the plugin's public client metadata into {@link ClientInfo} (validating it). */
function parseBetterAuthClient(body: unknown, redirectUri?: string): ClientInfo {
  assertObject(body, 'response');
  assertString(body.client_id, 'response.client_id');
  const name = nullableString(body.client_name, 'response.client_name');
  const client: ClientInfo = { id: body.client_id, name: name ?? body.client_id, party: 'third', verified: false };
  const logo = nullableString(body.logo_uri, 'response.logo_uri');
  if (logo !== undefined) client.logo = { light: logo };
  const homepage = nullableString(body.client_uri, 'response.client_uri');
  if (homepage !== undefined) client.homepage = homepage;
  const policy = nullableString(body.policy_uri, 'response.policy_uri');
  if (policy !== undefined) client.policyUrl = policy;
  const terms = nullableString(body.tos_uri, 'response.tos_uri');
  if (terms !== undefined) client.termsUrl = terms;
  if (redirectUri) client.redirectUri = redirectUri;
  return client;
}

/** Maps `GET /get-session`'s user into {@link UserInfo} (validating it). */
function parseBetterAuthUser(body: unknown): UserInfo {
  assertObject(body, 'response');
  assertObject(body.user, 'response.user');
  const { id, name, email, image } = body.user;
  assertString(id, 'response.user.id');
  const user: UserInfo = { id };
  const displayName = nullableString(name, 'response.user.name');
  if (displayName !== undefined) user.displayName = displayName;
  const mail = nullableString(email, 'response.user.email');
  if (mail !== undefined) user.email = mail;
  const avatar = nullableString(image, 'response.user.image');
  if (avatar !== undefined) user.avatar = avatar;
  return user;
}
