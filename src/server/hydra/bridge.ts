/**
 * The Ory Hydra bridge: serves the kit protocol (see `protocol/kit.ts`) for Hydra's login and
 * consent flow, calling Hydra's **admin** API from the server only. The browser talks to the
 * bridge; the admin URL, the challenges' internals and Hydra's errors never reach it.
 *
 * Routes, on the host's origin (`prefix` defaults to `/interaction`):
 *
 * | kit endpoint                                   | Hydra admin call                                     |
 * |------------------------------------------------|------------------------------------------------------|
 * | `GET  <prefix>/login/<challenge>/details`      | `GET  /admin/oauth2/auth/requests/login`             |
 * | `POST <prefix>/login/<challenge>/login`        | `PUT  …/login/accept` (after `authenticate`)         |
 * | `POST <prefix>/login/<challenge>/abort`        | `PUT  …/login/reject` (`access_denied`)              |
 * | `POST <prefix>/login/<challenge>/switch-account` | – (the sign-in step again, without the hint)       |
 * | `GET  <prefix>/consent/<challenge>/details`    | `GET  /admin/oauth2/auth/requests/consent`           |
 * | `POST <prefix>/consent/<challenge>/consent`    | `PUT  …/consent/accept` (`grant_scope`, audiences, `remember`) |
 * | `POST <prefix>/consent/<challenge>/abort`      | `PUT  …/consent/reject` (`access_denied`)            |
 *
 * The host's sign-in page (Hydra's `urls.login`, e.g. `/login?login_challenge=…`) builds
 * `kitAdapter({ baseUrl: '/interaction/login/' + challenge })`; the consent page likewise with
 * `consent`. Before rendering either page, the host calls {@link HydraBridge.skip}: when Hydra
 * says the request may be skipped, it is accepted at once and the page redirects instead.
 *
 * A challenge used already (a second tab, a Retry after a lost answer) never ends in a Retry
 * that cannot succeed: Hydra answers accept and reject with `409`, the bridge asks for the
 * request again and answers the POST with the `redirect_to` of Hydra's `410` (its original
 * authorization URL, which continues the flow); `details` answers `410 interaction_expired`
 * carrying it as `redirectTo`.
 *
 * Hydra scopes are flat; audiences (`requested_access_token_audience`) become the kit's API
 * resources: each non-OpenID scope is offered under every requested audience for which
 * `getPermissions` says the user holds it. Without audiences, every scope is a profile scope, and
 * a non-OpenID one is offered only when `getPermissions` lists it under some audience.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientInfo, ConsentStep, LoginStep, UserInfo } from '../../protocol/interaction.js';
import { KIT_ENDPOINTS, type KitRedirectResponse } from '../../protocol/kit.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { computeConsentOffer, planConsent, type ConsentOffer, type GrantPlan } from '../core/consent-offer.js';
import { KitHttpError } from '../core/http.js';
import { unique, type PermissionMap, type ResourceDescription } from '../core/rbac.js';
import { createKitRouter, escapeRegExp, type KitCall } from '../core/router.js';
import {
  createSignInFlow,
  isSignInEndpoint,
  type SignInBridgeOptions,
  type SignInInteraction,
} from '../core/sign-in.js';
import { clientInfo as buildClientInfo, pickUser, stringList as strings } from '../core/steps.js';
import type { KitStore } from '../core/store.js';
import { createMemoryStore } from '../stores/memory.js';

/** The OpenID Connect scopes Hydra knows; every other requested scope is an API scope. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'phone', 'address', 'offline_access', 'offline']);

/** Hydra's OAuth 2.0 client, as the admin API describes it (the fields the bridge reads). */
export interface HydraClient {
  client_id?: string;
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
  policy_uri?: string;
  tos_uri?: string;
  metadata?: object;
}

/** Hydra's OpenID Connect context of a request. */
export interface HydraOidcContext {
  ui_locales?: string[];
  login_hint?: string;
}

