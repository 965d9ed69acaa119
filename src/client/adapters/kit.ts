/**
 * The `kit` adapter: speaks the kit protocol (see `src/protocol/kit.ts`) served by
 * consent-kit's own server bridges, and validates every answer into the domain types.
 *
 * @packageDocumentation
 */
import { InteractionError, isInteractionErrorCode } from '../../protocol/errors.js';
import type {
  ClaimItem,
  ClientInfo,
  CodeSent,
  Connector,
  ConsentDecision,
  ConsentRequest,
  ConsentStep,
  IdentifierKind,
  InteractionStep,
  LoginRequest,
  LoginStep,
  Logo,
  NativeForm,
  OrganizationContext,
  OrganizationOption,
  OrganizationRequest,
  Redirect,
  ResourceRequest,
  ScopeItem,
  SignInMethod,
  SignInMethods,
  SignInAttempt,
  UserInfo,
  WithheldScope,
} from '../../protocol/interaction.js';
import { KIT_ENDPOINTS } from '../../protocol/kit.js';
import { safeBranding } from '../../protocol/branding.js';
import { safeHttpUrl } from '../../protocol/url.js';
import {
  assertBoolean,
  assertObject,
  assertOneOf,
  assertOptionalBoolean,
  assertOptionalString,
  assertString,
  assertStringArray,
  isObject,
  parseArray,
} from '../assert.js';
import type { InteractionAdapter, Transport, TransportResponse } from '../types.js';
import { codeForStatus } from './shared.js';

/** Options of {@link kitAdapter}. */
export interface KitAdapterOptions {
  /**
   * The interaction's own URL, e.g. `/interaction/<uid>` or
   * `https://idp.example.com/interaction/<uid>`; the endpoint names of `KIT_ENDPOINTS` are
   * appended to it. Page-relative URLs are resolved by `fetch`.
   */
  baseUrl: string;
}

/** Identifier kinds the kit protocol knows. */
const IDENTIFIER_KINDS = ['email', 'username', 'phone'] as const satisfies readonly IdentifierKind[];

/**
 * The body of the steps that carry no fields (deny, continue, switch account). Every kit POST
 * is JSON, so a cross-origin page can only send one after a CORS preflight the bridges never
 * grant; a body-less POST would be a "simple" request that needs none.
 */
const NO_FIELDS = Object.freeze({});

/**
 * Creates the adapter for the kit protocol.
 *
 * Answers are validated at run time (failures reject with `invalid_response`, naming the path);
 * unknown fields are dropped and fresh objects returned. Error statuses reject with the body's
 * `error` when it is a documented {@link InteractionErrorCode}, otherwise by status: 404
 * `interaction_expired`, 401 `invalid_credentials`, 403 `access_denied`, 429
 * `too_many_attempts` (with `retryAfter` from the `Retry-After` header), other 4xx
 * `invalid_request`, 5xx and unexpected statuses `server_error`. Redirects must be `http(s)`
 * (relative ones are resolved against the page), else `unsafe_redirect`.
 *
 * @param options - the interaction's base URL
 * @throws TypeError when `baseUrl` is missing, empty or not an `http(s)` URL
 */
export function kitAdapter(options: KitAdapterOptions): InteractionAdapter {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const { baseUrl } = options;
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') {
    throw new TypeError('"options.baseUrl" must be a non-empty string');
  }
  if (isAbsoluteUrl(baseUrl) && safeHttpUrl(baseUrl) === undefined) {
    throw new TypeError('"options.baseUrl" must be an http(s) URL or a page-relative path');
  }
  const base = baseUrl.replace(/\/+$/, '');
  const url = (endpoint: string) => `${base}/${endpoint}`;

  return {
    name: 'kit',

    async load(transport: Transport): Promise<InteractionStep> {
      const response = await transport({ method: 'GET', url: url(KIT_ENDPOINTS.details) });
      return parseInteractionStep(ok(response), 'step');
    },

    async signIn(transport, submission): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.login), body: submission });
      return parseRedirect(ok(response));
    },

    async consent(transport, decision): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.consent), body: decision });
      return parseRedirect(ok(response));
    },

    async deny(transport): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.deny), body: NO_FIELDS });
      return parseRedirect(ok(response));
    },

    async sendCode(transport, request): Promise<CodeSent> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.sendCode), body: request });
      const body = ok(response);
      assertObject(body, 'response');
      const { resendAfter } = body;
      if (typeof resendAfter !== 'number' || !Number.isFinite(resendAfter) || resendAfter < 0) {
        throw new InteractionError('invalid_response', 'response.resendAfter must be a non-negative number');
      }
      return { resendAfter };
    },

    async verifyCode(transport, submission): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.verifyCode), body: submission });
      return parseRedirect(ok(response));
    },

    async startConnector(transport, request): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.connector), body: request });
      return parseRedirect(ok(response));
    },

    async identify(transport, request): Promise<SignInMethods> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.identify), body: request });
      const body = ok(response);
      assertObject(body, 'response');
      return { methods: parseSignInMethods(body.methods, 'response.methods') };
    },

    async continueSession(transport): Promise<Redirect> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.continue), body: NO_FIELDS });
      return parseRedirect(ok(response));
    },

    async switchAccount(transport): Promise<LoginStep> {
      const response = await transport({ method: 'POST', url: url(KIT_ENDPOINTS.switchAccount), body: NO_FIELDS });
      const step = parseInteractionStep(ok(response), 'step');
      if (step.kind !== 'login') throw new InteractionError('invalid_response', 'step.kind must be "login"');
      return step;
    },
  };
}

