/**
 * The `supabase` adapter: the consent page of Supabase Auth's OAuth 2.1 server.
 *
 * - `GET <url>/oauth/authorizations/<id>`: the request (client, user, `scope`,
 *   `redirect_uri`), or `{ redirect_url }` when the user already consented;
 * - `POST <url>/oauth/authorizations/<id>/consent` with `{ action: 'approve' | 'deny' }`,
 *   answered `{ redirect_url }`, which the browser follows.
 *
 * Every call carries the signed-in user's access token (`authorization: Bearer …`) and the
 * project's publishable key (`apikey`). Signing in is the host's own Supabase sign-in page, so
 * `signIn` and `switchAccount` reject with `invalid_request`; Supabase grants the requested
 * scopes as a whole, so every scope is `required`.
 *
 * When the user already consented, Supabase answers the GET with `{ redirect_url }`: `load()`
 * then rejects with {@link SupabaseAlreadyDecided}, whose `redirect` the kit's screens follow
 * (a host's own UI follows `error.redirect` likewise).
 *
 * @packageDocumentation
 */
import { InteractionError, type InteractionErrorCode } from '../../protocol/errors.js';
import type { ClientInfo, ConsentStep, LoginStep, Redirect, ScopeItem } from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { assertObject, assertString, isObject } from '../assert.js';
import type { InteractionAdapter, Transport, TransportResponse } from '../types.js';
import { isOk, nullableString, providerError, redirectTo, splitScopes, stringField, unsupported } from './shared.js';

/** `GET /oauth/authorizations/{id}` when consent is needed (Supabase's `OAuthAuthorizationDetails`). */
export interface SupabaseAuthorizationDetails {
  authorization_id: string;
  redirect_uri: string;
  client: { id: string; name: string; uri: string; logo_uri: string };
  user: { id: string; email: string };
  scope: string;
}

/** `{ redirect_url }`: the answer to a decision, or to a request already consented (`OAuthRedirect`). */
export interface SupabaseRedirect {
  redirect_url: string;
}

/** `POST /oauth/authorizations/{id}/consent` body. */
export interface SupabaseConsentPayload {
  action: 'approve' | 'deny';
}

/** Supabase Auth's error body (`{ code, error_code, msg }`, or OAuth's `{ error, error_description }`). */
export interface SupabaseErrorBody {
  code?: number | string;
  error_code?: string;
  msg?: string;
  message?: string;
  error?: string;
  error_description?: string;
}

/** Options of {@link supabaseAdapter}. */
export interface SupabaseAdapterOptions {
  /** The Auth URL, e.g. `https://<project>.supabase.co/auth/v1`. */
  url: string;
  /** The `authorization_id` query parameter of the consent page. */
  authorizationId: string;
  /** The project's publishable (anon) key, sent as `apikey`. */
  apiKey: string;
  /**
   * The signed-in user's access token, e.g. from `supabase.auth.getSession()`. Called before
   * every request; without a token the call rejects with `interaction_expired`.
   */
  accessToken: () => string | null | undefined | Promise<string | null | undefined>;
  /** The request's `ui_locales`, most preferred first. */
  uiLocales?: string[];
}

/**
 * Rejection of `load()` when Supabase answers `{ redirect_url }` because the user already
 * consented: code `interaction_expired` (this consent page has nothing left to decide), and
 * `redirect` holds where the browser must go (the client's redirect URI with the code).
 */
export class SupabaseAlreadyDecided extends InteractionError {
  /** Where the browser must go: the client's redirect URI with the code. */
  declare readonly redirect: Redirect;
  constructor(redirect: Redirect) {
    super('interaction_expired', 'Supabase already decided this authorization request', { redirect });
    this.name = 'SupabaseAlreadyDecided';
  }
}

const SUPABASE_CODES: Record<string, InteractionErrorCode> = {
  session_not_found: 'interaction_expired',
  session_expired: 'interaction_expired',
  bad_jwt: 'interaction_expired',
  no_authorization: 'interaction_expired',
  not_found: 'interaction_expired',
  oauth_authorization_not_found: 'interaction_expired',
  oauth_authorization_expired: 'interaction_expired',
  validation_failed: 'invalid_request',
  bad_json: 'invalid_request',
  invalid_request: 'invalid_request',
  access_denied: 'access_denied',
  user_banned: 'access_denied',
  oauth_server_disabled: 'server_error',
};

function readSupabaseError(body: unknown) {
  const error = stringField(body, 'error_code') ?? stringField(body, 'error');
  const description =
    stringField(body, 'msg') ?? stringField(body, 'message') ?? stringField(body, 'error_description');
  return { ...(error !== undefined && { error }), ...(description !== undefined && { description }) };
}