/** `GET /admin/oauth2/auth/requests/login` (Hydra's `OAuth2LoginRequest`). */
export interface HydraLoginRequest {
  challenge: string;
  client: HydraClient;
  oidc_context?: HydraOidcContext;
  request_url: string;
  requested_access_token_audience?: string[];
  requested_scope?: string[];
  session_id?: string;
  skip: boolean;
  subject: string;
}

/** `GET /admin/oauth2/auth/requests/consent` (Hydra's `OAuth2ConsentRequest`). */
export interface HydraConsentRequest {
  challenge: string;
  client?: HydraClient;
  oidc_context?: HydraOidcContext;
  request_url?: string;
  requested_access_token_audience?: string[];
  requested_scope?: string[];
  skip?: boolean;
  subject?: string;
}

/** `PUT …/login/accept` body (Hydra's `AcceptOAuth2LoginRequest`, the fields the bridge sends). */
export interface HydraAcceptLogin {
  subject: string;
  remember?: boolean;
  remember_for?: number;
}

/** `PUT …/consent/accept` body (Hydra's `AcceptOAuth2ConsentRequest`). */
export interface HydraAcceptConsent {
  grant_scope: string[];
  grant_access_token_audience: string[];
  remember: boolean;
  remember_for?: number;
  session?: { access_token?: object; id_token?: object };
}

/** `PUT …/reject` body (Hydra's `RejectOAuth2Request`). */
export interface HydraReject {
  error: string;
  error_description?: string;
  status_code?: number;
}

/** Hydra's `{ redirect_to }` answer to accept and reject calls. */
export interface HydraRedirect {
  redirect_to: string;
}

/**
 * Options of {@link createHydraBridge}. The sign-in options (`sendCode` / `verifyCode`,
 * `connectors`, `resolveAccount`, `attemptLimit`, `links`, …) are the oidc-provider bridge's:
 * the account ids they deal in are Hydra subjects. "Continue as" is Hydra's own `skip` (see
 * {@link HydraBridge.skip}), so the step never offers it.
 */
export interface HydraBridgeOptions extends SignInBridgeOptions {
  /** Hydra's admin API base URL, e.g. `http://127.0.0.1:4445`. Server-side only. */
  adminUrl: string;
  /** Extra headers for admin calls (e.g. an API key for Ory Network). */
  adminHeaders?: Record<string, string>;
  /** The `fetch` used for admin calls. Default: the global one. */
  fetch?: typeof fetch;
  /** Checks a sign-in attempt: the Hydra `subject`, or `null` for wrong credentials. */
  authenticate(identifier: string, password: string): Promise<{ subject: string } | null>;
  /** The signed-in user for the consent screen. Only `UserInfo` fields are sent. */
  findUser(subject: string): Promise<UserInfo>;
  /**
   * The API scopes the user holds per audience. Default: every requested scope under every
   * requested audience (no RBAC).
   */
  getPermissions?(subject: string): Promise<PermissionMap>;
  /** Display name and scope descriptions of an audience. */
  describeResource?(audience: string): ResourceDescription | undefined | Promise<ResourceDescription | undefined>;
  /** Whether a client is first party and verified. Default: third party, unverified. */
  describeClient?(client: HydraClient): Partial<Pick<ClientInfo, 'party' | 'verified'>>;
  /** Claims for the tokens of an accepted consent (Hydra's `session`). */
  sessionClaims?(subject: string, grantedScopes: string[]): Promise<HydraAcceptConsent['session']>;
  /** Seconds Hydra remembers a remembered consent or login; 0 = forever (Hydra's default). */
  rememberFor?: number;
  /**
   * Whether the consent screen offers "Remember this decision" (Hydra's `remember`). Default
   * `true`. The same option as the oidc-provider bridge's.
   */
  rememberDecisions?: boolean;
  /** @deprecated Use {@link HydraBridgeOptions.rememberDecisions}; removed in a later release. */
  rememberable?: boolean;
  /**
   * Where the bridge keeps its state (sign-in codes' resend windows, connector sign-ins in
   * progress, failed-attempt counts and locks). Default: in memory; `createRedisStore(…)`
   * for several instances.
   */
  store?: KitStore;
  /** Path the kit endpoints live under; connectors come back to `<prefix>/callback`. Default `/interaction`. */
  prefix?: string;
  /** Request body limit in bytes. Default 16 KiB. */
  bodyLimit?: number;
  /** Called with unexpected errors (answered `500 server_error`). Default `console.error`. */
  onError?(error: unknown): void;
}