/** Whether `value` starts with a URL scheme (`https:`, `javascript:` …). */
function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value.trim());
}

/**
 * Returns the body of a 2xx response; throws the {@link InteractionError} an error status
 * stands for otherwise.
 */
function ok(response: TransportResponse): unknown {
  const { status, body } = response;
  if (status >= 200 && status < 300) return body;
  throw errorFromResponse(status, body, response.headers);
}

/**
 * Maps an error answer of the kit protocol to an {@link InteractionError}: the body's `error`
 * when documented, else by status. The provider's `error` and `error_description` are kept.
 */
export function errorFromResponse(status: number, body: unknown, headers?: Headers): InteractionError {
  const error = isObject(body) && typeof body.error === 'string' ? body.error : undefined;
  const errorDescription =
    isObject(body) && typeof body.error_description === 'string' ? body.error_description : undefined;
  // The providers' status mapping, but for 429, which the kit protocol defines, and 410, which
  // it does not (a provider's 410 is an expired session).
  const code = isInteractionErrorCode(error)
    ? error
    : status === 429
      ? 'too_many_attempts'
      : status === 410
        ? 'invalid_request'
        : codeForStatus(status);
  const message = errorDescription ?? `the provider answered with HTTP ${status}${error ? ` (${error})` : ''}`;
  const retryAfter = parseRetryAfter(headers?.get('retry-after'));
  // An already decided interaction says where to go on; only an http(s) URL is kept.
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  const to = isObject(body)
    ? safeHttpUrl(body.redirectTo, typeof href === 'string' && href !== '' ? href : undefined)
    : undefined;
  return new InteractionError(code, message, {
    status,
    ...(error !== undefined && { error }),
    ...(errorDescription !== undefined && { errorDescription }),
    ...(retryAfter !== undefined && { retryAfter }),
    ...(to !== undefined && { redirect: { to } }),
  });
}

/** An HTTP date in the IMF-fixdate form every sender must generate (RFC 9110 §5.6.7). */
const IMF_FIXDATE = new RegExp(
  '^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} ' +
    '\\d{2}:\\d{2}:\\d{2} GMT$',
);