function ok(response: TransportResponse): unknown {
  if (isOk(response)) return response.body;
  throw providerError(
    response,
    readSupabaseError,
    (error, status) => {
      if (error !== undefined && Object.hasOwn(SUPABASE_CODES, error)) return SUPABASE_CODES[error];
      if (status === 401) return 'interaction_expired';
      return undefined;
    },
    'Supabase Auth',
  );
}

/**
 * Creates the adapter for Supabase Auth's OAuth consent API.
 *
 * @throws TypeError on invalid options
 */
export function supabaseAdapter(options: SupabaseAdapterOptions): InteractionAdapter {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const { url, authorizationId, apiKey, accessToken, uiLocales = [] } = options;
  if (typeof url !== 'string' || safeHttpUrl(url) === undefined)
    throw new TypeError('"options.url" must be an http(s) URL');
  if (typeof authorizationId !== 'string' || authorizationId === '') {
    throw new TypeError('"options.authorizationId" must be a non-empty string');
  }
  if (typeof apiKey !== 'string' || apiKey === '') throw new TypeError('"options.apiKey" must be a non-empty string');
  if (typeof accessToken !== 'function') throw new TypeError('"options.accessToken" must be a function');
  const endpoint = `${url.replace(/\/+$/, '')}/oauth/authorizations/${encodeURIComponent(authorizationId)}`;

  async function headers(): Promise<Record<string, string>> {
    const token = await accessToken();
    if (typeof token !== 'string' || token === '') {
      throw new InteractionError('interaction_expired', 'no Supabase session: sign in first');
    }
    return { authorization: `Bearer ${token}`, apikey: apiKey };
  }

  async function decide(transport: Transport, action: SupabaseConsentPayload['action']): Promise<Redirect> {
    const body: SupabaseConsentPayload = { action };
    const response = await transport({ method: 'POST', url: `${endpoint}/consent`, body, headers: await headers() });
    const answer = ok(response);
    assertObject(answer, 'response');
    return redirectTo(answer.redirect_url, 'response.redirect_url');
  }

  return {
    name: 'supabase',

    async load(transport): Promise<ConsentStep> {
      const response = await transport({ method: 'GET', url: endpoint, headers: await headers() });
      const body = ok(response);
      if (isObject(body) && body.authorization_id === undefined && body.redirect_url !== undefined) {
        throw new SupabaseAlreadyDecided(redirectTo(body.redirect_url, 'response.redirect_url'));
      }
      return parseSupabaseAuthorization(body, uiLocales);
    },

    signIn(): Promise<Redirect> {
      return Promise.reject(
        new InteractionError('invalid_request', 'the supabase adapter does not sign in: use supabase.auth'),
      );
    },

    consent(transport): Promise<Redirect> {
      return decide(transport, 'approve');
    },

    deny(transport): Promise<Redirect> {
      return decide(transport, 'deny');
    },

    async switchAccount(): Promise<LoginStep> {
      return unsupported('supabase', 'switching accounts');
    },
  };
}

/** Maps Supabase's `OAuthAuthorizationDetails` into the kit's consent step (validating it). */
function parseSupabaseAuthorization(body: unknown, uiLocales: readonly string[]): ConsentStep {
  assertObject(body, 'response');
  const { authorization_id: id, redirect_uri: redirectUri, client, user, scope } = body;
  assertString(id, 'response.authorization_id');
  assertString(scope, 'response.scope', true);
  assertObject(client, 'response.client');
  assertString(client.id, 'response.client.id');
  assertString(client.name, 'response.client.name', true);
  const info: ClientInfo = { id: client.id, name: client.name || client.id, party: 'third', verified: false };
  const logo = nullableString(client.logo_uri, 'response.client.logo_uri');
  if (logo !== undefined) info.logo = { light: logo };
  const homepage = nullableString(client.uri, 'response.client.uri');
  if (homepage !== undefined) info.homepage = homepage;
  const redirect = nullableString(redirectUri, 'response.redirect_uri');
  if (redirect !== undefined) info.redirectUri = redirect;
  assertObject(user, 'response.user');
  assertString(user.id, 'response.user.id');
  const email = nullableString(user.email, 'response.user.email');
  const profileScopes = splitScopes(scope).map((name): ScopeItem => ({ name, required: true }));
  return {
    kind: 'consent',
    uid: id,
    client: info,
    uiLocales: [...uiLocales],
    user: email === undefined ? { id: user.id } : { id: user.id, email },
    consent: { profileScopes, resources: [], claims: [], withheld: [], rememberable: false },
  };
}