/** What {@link createHydraBridge} returns. */
export interface HydraBridge {
  /** Serves the kit endpoints; calls `next()` for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): Promise<void>;
  /**
   * For the host's page handler: when Hydra says the login (an existing session) or consent
   * (remembered) may be skipped, accepts it and resolves with where to redirect; otherwise
   * `undefined`, and the page renders the kit.
   *
   * A remembered consent is accepted only while `getPermissions` says the user still holds
   * what it grants (every requested API scope under some requested audience, something under
   * every requested audience); otherwise the screen is shown again, with what is no longer
   * held listed as withheld. A newly held scope needs no check: Hydra does not skip a request
   * for a scope it never granted, so the screen offers it. A challenge handled already (another
   * tab) resolves with the way on Hydra gives (its `410 redirect_to`).
   */
  skip(kind: 'login' | 'consent', challenge: string): Promise<string | undefined>;
}

/** An error answer of Hydra's admin API. */
export class HydraAdminError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super(`Hydra admin API answered HTTP ${status}`);
    this.name = 'HydraAdminError';
    this.status = status;
    this.body = body;
  }
}

const expired = () => new KitHttpError(404, 'interaction_expired', 'login or consent request not found or expired');

/** A Hydra route: which request, and its challenge. */
interface HydraRoute {
  kind: 'login' | 'consent';
  challenge: string;
}

/**
 * Creates the Hydra bridge.
 *
 * @throws TypeError when `adminUrl` is not an http(s) URL
 */