/**
 * Seconds from a `Retry-After` header: delta-seconds, or an HTTP date (seconds from now,
 * at least 0). `undefined` when absent or unparsable. Only the IMF-fixdate form is read as a
 * date: `Date.parse` alone would turn garbage such as `1.5` or `soon 2030` into a date.
 */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  if (!IMF_FIXDATE.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/**
 * Validates a `{ redirectTo }` body into a {@link Redirect} with an absolute `http(s)` URL.
 * Relative URLs are resolved against `globalThis.location.href` when there is one.
 */
function parseRedirect(body: unknown): Redirect {
  assertObject(body, 'response');
  const { redirectTo } = body;
  assertString(redirectTo, 'response.redirectTo');
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  const to = safeHttpUrl(redirectTo, typeof href === 'string' && href !== '' ? href : undefined);
  if (to === undefined) {
    throw new InteractionError('unsafe_redirect', 'response.redirectTo must be an http(s) URL');
  }
  return { to };
}

/** Validates an {@link InteractionStep} (login or consent variant) and returns a fresh copy. */
export function parseInteractionStep(value: unknown, label: string): InteractionStep {
  assertObject(value, label);
  const { kind, uid, client, uiLocales } = value;
  assertOneOf(kind, `${label}.kind`, ['login', 'consent']);
  assertString(uid, `${label}.uid`);
  assertStringArray(uiLocales, `${label}.uiLocales`);
  const base: Pick<LoginStep, 'uid' | 'client' | 'uiLocales' | 'organization' | 'form'> = {
    uid,
    client: parseClient(client, `${label}.client`),
    uiLocales: [...uiLocales],
  };
  if (value.organization !== undefined)
    base.organization = parseOrganizationContext(value.organization, `${label}.organization`);
  if (value.form !== undefined) base.form = parseForm(value.form, `${label}.form`);
  if (kind === 'login') {
    const step: LoginStep = { kind, ...base, login: parseLoginRequest(value.login, `${label}.login`) };
    return step;
  }
  const step: ConsentStep = {
    kind,
    ...base,
    user: parseUser(value.user, `${label}.user`),
    consent: parseConsentRequest(value.consent, `${label}.consent`),
  };
  return step;
}

function parseClient(value: unknown, label: string): ClientInfo {
  assertObject(value, label);
  const { id, name, logo, homepage, policyUrl, termsUrl, redirectUri, nativeRedirectUri, party, verified, branding } =
    value;
  assertString(id, `${label}.id`);
  assertString(name, `${label}.name`);
  assertOptionalString(homepage, `${label}.homepage`);
  assertOptionalString(policyUrl, `${label}.policyUrl`);
  assertOptionalString(termsUrl, `${label}.termsUrl`);
  assertOptionalString(redirectUri, `${label}.redirectUri`);
  assertOptionalString(nativeRedirectUri, `${label}.nativeRedirectUri`);
  assertOneOf(party, `${label}.party`, ['first', 'third']);
  assertBoolean(verified, `${label}.verified`);
  const result: ClientInfo = { id, name, party, verified };
  if (logo !== undefined) result.logo = parseLogo(logo, `${label}.logo`);
  if (homepage !== undefined) result.homepage = homepage;
  if (policyUrl !== undefined) result.policyUrl = policyUrl;
  if (termsUrl !== undefined) result.termsUrl = termsUrl;
  if (redirectUri !== undefined) result.redirectUri = redirectUri;
  if (nativeRedirectUri !== undefined) result.nativeRedirectUri = nativeRedirectUri;
  const parsedBranding = safeBranding(branding);
  if (parsedBranding) result.branding = parsedBranding;
  return result;
}

function parseOrganizationContext(value: unknown, label: string): OrganizationContext {
  assertObject(value, label);
  const { id, name, branding } = value;
  assertString(id, `${label}.id`);
  assertString(name, `${label}.name`);
  const result: OrganizationContext = { id, name };
  const parsedBranding = safeBranding(branding);
  if (parsedBranding) result.branding = parsedBranding;
  return result;
}

/** The step's form posts (`NativeForm`); whether `action` is a same-origin path is checked with every URL. */
function parseForm(value: unknown, label: string): NativeForm {
  assertObject(value, label);
  const { action, token } = value;
  assertString(action, `${label}.action`);
  assertString(token, `${label}.token`);
  return { action, token };
}

function parseLogo(value: unknown, label: string): Logo {
  assertObject(value, label);
  const { light, dark } = value;
  assertOptionalString(light, `${label}.light`);
  assertOptionalString(dark, `${label}.dark`);
  const result: Logo = {};
  if (light !== undefined) result.light = light;
  if (dark !== undefined) result.dark = dark;
  return result;
}

function parseUser(value: unknown, label: string): UserInfo {
  assertObject(value, label);
  const { id, displayName, avatar, email, phone, username } = value;
  assertString(id, `${label}.id`);
  const result: UserInfo = { id };
  const optional = { displayName, avatar, email, phone, username };
  for (const [key, field] of Object.entries(optional)) {
    assertOptionalString(field, `${label}.${key}`);
    if (field !== undefined) result[key as keyof typeof optional] = field;
  }
  return result;
}

function parseLoginRequest(value: unknown, label: string): LoginRequest {
  assertObject(value, label);
  const {
    identifiers,
    password,
    loginHint,
    code,
    connectors,
    session,
    createAccountUrl,
    forgotPasswordUrl,
    error,
    failedConnector,
    identify,
    attempt,
  } = value;
  const kinds = parseArray(identifiers, `${label}.identifiers`, (item, itemLabel) => {
    assertOneOf(item, itemLabel, IDENTIFIER_KINDS);
    return item;
  });
  assertBoolean(password, `${label}.password`);
  assertOptionalString(loginHint, `${label}.loginHint`, true);
  assertOptionalString(createAccountUrl, `${label}.createAccountUrl`);
  assertOptionalString(forgotPasswordUrl, `${label}.forgotPasswordUrl`);
  const result: LoginRequest = { identifiers: kinds, password };
  if (loginHint !== undefined) result.loginHint = loginHint;
  if (code !== undefined) {
    assertObject(code, `${label}.code`);
    const { length } = code;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 64) {
      throw new InteractionError('invalid_response', `${label}.code.length must be an integer from 1 to 64`);
    }
    result.code = { length };
  }
  if (connectors !== undefined) result.connectors = parseArray(connectors, `${label}.connectors`, parseConnector);
  if (session !== undefined) result.session = parseUser(session, `${label}.session`);
  if (createAccountUrl !== undefined) result.createAccountUrl = createAccountUrl;
  if (forgotPasswordUrl !== undefined) result.forgotPasswordUrl = forgotPasswordUrl;
  // An unknown error code is dropped rather than refused: it only decorates the step.
  if (isInteractionErrorCode(error)) result.error = error;
  // Likewise the connector it names, and whether the user cancelled there.
  if (result.error && isObject(failedConnector) && typeof failedConnector.id === 'string')
    result.failedConnector = { id: failedConnector.id, cancelled: failedConnector.cancelled === true };
  if (identify === true) result.identify = true;
  if (attempt !== undefined) result.attempt = parseSignInAttempt(attempt, `${label}.attempt`);
  return result;
}

