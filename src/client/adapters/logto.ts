/**
 * The `logto` adapter: drives Logto's own interaction APIs from a sign-in or consent page
 * served on the Logto origin (a custom sign-in UI / "bring your UI").
 *
 * - consent: `GET /api/interaction/consent` (application, user, organizations,
 *   `missingOIDCScope`, `missingResourceScopes`, `redirectUri`) and
 *   `POST /api/interaction/consent` with `{ organizationIds }`, answered `{ redirectTo }`;
 * - sign-in with identifier and password through the experience API: `PUT /api/experience`,
 *   `POST /api/experience/verification/password`, `POST /api/experience/identification`,
 *   `POST /api/experience/submit` (answered `{ redirectTo }`);
 * - deny: Logto has no API to refuse a consent request; its own consent page sends the browser
 *   to the app's `redirectUri` without an answer, and so does this adapter (re-reading
 *   `GET /api/interaction/consent` for it).
 *
 * Logto grants everything a consent request asks for: every scope is `required`, and the only
 * choice is the organization. The request and response shapes are declared here (no Logto
 * package is imported); the tests check them against `@logto/schemas` and replay exchanges
 * recorded from a running Logto (`test/fixtures/logto/recorded/`).
 *
 * What a running Logto sends that its types do not say (Logto 1.37.1): `missingOIDCScope` never
 * lists `openid` or `offline_access` (granted without consent); its organization scopes are
 * URNs (`urn:logto:scope:organizations`), mapped here to the kit's standard names; the
 * organization template's permissions come as a pseudo-resource `urn:logto:resource:organizations`,
 * both at the top level and under each organization; and `organizations` is `[]`, not absent,
 * when the app did not ask for organizations.
 *
 * @packageDocumentation
 */
import { InteractionError, type InteractionErrorCode } from '../../protocol/errors.js';
import type {
  ClientInfo,
  ConsentRequest,
  ConsentStep,
  IdentifierKind,
  InteractionStep,
  LoginStep,
  OrganizationOption,
  Redirect,
  ResourceRequest,
  ScopeItem,
  UserInfo,
} from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { assertObject, assertString, isObject, parseArray } from '../assert.js';
import type { InteractionAdapter, Transport, TransportResponse } from '../types.js';
import { isOk, nullableString, providerError, redirectTo, stringField } from './shared.js';

/** `GET /api/interaction/consent`, as Logto publishes it (`ConsentInfoResponse`). */
export interface LogtoConsentInfo {
  application: {
    id: string;
    name: string;
    displayName?: string | null;
    branding?: { logoUrl?: string; darkLogoUrl?: string; favicon?: string; darkFavicon?: string } | null;
    privacyPolicyUrl?: string | null;
    termsOfUseUrl?: string | null;
  };
  user: {
    id: string;
    name: string | null;
    avatar: string | null;
    username: string | null;
    primaryEmail: string | null;
    primaryPhone: string | null;
  };
  organizations?: Array<{ id: string; name: string; missingResourceScopes?: LogtoMissingResourceScopes[] }>;
  missingOIDCScope?: string[];
  missingResourceScopes?: LogtoMissingResourceScopes[];
  redirectUri?: string;
}

/** One API resource with the scopes the user has not yet granted. */
export interface LogtoMissingResourceScopes {
  resource: { id: string; name: string; indicator: string };
  scopes: Array<{ id: string; name: string; description: string | null }>;
}

/** `POST /api/interaction/consent` body. */
export interface LogtoConsentPayload {
  organizationIds?: string[];
}

/** `PUT /api/experience` body. */
export interface LogtoCreateExperiencePayload {
  interactionEvent: 'SignIn';
}

/** `POST /api/experience/verification/password` body. */
export interface LogtoPasswordVerificationPayload {
  identifier: { type: IdentifierKind; value: string };
  password: string;
}

/** `POST /api/experience/identification` body. */
export interface LogtoIdentificationPayload {
  verificationId: string;
}

/** Logto's error body (`RequestError`). */
export interface LogtoErrorBody {
  code: string;
  message: string;
}