export function createHydraBridge(options: HydraBridgeOptions): HydraBridge {
  const adminUrl = safeHttpUrl(options.adminUrl);
  if (!adminUrl) throw new TypeError('"options.adminUrl" must be an http(s) URL');
  const admin = adminUrl.replace(/\/+$/, '');
  const prefix = (options.prefix ?? '/interaction').replace(/\/+$/, '');
  const route = new RegExp(`^${escapeRegExp(prefix)}/(login|consent)/([^/]+)/([a-z-]+)$`);
  const rememberable = options.rememberDecisions ?? options.rememberable ?? true;
  const onError = options.onError ?? ((error: unknown) => console.error('consent-kit hydra bridge:', error));
  const callbackPath = (challenge: string) => `${prefix}/login/${encodeURIComponent(challenge)}/connector-callback`;
  const signIn = createSignInFlow({
    ...options,
    async authenticate(identifier, password) {
      const account = await options.authenticate(identifier, password);
      return account ? { accountId: account.subject } : null;
    },
    prefix,
    callbackPath,
    onError,
    store: options.store ?? createMemoryStore(),
  });

  async function call<T>(method: 'GET' | 'PUT', path: string, challenge: string, body?: unknown): Promise<T> {
    const kind = path.startsWith('login') ? 'login_challenge' : 'consent_challenge';
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const response = await fetchImpl(
      `${admin}/admin/oauth2/auth/requests/${path}?${kind}=${encodeURIComponent(challenge)}`,
      {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...options.adminHeaders,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      },
    );
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = text;
    }
    if (!response.ok) {
      const cause = new HydraAdminError(response.status, parsed);
      // 410: the request was already handled, and Hydra answers where the browser goes on
      // (`{ redirect_to }`, its original authorization URL): an expired step that still has a way on.
      if (response.status === 410) {
        const to = redirectToOf(parsed);
        throw Object.assign(
          new KitHttpError(
            410,
            'interaction_expired',
            'login or consent request already handled',
            to ? { redirectTo: to } : {},
          ),
          { cause },
        );
      }
      // 409 to accept or reject: the challenge was used (another tab, or a retry after a lost
      // answer). Retrying cannot succeed; asking for the request again gets Hydra's 410 with
      // the way on, which the caller answers with.
      if (response.status === 409 && method === 'PUT') {
        await call('GET', path.split('/')[0]!, challenge);
        throw Object.assign(expired(), { cause });
      }
      // 404: unknown challenge; 400 with `invalid_request`: expired.
      if (response.status === 404 || response.status === 400 || response.status === 409)
        throw Object.assign(expired(), { cause });
      throw cause;
    }
    return parsed as T;
  }

  function redirectToOf(body: unknown): string | undefined {
    return typeof body === 'object' && body !== null ? safeHttpUrl((body as HydraRedirect).redirect_to) : undefined;
  }

  function redirect(body: unknown): KitRedirectResponse {
    const to = redirectToOf(body);
    if (!to) throw new Error('Hydra answered without an http(s) redirect_to');
    return { redirectTo: to };
  }

  function clientInfo(client: HydraClient | undefined, redirectUri: string | undefined): ClientInfo {
    const described = client ? (options.describeClient?.(client) ?? {}) : {};
    const id = client?.client_id ?? '';
    const registration = {
      id,
      name: client?.client_name,
      logoUri: client?.logo_uri,
      clientUri: client?.client_uri,
      policyUri: client?.policy_uri,
      tosUri: client?.tos_uri,
    };
    return buildClientInfo(
      registration,
      {
        ...(described.party !== undefined && { party: described.party }),
        ...(described.verified !== undefined && { verified: described.verified }),
      },
      redirectUri,
    );
  }

  function redirectUriOf(requestUrl: string | undefined): string | undefined {
    if (!requestUrl) return undefined;
    try {
      return new URL(requestUrl, 'http://hydra.invalid').searchParams.get('redirect_uri') ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** What a login and a consent step share: the challenge as uid, the client, the locales. */
  function stepBase(request: HydraLoginRequest | HydraConsentRequest): Pick<LoginStep, 'uid' | 'client' | 'uiLocales'> {
    const client = clientInfo(request.client, redirectUriOf(request.request_url));
    return { uid: request.challenge, client, uiLocales: strings(request.oidc_context?.ui_locales) };
  }

  /** The login request as the sign-in flow sees an interaction. */
  function signInInteraction(request: HydraLoginRequest): SignInInteraction {
    const params: Record<string, unknown> = { client_id: request.client?.client_id };
    if (request.oidc_context?.login_hint) params.login_hint = request.oidc_context.login_hint;
    if (request.oidc_context?.ui_locales) params.ui_locales = request.oidc_context.ui_locales.join(' ');
    // Hydra decides itself when a session may continue (`skip`); the kit's step never offers it.
    return { uid: request.challenge, prompt: { name: 'login', reasons: ['login_prompt'] }, params };
  }

  async function loginStep(request: HydraLoginRequest, withHint: boolean): Promise<LoginStep> {
    return {
      kind: 'login',
      ...stepBase(request),
      login: await signIn.loginRequest(signInInteraction(request), withHint),
    };
  }

  async function loginRequest(challenge: string): Promise<HydraLoginRequest> {
    const request = await call<HydraLoginRequest>('GET', 'login', challenge);
    if (!request || request.challenge !== challenge) throw expired();
    return request;
  }

  /** Accepts the login for `subject`: where the browser goes on. */
  async function acceptLogin(challenge: string, subject: string): Promise<KitRedirectResponse> {
    const accept: HydraAcceptLogin = { subject, remember: false };
    return redirect(await call('PUT', 'login/accept', challenge, accept));
  }

  async function offerFor(request: HydraConsentRequest, subject: string): Promise<ConsentOffer> {
    const requested = unique(strings(request.requested_scope));
    const audiences = unique(strings(request.requested_access_token_audience));
    const oidc = requested.filter((scope) => OIDC_SCOPES.has(scope));
    const api = requested.filter((scope) => !OIDC_SCOPES.has(scope));
    const missingResourceScopes: Record<string, string[]> = {};
    for (const audience of audiences) missingResourceScopes[audience] = api;
    let permissions: PermissionMap;
    if (options.getPermissions) permissions = await options.getPermissions(subject);
    else permissions = Object.fromEntries(audiences.map((audience) => [audience, api]));
    const resourceDescriptions: Record<string, ResourceDescription> = {};
    for (const audience of audiences) {
      const description = await options.describeResource?.(audience);
      if (description) resourceDescriptions[audience] = description;
    }
    // Without audiences, non-OpenID scopes are plain scopes of the client, shown as profile
    // scopes; Hydra still issues them in the token's `scope`, so with RBAC only those the user
    // holds under some audience are offered (an app must not dodge RBAC by leaving `audience` out).
    const heldAnywhere = new Set(Object.values(permissions ?? {}).flatMap((scopes) => strings(scopes)));
    const unheld =
      audiences.length === 0 && options.getPermissions ? api.filter((scope) => !heldAnywhere.has(scope)) : [];
    const offer = computeConsentOffer({
      missingOIDCScope: audiences.length > 0 ? oidc : requested.filter((scope) => !unheld.includes(scope)),
      grantedOIDCScope: [],
      missingOIDCClaims: [],
      missingResourceScopes,
      grantedResourceScopes: {},
      permissions: permissions ?? {},
      organizations: [],
      resourceDescriptions,
      rememberable,
    });
    for (const name of unheld) offer.request.withheld.push({ name });
    return offer;
  }

  async function consentRequest(challenge: string): Promise<HydraConsentRequest & { subject: string }> {
    const request = await call<HydraConsentRequest>('GET', 'consent', challenge);
    if (!request || typeof request.subject !== 'string' || request.subject === '') {
      throw new Error('Hydra consent request without a subject');
    }
    return request as HydraConsentRequest & { subject: string };
  }

  async function consentStep(challenge: string): Promise<ConsentStep> {
    const request = await consentRequest(challenge);
    const [user, offer] = await Promise.all([options.findUser(request.subject), offerFor(request, request.subject)]);
    return {
      kind: 'consent',
      ...stepBase(request),
      user: pickUser(user, request.subject),
      consent: offer.request,
    };
  }

  /** Hydra's accept body for a validated plan (without `session`). */
  function acceptFor(request: HydraConsentRequest, plan: GrantPlan): HydraAcceptConsent {
    const audiences = unique(strings(request.requested_access_token_audience));
    const grantedApi = plan.resources.flatMap((resource) => resource.grant);
    const grantScope = unique([...plan.oidc.grant, ...grantedApi]);
    // An audience is granted when the user granted one of its scopes, or when none was asked for it.
    const apiRequested = strings(request.requested_scope).some((scope) => !OIDC_SCOPES.has(scope));
    const grantAudience = audiences.filter(
      (audience) =>
        !apiRequested ||
        plan.resources.some((resource) => resource.indicator === audience && resource.grant.length > 0),
    );
    const accept: HydraAcceptConsent = {
      grant_scope: grantScope,
      grant_access_token_audience: grantAudience,
      remember: plan.remember,
    };
    if (plan.remember && options.rememberFor !== undefined) accept.remember_for = options.rememberFor;
    return accept;
  }

  async function withSession(accept: HydraAcceptConsent, subject: string): Promise<HydraAcceptConsent> {
    const session = await options.sessionClaims?.(subject, accept.grant_scope);
    return session ? { ...accept, session } : accept;
  }

  async function decideConsent(challenge: string, body: unknown): Promise<KitRedirectResponse> {
    const request = await consentRequest(challenge);
    const offer = await offerFor(request, request.subject);
    const outcome = planConsent(offer, body);
    if (!outcome.ok) throw new KitHttpError(400, outcome.error, outcome.description);
    const accept = await withSession(acceptFor(request, outcome.plan), request.subject);
    return redirect(await call('PUT', 'consent/accept', challenge, accept));
  }

  /** The answer to one kit call; the router does methods, bodies and errors. */
  async function answer({ req, route, endpoint, body }: KitCall<HydraRoute>): Promise<unknown> {
    const { kind, challenge } = route;
    switch (endpoint) {
      case KIT_ENDPOINTS.details:
        return kind === 'login' ? loginStep(await loginRequest(challenge), true) : consentStep(challenge);
      case KIT_ENDPOINTS.consent:
        if (kind !== 'consent') throw new KitHttpError(400, 'invalid_request', 'no consent expected at this step');
        return decideConsent(challenge, body);
      case KIT_ENDPOINTS.deny: {
        const reject: HydraReject = {
          error: 'access_denied',
          error_description: 'The resource owner denied the request',
        };
        return redirect(await call('PUT', `${kind}/reject`, challenge, reject));
      }
      case KIT_ENDPOINTS.switchAccount:
        // Switching accounts at consent needs a new login request: the app must restart the
        // authorization (with prompt=login). At sign-in it is the same step again.
        if (kind !== 'login')
          throw new KitHttpError(400, 'invalid_request', 'switch accounts by restarting the authorization');
        return loginStep(await loginRequest(challenge), false);
      default: {
        if (!isSignInEndpoint(endpoint) || kind !== 'login')
          throw new KitHttpError(400, 'invalid_request', 'no sign-in expected at this step');
        const interaction = signInInteraction(await loginRequest(challenge));
        return signIn.answer(endpoint, body, interaction, req, (subject) => acceptLogin(challenge, subject));
      }
    }
  }

  const handle = createKitRouter<HydraRoute>({
    match(pathname) {
      const match = route.exec(pathname);
      const challenge = match?.[2] ? safeDecode(match[2]) : undefined;
      return match && challenge
        ? { route: { kind: match[1] as 'login' | 'consent', challenge }, endpoint: match[3]! }
        : undefined;
    },
    answer,
    bodyLimit: options.bodyLimit,
    onError,
    before(req, res, pathname) {
      if (signIn.bounce(req, res, pathname)) return true;
      const match = route.exec(pathname);
      const challenge = match?.[2] ? safeDecode(match[2]) : undefined;
      if (match?.[1] !== 'login' || !challenge || match[3] !== 'connector-callback' || req.method !== 'GET')
        return false;
      return signIn
        .connectorCallback(
          req,
          res,
          async () => signInInteraction(await loginRequest(challenge)),
          async (subject) => (await acceptLogin(challenge, subject)).redirectTo,
          `${prefix}/login/${encodeURIComponent(challenge)}`,
        )
        .then(() => true);
    },
  });

  /**
   * A remembered consent is accepted only while the user still holds what it grants: every
   * requested API scope under at least one requested audience, and something under every
   * requested audience (what Hydra's own model can express). Otherwise the screen is shown
   * again, with what is no longer held listed as withheld.
   */
  async function skipConsent(challenge: string): Promise<string | undefined> {
    const request = await call<HydraConsentRequest>('GET', 'consent', challenge);
    if (!request.skip) return undefined;
    if (typeof request.subject !== 'string' || request.subject === '') return undefined;
    const offer = await offerFor(request, request.subject);
    const everything = {
      profileScopes: offer.profileScopes,
      resources: Object.fromEntries(offer.resources.map((resource) => [resource.indicator, resource.offered])),
      organizationIds: [],
      remember: true,
    };
    const outcome = planConsent(offer, everything);
    if (!outcome.ok) return undefined;
    const accept = acceptFor(request, outcome.plan);
    const requestedScope = unique(strings(request.requested_scope));
    const requestedAudience = unique(strings(request.requested_access_token_audience));
    if (
      accept.grant_scope.length < requestedScope.length ||
      accept.grant_access_token_audience.length < requestedAudience.length
    ) {
      return undefined;
    }
    return redirect(await call('PUT', 'consent/accept', challenge, await withSession(accept, request.subject)))
      .redirectTo;
  }

  async function skip(kind: 'login' | 'consent', challenge: string): Promise<string | undefined> {
    try {
      if (kind === 'consent') return await skipConsent(challenge);
      const request = await call<HydraLoginRequest>('GET', 'login', challenge);
      if (!request.skip) return undefined;
      const accept: HydraAcceptLogin = { subject: request.subject };
      return redirect(await call('PUT', 'login/accept', challenge, accept)).redirectTo;
    } catch (error) {
      // Handled already: go where Hydra says rather than render a dead screen.
      if (error instanceof KitHttpError && error.redirectTo) return error.redirectTo;
      throw error;
    }
  }

  return { handle, skip };
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