function parseSignInAttempt(value: unknown, label: string): SignInAttempt {
  assertObject(value, label);
  const { view, identifier, retryAfter, resendAfter, methods } = value;
  assertOneOf(view, `${label}.view`, ['identifier', 'password', 'code']);
  assertString(identifier, `${label}.identifier`, true);
  const result: SignInAttempt = { view, identifier };
  const seconds = { retryAfter, resendAfter };
  for (const [key, field] of Object.entries(seconds)) {
    if (field === undefined) continue;
    if (typeof field !== 'number' || !Number.isFinite(field) || field < 0) {
      throw new InteractionError('invalid_response', `${label}.${key} must be a non-negative number`);
    }
    result[key as keyof typeof seconds] = field;
  }
  if (methods !== undefined) result.methods = parseSignInMethods(methods, `${label}.methods`);
  return result;
}

/** A list of sign-in methods; methods this screen does not know are left out (the others still work). */
function parseSignInMethods(value: unknown, label: string): SignInMethod[] {
  assertStringArray(value, label);
  return value.filter((m): m is SignInMethod => m === 'password' || m === 'code');
}

function parseConnector(value: unknown, label: string): Connector {
  assertObject(value, label);
  const { id, kind, name, logo, domains } = value;
  assertString(id, `${label}.id`);
  assertOneOf(kind, `${label}.kind`, ['social', 'sso']);
  assertString(name, `${label}.name`);
  const result: Connector = { id, kind, name };
  if (logo !== undefined) result.logo = parseLogo(logo, `${label}.logo`);
  if (domains !== undefined) {
    assertStringArray(domains, `${label}.domains`);
    result.domains = domains.map((domain) => domain.toLowerCase());
  }
  return result;
}

function parseScope(value: unknown, label: string): ScopeItem {
  assertObject(value, label);
  const { name, description, descriptions, required, granted } = value;
  assertString(name, `${label}.name`);
  assertOptionalString(description, `${label}.description`, true);
  if (descriptions !== undefined) {
    assertObject(descriptions, `${label}.descriptions`);
    for (const [lng, text] of Object.entries(descriptions)) assertString(text, `${label}.descriptions.${lng}`, true);
  }
  assertBoolean(required, `${label}.required`);
  assertOptionalBoolean(granted, `${label}.granted`);
  const result: ScopeItem = { name, required };
  if (description !== undefined) result.description = description;
  if (descriptions !== undefined) result.descriptions = { ...(descriptions as Record<string, string>) };
  if (granted !== undefined) result.granted = granted;
  return result;
}

/**
 * A requested claim: `{ name, description?, descriptions? }` (a bare name, as bridges before 0.2
 * sent, is read as `{ name }`).
 */
function parseClaim(value: unknown, label: string): ClaimItem {
  if (typeof value === 'string') {
    assertString(value, label);
    return { name: value };
  }
  assertObject(value, label);
  const { name, description, descriptions } = value;
  assertString(name, `${label}.name`);
  assertOptionalString(description, `${label}.description`, true);
  const result: ClaimItem = { name };
  if (description !== undefined) result.description = description;
  if (descriptions !== undefined) {
    assertObject(descriptions, `${label}.descriptions`);
    for (const [lng, text] of Object.entries(descriptions)) assertString(text, `${label}.descriptions.${lng}`, true);
    result.descriptions = { ...(descriptions as Record<string, string>) };
  }
  return result;
}