/** Options of {@link logtoAdapter}. */
export interface LogtoAdapterOptions {
  /** Which page this is: Logto routes its sign-in and consent pages separately. */
  step: 'sign-in' | 'consent';
  /** Logto's origin (`https://auth.example.com`); default: the page's own origin. */
  endpoint?: string;
  /**
   * The application shown on the sign-in step (Logto's experience API does not describe it).
   * Required when `step` is `sign-in`.
   */
  application?: Pick<ClientInfo, 'id' | 'name'> & Partial<ClientInfo>;
  /** Identifier kinds the sign-in experience accepts. Default `['email', 'username']`. */
  identifiers?: IdentifierKind[];
  /** Prefills the identifier (`login_hint`). */
  loginHint?: string;
  /** The request's `ui_locales`, most preferred first. */
  uiLocales?: string[];
  /** The step's `uid`: Logto keeps the interaction in a cookie, so this is only a label. Default `logto`. */
  uid?: string;
}

/** Logto error codes and the kit codes they stand for; the rest map by status. */
const LOGTO_CODES: Record<string, InteractionErrorCode> = {
  'session.not_found': 'interaction_expired',
  'session.interaction_not_found': 'interaction_expired',
  'session.verification_session_not_found': 'interaction_expired',
  'oidc.invalid_request': 'invalid_request',
  'session.invalid_credentials': 'invalid_credentials',
  'session.verification_failed': 'invalid_credentials',
  'user.user_not_exist': 'invalid_credentials',
  'user.suspended': 'access_denied',
  'guard.invalid_input': 'invalid_request',
  'oidc.invalid_scope': 'invalid_scope',
  'organization.require_membership': 'invalid_organization',
  'session.consent_organization_not_found': 'invalid_organization',
};

/**
 * Logto's user scopes that are URNs, and the kit's standard names for them (which the locales
 * describe). Logto's `UserScope` enum in `@logto/core-kit`.
 */
export const LOGTO_SCOPE_NAMES: Readonly<Record<string, string>> = {
  'urn:logto:scope:organizations': 'organizations',
  'urn:logto:scope:organization_roles': 'organization_roles',
};

/**
 * The pseudo-resource under which Logto lists the organization template's permissions
 * (`ReservedResource.Organization` in `@logto/core-kit`). Logto's own consent page leaves it out
 * of the API list: they are organization permissions, shown per organization.
 */
export const LOGTO_ORGANIZATION_RESOURCE = 'urn:logto:resource:organizations';

/** Logto answers `{ code, message }`; `code` is kept as `error`, `message` as `errorDescription`. */
function readLogtoError(body: unknown) {
  const error = stringField(body, 'code');
  const description = stringField(body, 'message');
  return { ...(error !== undefined && { error }), ...(description !== undefined && { description }) };
}

function logtoFailure(response: TransportResponse): InteractionError {
  return providerError(
    response,
    readLogtoError,
    (error, status) => {
      if (error !== undefined && Object.hasOwn(LOGTO_CODES, error)) return LOGTO_CODES[error];
      if (status === 401) return 'interaction_expired';
      if (status === 422) return 'invalid_request';
      return undefined;
    },
    'Logto',
  );
}

/** Returns the body of a 2xx answer; throws the mapped error otherwise. */
function ok(response: TransportResponse): unknown {
  if (isOk(response)) return response.body;
  throw logtoFailure(response);
}

/** Guesses the identifier kind Logto must be told, among those the experience accepts. */
export function identifierKind(identifier: string, accepted: readonly IdentifierKind[]): IdentifierKind {
  const value = identifier.trim();
  if (accepted.includes('email') && value.includes('@')) return 'email';
  if (accepted.includes('phone') && /^\+?[\d\s().-]{6,}$/.test(value)) return 'phone';
  if (accepted.includes('username')) return 'username';
  return accepted[0] ?? 'username';
}

/**
 * Creates the adapter for Logto's consent and experience APIs.
 *
 * @throws TypeError on invalid options (a sign-in step needs `application`)
 */