function parseResource(value: unknown, label: string): ResourceRequest {
  assertObject(value, label);
  const { indicator, name, scopes } = value;
  assertString(indicator, `${label}.indicator`);
  assertOptionalString(name, `${label}.name`);
  const result: ResourceRequest = { indicator, scopes: parseArray(scopes, `${label}.scopes`, parseScope) };
  if (name !== undefined) result.name = name;
  return result;
}

function parseOrganizationOption(value: unknown, label: string): OrganizationOption {
  assertObject(value, label);
  const { id, name, role, permissions } = value;
  assertString(id, `${label}.id`);
  assertString(name, `${label}.name`);
  assertOptionalString(role, `${label}.role`);
  const result: OrganizationOption = {
    id,
    name,
    permissions: parseArray(permissions, `${label}.permissions`, parseScope),
  };
  if (role !== undefined) result.role = role;
  return result;
}

function parseOrganizationRequest(value: unknown, label: string): OrganizationRequest {
  assertObject(value, label);
  const { options, selection, required } = value;
  const parsedOptions = parseArray(options, `${label}.options`, parseOrganizationOption);
  assertOneOf(selection, `${label}.selection`, ['single', 'multiple']);
  assertBoolean(required, `${label}.required`);
  return { options: parsedOptions, selection, required };
}

function parseWithheld(value: unknown, label: string): WithheldScope {
  assertObject(value, label);
  const { name, resource } = value;
  assertString(name, `${label}.name`);
  assertOptionalString(resource, `${label}.resource`);
  // Described as a requested claim is: name, description, descriptions per language.
  const result: WithheldScope = parseClaim({ ...value, name }, label);
  if (resource !== undefined) result.resource = resource;
  return result;
}

function parseConsentRequest(value: unknown, label: string): ConsentRequest {
  assertObject(value, label);
  const { profileScopes, resources, organizations, claims, withheld, rememberable, attempt } = value;
  const parsedProfileScopes = parseArray(profileScopes, `${label}.profileScopes`, parseScope);
  const parsedResources = parseArray(resources, `${label}.resources`, parseResource);
  const parsedOrganizations =
    organizations === undefined ? undefined : parseOrganizationRequest(organizations, `${label}.organizations`);
  const parsedClaims = parseArray(claims, `${label}.claims`, parseClaim);
  const parsedWithheld = parseArray(withheld, `${label}.withheld`, parseWithheld);
  assertBoolean(rememberable, `${label}.rememberable`);
  const result: ConsentRequest = {
    profileScopes: parsedProfileScopes,
    resources: parsedResources,
    claims: parsedClaims,
    withheld: parsedWithheld,
    rememberable,
  };
  if (parsedOrganizations !== undefined) result.organizations = parsedOrganizations;
  if (attempt !== undefined) {
    const attemptLabel = `${label}.attempt`;
    assertObject(attempt, attemptLabel);
    if (!isInteractionErrorCode(attempt.error)) {
      throw new InteractionError('invalid_response', `${attemptLabel}.error must be a kit error code`);
    }
    result.attempt = { error: attempt.error };
    if (attempt.decision !== undefined)
      result.attempt.decision = parseDecision(attempt.decision, `${attemptLabel}.decision`);
  }
  return result;
}

function parseDecision(value: unknown, label: string): ConsentDecision {
  assertObject(value, label);
  const { profileScopes, resources, organizationIds, claims, remember } = value;
  assertStringArray(profileScopes, `${label}.profileScopes`);
  assertObject(resources, `${label}.resources`);
  assertStringArray(organizationIds, `${label}.organizationIds`);
  assertBoolean(remember, `${label}.remember`);
  const decision: ConsentDecision = {
    profileScopes: [...profileScopes],
    // Built from entries: an indicator is the provider's text (`__proto__` included).
    resources: Object.fromEntries(
      Object.entries(resources).map(([indicator, scopes]) => {
        assertStringArray(scopes, `${label}.resources`);
        return [indicator, [...scopes]];
      }),
    ),
    organizationIds: [...organizationIds],
    remember,
  };
  if (claims !== undefined) {
    assertStringArray(claims, `${label}.claims`);
    decision.claims = [...claims];
  }
  return decision;
}