export function logtoAdapter(options: LogtoAdapterOptions): InteractionAdapter {
  if (!isObject(options)) throw new TypeError('"options" must be an object');
  const { step, endpoint = '', application, identifiers = ['email', 'username'], loginHint, uiLocales = [] } = options;
  if (step !== 'sign-in' && step !== 'consent') throw new TypeError('"options.step" must be "sign-in" or "consent"');
  if (typeof endpoint !== 'string' || (endpoint !== '' && safeHttpUrl(endpoint) === undefined)) {
    throw new TypeError('"options.endpoint" must be an http(s) URL');
  }
  if (
    step === 'sign-in' &&
    (!isObject(application) || typeof application.id !== 'string' || typeof application.name !== 'string')
  ) {
    throw new TypeError('"options.application" ({ id, name }) is required for the sign-in step');
  }
  if (!Array.isArray(identifiers) || identifiers.length === 0) {
    throw new TypeError('"options.identifiers" must be a non-empty array');
  }
  const base = endpoint.replace(/\/+$/, '');
  const url = (path: string) => `${base}${path}`;
  const uid = options.uid ?? 'logto';

  function loginStep(withHint: boolean): LoginStep {
    const client: ClientInfo = { party: 'first', verified: true, ...application! };
    const result: LoginStep = {
      kind: 'login',
      uid,
      client,
      uiLocales: [...uiLocales],
      login: { identifiers: [...identifiers], password: true },
    };
    if (withHint && loginHint) result.login.loginHint = loginHint;
    return result;
  }

  async function redirectAfter(transport: Transport, path: string, body?: unknown): Promise<Redirect> {
    const response = await transport({ method: 'POST', url: url(path), ...(body !== undefined && { body }) });
    const answer = ok(response);
    assertObject(answer, 'response');
    return redirectTo(answer.redirectTo, 'response.redirectTo');
  }

  return {
    name: 'logto',

    async load(transport): Promise<InteractionStep> {
      if (step === 'sign-in') return loginStep(true);
      const response = await transport({ method: 'GET', url: url('/api/interaction/consent') });
      return parseLogtoConsent(ok(response), uid, uiLocales);
    },

    async signIn(transport, submission): Promise<Redirect> {
      const start: LogtoCreateExperiencePayload = { interactionEvent: 'SignIn' };
      ok(await transport({ method: 'PUT', url: url('/api/experience'), body: start }));
      const verification: LogtoPasswordVerificationPayload = {
        identifier: { type: identifierKind(submission.identifier, identifiers), value: submission.identifier.trim() },
        password: submission.password,
      };
      const verified = ok(
        await transport({ method: 'POST', url: url('/api/experience/verification/password'), body: verification }),
      );
      assertObject(verified, 'response');
      assertString(verified.verificationId, 'response.verificationId');
      const identification: LogtoIdentificationPayload = { verificationId: verified.verificationId };
      ok(await transport({ method: 'POST', url: url('/api/experience/identification'), body: identification }));
      return redirectAfter(transport, '/api/experience/submit');
    },

    async consent(transport, decision): Promise<Redirect> {
      const payload: LogtoConsentPayload =
        decision.organizationIds.length > 0 ? { organizationIds: [...decision.organizationIds] } : {};
      return redirectAfter(transport, '/api/interaction/consent', payload);
    },

    async deny(transport): Promise<Redirect> {
      // Logto (1.37 … 1.42) serves no endpoint that refuses a consent request and answers with
      // where to go (the legacy `DELETE /api/interaction` records an abort but answers 204, and
      // the consent interaction's resume URL is never given to the page). Its own page's Cancel
      // navigates to the app's redirect URI, which the app receives without a code (and without
      // state). Do the same; with no redirect URI (device flow) there is nowhere to go.
      const info = ok(await transport({ method: 'GET', url: url('/api/interaction/consent') }));
      assertObject(info, 'response');
      const redirect = nullableString(info.redirectUri, 'response.redirectUri');
      if (redirect === undefined) {
        throw new InteractionError('invalid_request', 'Logto offers no way to refuse a request without a redirect URI');
      }
      return redirectTo(redirect, 'response.redirectUri');
    },

    async switchAccount(transport): Promise<LoginStep> {
      const start: LogtoCreateExperiencePayload = { interactionEvent: 'SignIn' };
      ok(await transport({ method: 'PUT', url: url('/api/experience'), body: start }));
      if (!application) throw new InteractionError('invalid_request', 'switching accounts needs "options.application"');
      return loginStep(false);
    },
  };
}

function scopeItem(value: unknown, label: string): ScopeItem {
  assertObject(value, label);
  assertString(value.name, `${label}.name`);
  const description = nullableString(value.description, `${label}.description`);
  const item: ScopeItem = { name: value.name, required: true };
  if (description !== undefined) item.description = description;
  return item;
}

function resourceRequest(value: unknown, label: string): ResourceRequest {
  assertObject(value, label);
  assertObject(value.resource, `${label}.resource`);
  const { indicator, name } = value.resource;
  assertString(indicator, `${label}.resource.indicator`);
  const resourceName = nullableString(name, `${label}.resource.name`);
  const result: ResourceRequest = { indicator, scopes: parseArray(value.scopes, `${label}.scopes`, scopeItem) };
  if (resourceName !== undefined) result.name = resourceName;
  return result;
}

function organizationOption(value: unknown, label: string): OrganizationOption {
  assertObject(value, label);
  assertString(value.id, `${label}.id`);
  assertString(value.name, `${label}.name`, true);
  const resources =
    value.missingResourceScopes === undefined
      ? []
      : parseArray(value.missingResourceScopes, `${label}.missingResourceScopes`, resourceRequest);
  return { id: value.id, name: value.name, permissions: resources.flatMap((resource) => resource.scopes) };
}

/** Maps Logto's `ConsentInfoResponse` into the kit's consent step (validating it on the way). */
export function parseLogtoConsent(body: unknown, uid: string, uiLocales: readonly string[]): ConsentStep {
  assertObject(body, 'response');
  const { application, user, organizations, missingOIDCScope, missingResourceScopes, redirectUri } = body;

  assertObject(application, 'response.application');
  assertString(application.id, 'response.application.id');
  assertString(application.name, 'response.application.name', true);
  const displayName = nullableString(application.displayName, 'response.application.displayName');
  const client: ClientInfo = {
    id: application.id,
    name: displayName ?? (application.name || application.id),
    party: 'third',
    verified: false,
  };
  if (application.branding !== undefined && application.branding !== null) {
    assertObject(application.branding, 'response.application.branding');
    const light = nullableString(application.branding.logoUrl, 'response.application.branding.logoUrl');
    const dark = nullableString(application.branding.darkLogoUrl, 'response.application.branding.darkLogoUrl');
    if (light !== undefined || dark !== undefined) {
      client.logo = {};
      if (light !== undefined) client.logo.light = light;
      if (dark !== undefined) client.logo.dark = dark;
    }
  }
  const policyUrl = nullableString(application.privacyPolicyUrl, 'response.application.privacyPolicyUrl');
  if (policyUrl !== undefined) client.policyUrl = policyUrl;
  const termsUrl = nullableString(application.termsOfUseUrl, 'response.application.termsOfUseUrl');
  if (termsUrl !== undefined) client.termsUrl = termsUrl;
  const redirect = nullableString(redirectUri, 'response.redirectUri');
  if (redirect !== undefined) client.redirectUri = redirect;

  assertObject(user, 'response.user');
  assertString(user.id, 'response.user.id');
  const userInfo: UserInfo = { id: user.id };
  const fields = [
    ['displayName', 'name'],
    ['avatar', 'avatar'],
    ['username', 'username'],
    ['email', 'primaryEmail'],
    ['phone', 'primaryPhone'],
  ] as const;
  for (const [kitKey, logtoKey] of fields) {
    const value = nullableString(user[logtoKey], `response.user.${logtoKey}`);
    if (value !== undefined) userInfo[kitKey] = value;
  }

  const profileScopes =
    missingOIDCScope === undefined
      ? []
      : parseArray(missingOIDCScope, 'response.missingOIDCScope', (item, label): ScopeItem => {
          assertString(item, label);
          return { name: Object.hasOwn(LOGTO_SCOPE_NAMES, item) ? LOGTO_SCOPE_NAMES[item]! : item, required: true };
        });
  const resources = (
    missingResourceScopes === undefined
      ? []
      : parseArray(missingResourceScopes, 'response.missingResourceScopes', resourceRequest)
  ).filter((resource) => resource.indicator !== LOGTO_ORGANIZATION_RESOURCE);

  const consent: ConsentRequest = { profileScopes, resources, claims: [], withheld: [], rememberable: false };
  const options =
    organizations === undefined ? [] : parseArray(organizations, 'response.organizations', organizationOption);
  // Logto sends `[]` when the app did not ask for organizations, and lets a user who belongs to
  // none consent without choosing one: only a non-empty list is a choice to make.
  if (options.length > 0) consent.organizations = { options, selection: 'single', required: true };
  return { kind: 'consent', uid, client, uiLocales: [...uiLocales], user: userInfo, consent };
}
