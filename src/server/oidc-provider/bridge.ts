/**
 * The oidc-provider bridge: serves the kit protocol (see `protocol/kit.ts`) for
 * node-oidc-provider v8/v9 as a framework-neutral, connect-style Node `http` handler.
 *
 * oidc-provider is not imported: the bridge takes the host's provider instance and uses only
 * the few members described by {@link OidcProviderLike}.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ClaimItem,
  ClientInfo,
  ConsentStep,
  InteractionStep,
  LoginStep,
  OrganizationContext,
  ProviderBranding,
  SignInAttempt,
  UserInfo,
} from '../../protocol/interaction.js';
import { safeBranding } from '../../protocol/branding.js';
import { KIT_ENDPOINTS, type KitRedirectResponse } from '../../protocol/kit.js';
import { computeConsentOffer, planConsent, type ConsentOffer, type GrantPlan } from '../core/consent-offer.js';
import { createDecisionState, type WithheldScopes } from '../core/decisions.js';
import { createFormPosts, DEFAULT_FORM_TOKEN_TTL_SECONDS, type FormOutcome } from '../core/forms.js';
import { DEFAULT_BODY_LIMIT, KitHttpError } from '../core/http.js';
import {
  heldScopes,
  intersect,
  subtract,
  unique,
  type OrganizationMembership,
  type PermissionMap,
  type ResourceDescription,
} from '../core/rbac.js';
import { createKitRouter, escapeRegExp, type KitCall, type NextFunction } from '../core/router.js';
import { createSignInFlow, isSignInEndpoint, type SignInBridgeOptions } from '../core/sign-in.js';
import {
  clientInfo as buildClientInfo,
  pickUser,
  splitSpaces,
  stringList,
  type ClientDescription,
} from '../core/steps.js';
import type { KitStore } from '../core/store.js';
import { createMemoryStore } from '../stores/memory.js';

/** The parts of an oidc-provider `Interaction` the bridge reads. */
export interface InteractionDetailsLike {
  uid: string;
  prompt: { name: string; reasons?: string[]; details?: Record<string, unknown> };
  params: Record<string, unknown>;
  session?: { accountId?: string; [key: string]: unknown };
  grantId?: string;
  /** What `interactionResult` recorded (`{ consent }`, `{ error }`, `{ login }`), once a step ended. */
  result?: Record<string, unknown>;
  /** The resume URL `interactionResult` answers with. */
  returnTo?: string;
  /** When the interaction expires (seconds since the epoch), as oidc-provider's models say. */
  exp?: number;
}

/** The parts of an oidc-provider `Client` the bridge reads. */
export interface ProviderClientLike {
  clientId: string;
  clientName?: string;
  logoUri?: string;
  clientUri?: string;
  policyUri?: string;
  tosUri?: string;
}

/** The parts of an oidc-provider `Grant` the bridge uses. */
export interface GrantLike {
  accountId?: string;
  clientId?: string;
  addOIDCScope(scope: string): void;
  rejectOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  rejectOIDCClaims(claims: string[]): void;
  /** Claims recorded as rejected. */
  getRejectedOIDCClaims?(): string[];
  /** OIDC scopes recorded as rejected, space-separated. */
  getRejectedOIDCScope?(): string;
  addResourceScope(indicator: string, scope: string): void;
  rejectResourceScope(indicator: string, scope: string): void;
  getOIDCScopeFiltered(filter: Set<string>): string;
  getResourceScopeFiltered(indicator: string, filter: Set<string>): string;
  /** Scopes of `indicator` recorded as rejected. */
  getRejectedResourceScope?(indicator: string): string;
  /** Granted (or rejected) scopes per resource indicator, space-separated (the grant's payload). */
  resources?: Record<string, string | undefined>;
  save(): Promise<string>;
  /** Seconds the grant has left (oidc-provider's `BaseModel#remainingTTL`). */
  readonly remainingTTL?: number;
}

/** The parts of an oidc-provider `Provider` instance the bridge uses. */
export interface OidcProviderLike {
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetailsLike>;
  interactionResult(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<string>;
  Client: { find(clientId: string): Promise<ProviderClientLike | undefined> };
  Grant: {
    new (properties: { accountId: string; clientId: string }): GrantLike;
    find(grantId: string): Promise<GrantLike | undefined>;
  };
  /**
   * oidc-provider's claims filter (`provider.Claims`), through which the bridge learns which
   * scope releases which claim under the provider's `claims` configuration. Without it the
   * standard mapping of OpenID Connect Core §5.4 is assumed.
   */
  Claims?: new (
    available: Record<string, unknown>,
    context: { client: ProviderClientLike },
  ) => { scope(value: string): unknown; result(): Promise<Record<string, unknown>> };
}

/** Which client an option is decided for, and the authorization request's parameters. */
export interface ConsentContextLike {
  client: ProviderClientLike;
  params: Record<string, unknown>;
}

/** Host callbacks and settings of {@link createOidcProviderBridge}. */
export interface OidcProviderBridgeOptions extends SignInBridgeOptions {
  /**
   * Checks a sign-in attempt. Resolve with the account id, or `null` for wrong credentials
   * (answered `401 invalid_credentials`). `identifier` is an email or a username, as typed.
   * Failures are counted per identifier (see `attemptLimit`).
   */
  authenticate(identifier: string, password: string): Promise<{ accountId: string } | null>;
  /** The signed-in user, for the consent screen's account block. Only `UserInfo` fields are sent. */
  findUser(accountId: string): Promise<UserInfo>;
  /**
   * The API scopes the user holds through global roles, keyed by resource indicator. Requested
   * scopes the user does not hold are withheld: reported, never offered, always rejected.
   */
  getPermissions(accountId: string): Promise<PermissionMap>;
  /** The user's organization memberships, with the organization permissions held in each. */
  getOrganizations(accountId: string): Promise<OrganizationMembership[]>;
  /**
   * The resource indicator whose scopes are organization permissions (e.g.
   * `urn:example:organizations`). When a request asks for it, the consent step carries an
   * organization choice instead of a resource group, and the grant gets the union of the
   * chosen organizations' permissions.
   */
  organizationResource?: string;
  /**
   * Whether the user picks one organization (`single`, the default) or any number
   * (`multiple`); a function decides per client or request. A decision naming more
   * organizations than allowed is refused with `400 invalid_organization`.
   */
  organizationSelection?:
    | 'single'
    | 'multiple'
    | ((context: ConsentContextLike) => 'single' | 'multiple' | Promise<'single' | 'multiple'>);
  /** Whether at least one organization must be chosen. Default `true`. */
  organizationRequired?: boolean;
  /**
   * Offer "Remember this decision" (per client or request when a function). Default `false`:
   * no checkbox, and oidc-provider's own behaviour applies (every grant is reused).
   *
   * When on, a decision is reused next time **only** if the user ticked the box. Give the
   * provider the bridge's loader for that: `loadExistingGrant: (ctx) => bridge.loadExistingGrant(ctx)`
   * in the provider configuration. Without it the provider reuses every grant.
   */
  rememberDecisions?: boolean | ((context: ConsentContextLike) => boolean | Promise<boolean>);
  /** Display name and scope descriptions of an API resource. */
  describeResource?(indicator: string): ResourceDescription | undefined | Promise<ResourceDescription | undefined>;
  /**
   * Text for a claim requested through the `claims` parameter (`features.claimsParameter`),
   * shown on its own line. Standard claims (OpenID Connect Core §5.1) are described by the
   * kit's locale files; others show this, else their name.
   */
  describeClaim?(claim: string): ClaimDescription | undefined | Promise<ClaimDescription | undefined>;
  /**
   * Whether a client is first party and verified, its logo in light and dark variants
   * (overriding the registered `logo_uri`), and its `branding` (brand color, logo over the
   * operator's), shown on its sign-in and consent screens. Default: third party, unverified,
   * `logo_uri`, no branding. Branding colors other than `#rgb` / `#rrggbb` are dropped.
   */
  describeClient?(client: ProviderClientLike): ClientDescription | undefined | Promise<ClientDescription | undefined>;
  /**
   * The organization a request targets through its `organization_id` parameter (Logto's
   * name; list it in oidc-provider's `extraParams`), with its display name and branding,
   * which wins over the app's on the request's screens. `undefined` ignores the parameter.
   * Called for sign-in too, before anyone is signed in: return only public branding.
   */
  describeOrganization?(
    organizationId: string,
    context: ConsentContextLike,
  ): OrganizationDescription | undefined | Promise<OrganizationDescription | undefined>;
  /**
   * Where the bridge keeps its state between requests: per grant, whether the decision was
   * remembered, the organizations chosen and the scopes withheld (each expiring with the
   * grant); per interaction, the lock that makes two submissions take turns; and the sign-in
   * state (resend windows, connector sign-ins in progress, failed-attempt counts and locks).
   * Default: an in-memory store for this process. Give every instance of the IdP the same
   * `createRedisStore(…)` (`consent-kit/server/redis`) and any of them may serve any request.
   */
  store?: KitStore;
  /**
   * Seconds to keep what the bridge records about a grant when the provider's grant does not
   * say how long it lives (`remainingTTL`). Default 14 days, oidc-provider's default grant TTL.
   */
  grantTtlSeconds?: number;
  /** Path under which interactions live; must match oidc-provider's `interactions.url`. Default `/interaction`. */
  prefix?: string;
  /** Request body limit in bytes. Default 16 KiB. */
  bodyLimit?: number;
  /** Called with unexpected errors (answered `500 server_error` without details). Default `console.error`. */
  onError?(error: unknown): void;
  /**
   * Also take the endpoints' submissions as plain HTML form posts, so a server-rendered screen
   * works before its script has run (see `handle`). Default `true`; `false` takes JSON only
   * (and the steps carry no `form`).
   */
  formPosts?: boolean;
}

/** What the host says about a claim: a description, and per language (BCP 47 tag → text). */
export type ClaimDescription = Pick<ClaimItem, 'description' | 'descriptions'>;

export type { ClientDescription };

/** What the host says about the organization a request targets. */
export interface OrganizationDescription {
  /** Display name. */
  name: string;
  branding?: ProviderBranding;
}

/** The parts of oidc-provider's `ctx.oidc` that {@link OidcProviderBridge.loadExistingGrant} reads. */
interface ProviderContextLike {
  client?: ProviderClientLike;
  params?: Record<string, unknown>;
  result?: { consent?: { grantId?: string } };
  session?: { grantIdFor(clientId: string): string | undefined };
}

export type { NextFunction };

/** What {@link createOidcProviderBridge} returns. */
export interface OidcProviderBridge {
  /**
   * Serves `GET <prefix>/<uid>/details` and `POST <prefix>/<uid>/(login|consent|abort|switch-account)`;
   * calls `next()` for every other request. Mount it before the provider's own handler.
   *
   * A POST is `content-type: application/json` (the kit client sends `{}` for the steps without
   * fields), or, unless `formPosts` is `false`, a plain HTML form post
   * (`application/x-www-form-urlencoded`, the fields of `KIT_FORM_FIELDS`) from the
   * server-rendered screen, answered with a `303` to where the JSON answer would send the
   * browser (the provider's resume URL, a connector, or back to `<prefix>/<uid>`, whose step
   * then shows the outcome: a wrong password, the code view, a refused decision). Anything
   * else, a body-less POST included, is refused with 415.
   *
   * Cross-site request forgery: a JSON post needs a CORS preflight the bridge never grants. A
   * form post must carry the interaction's token (the step's `form.token`, random, kept in the
   * store, compared in constant time), and one a browser marks `Sec-Fetch-Site: cross-site` or
   * `same-site` is refused: `403` either way, with nothing decided.
   */
  handle(req: IncomingMessage, res: ServerResponse, next: NextFunction): Promise<void>;
  /**
   * The interaction step for the page request `GET <prefix>/<uid>`, for the host to embed in
   * that page (`embeddedStepElement`, or `renderInteraction` from `consent-kit/server/render`)
   * so the screens start without a details request. It is the very answer
   * `GET <prefix>/<uid>/details` would give the same request (same cookie, same checks, same
   * offer computed for the user), as kit-protocol JSON; `undefined` when that answer would be
   * an error (no such interaction, another uid in the cookie, already decided, an unknown
   * prompt): the page then renders without it and the screens show what the details request
   * says. Unexpected failures reject. With a step, `res` gets `cache-control: no-store`, as the
   * details answer does: the page carries the form posts' token; and `X-Frame-Options: DENY`
   * with `Content-Security-Policy: frame-ancestors 'none'` unless the host set those headers
   * already (a framed Authorize invites clickjacking, RFC 9700 §4.16). Headers the host sets
   * afterwards replace these.
   */
  step(req: IncomingMessage, res: ServerResponse): Promise<InteractionStep | undefined>;
  /** The organization ids chosen for a grant, for an `organizations` claim; `[]` when none. */
  organizationsForGrant(grantId: string | undefined): Promise<string[]>;
  /**
   * oidc-provider's `loadExistingGrant`, which every host should install
   * (`loadExistingGrant: (ctx) => bridge.loadExistingGrant(ctx)`): like the provider's default
   * (the grant just decided in this interaction, else the session's grant for the client),
   * except that an earlier grant is reused only when
   * - the user asked to remember it, for clients with `rememberDecisions` on;
   * - it still matches the user's **current** permissions and memberships (`getPermissions`,
   *   `getOrganizations`, asked again here on every authorization): no requested scope it
   *   grants is missing from them, no organization chosen for it was left or lost a
   *   permission it grants, and no requested scope it holds back as withheld is now held.
   *
   * Otherwise it resolves `undefined`: the provider starts a fresh grant and asks for consent
   * again, and the screen shows the current offer (what was lost listed as withheld, what was
   * gained offered). The grant just decided always finishes its own authorization.
   */
  loadExistingGrant(ctx: unknown): Promise<GrantLike | undefined>;
}

/** Where a connector's callback lands, under the interaction's path (see `core/sign-in.ts`). */
const CONNECTOR_CALLBACK = 'connector-callback';

function scopeMap(value: unknown): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  if (typeof value !== 'object' || value === null) return map;
  for (const [indicator, scopes] of Object.entries(value)) map[indicator] = stringList(scopes);
  return map;
}

function isSessionNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'SessionNotFound';
}

const expired = () => new KitHttpError(404, 'interaction_expired', 'interaction not found or expired');

/** Seconds a saved grant has left, when the provider can say (a TTL function may need a request). */
function grantLifetime(grant: GrantLike): number | undefined {
  try {
    const remaining = grant.remainingTTL;
    return typeof remaining === 'number' && Number.isFinite(remaining) && remaining > 0 ? remaining : undefined;
  } catch {
    return undefined;
  }
}

/** Which standard scope releases which standard claim (OpenID Connect Core §5.4). */
const STANDARD_SCOPE_CLAIMS: Record<string, string[]> = {
  profile: [
    'name',
    'family_name',
    'given_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'profile',
    'picture',
    'website',
    'gender',
    'birthdate',
    'zoneinfo',
    'locale',
    'updated_at',
  ],
  email: ['email', 'email_verified'],
  address: ['address'],
  phone: ['phone_number', 'phone_number_verified'],
};

/**
 * The way on of a decision already recorded for the interaction (a consent, or a refusal):
 * the resume URL, until the browser follows it and the provider ends the interaction.
 */
function decisionOf(interaction: InteractionDetailsLike): string | undefined {
  const { result, returnTo } = interaction;
  if (!result || typeof returnTo !== 'string' || returnTo === '') return undefined;
  return 'consent' in result || 'error' in result ? returnTo : undefined;
}

/**
 * Creates the kit protocol bridge for an oidc-provider instance.
 *
 * Mount order on the provider's origin: `bridge.handle`, then the host's HTML page for
 * `GET <prefix>/<uid>`, then `provider.callback()`. The JSON endpoints must live under the
 * interaction URL because the provider's interaction cookie is path-scoped to it.
 *
 * Nothing of the provider's internals (session cookie, session uid, grant, params) is sent
 * to the browser: only the kit's `InteractionStep` types and `{ redirectTo }`.
 */
export function createOidcProviderBridge(
  provider: OidcProviderLike,
  options: OidcProviderBridgeOptions,
): OidcProviderBridge {
  const prefix = (options.prefix ?? '/interaction').replace(/\/+$/, '');
  const route = new RegExp(`^${escapeRegExp(prefix)}/([^/]+)/([a-z-]+)$`);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const store = options.store ?? createMemoryStore();
  const onError = options.onError ?? ((error: unknown) => console.error('consent-kit bridge:', error));
  const signIn = createSignInFlow({
    ...options,
    prefix,
    callbackPath: (uid) => `${prefix}/${uid}/${CONNECTOR_CALLBACK}`,
    onError,
    store,
  });
  const state = createDecisionState(store);
  const forms = options.formPosts === false ? undefined : createFormPosts(store);
  const grantTtlSeconds = options.grantTtlSeconds ?? 14 * 24 * 60 * 60;

  async function details(req: IncomingMessage, res: ServerResponse, uid: string): Promise<InteractionDetailsLike> {
    let interaction: InteractionDetailsLike;
    try {
      interaction = await provider.interactionDetails(req, res);
    } catch (error) {
      if (isSessionNotFound(error)) throw expired();
      throw error;
    }
    if (!interaction || interaction.uid !== uid) throw expired();
    // One decision per interaction: once made, every endpoint answers with its way on (a POST
    // with 200, see `handle`), so a second tab or a Retry after a lost answer cannot decide again.
    const decided = decisionOf(interaction);
    if (decided)
      throw new KitHttpError(410, 'interaction_expired', 'interaction already decided', { redirectTo: decided });
    return interaction;
  }

  async function result(
    req: IncomingMessage,
    res: ServerResponse,
    value: Record<string, unknown>,
    merge: boolean,
  ): Promise<KitRedirectResponse> {
    try {
      return { redirectTo: await provider.interactionResult(req, res, value, { mergeWithLastSubmission: merge }) };
    } catch (error) {
      if (isSessionNotFound(error)) throw expired();
      throw error;
    }
  }

  async function clientInfo(interaction: InteractionDetailsLike): Promise<ClientInfo> {
    const client = await findClient(interaction.params.client_id);
    const described = (await options.describeClient?.(client)) ?? {};
    const registration = {
      id: client.clientId,
      name: client.clientName,
      logoUri: client.logoUri,
      clientUri: client.clientUri,
      policyUri: client.policyUri,
      tosUri: client.tosUri,
    };
    return buildClientInfo(registration, described, interaction.params.redirect_uri);
  }

  /** The organization named by the request's `organization_id`, when the host describes it. */
  async function organizationContext(interaction: InteractionDetailsLike): Promise<OrganizationContext | undefined> {
    const id = interaction.params.organization_id;
    if (!options.describeOrganization || typeof id !== 'string' || id === '') return undefined;
    const client = await findClient(interaction.params.client_id);
    const described = await options.describeOrganization(id, { client, params: interaction.params });
    if (!described || typeof described.name !== 'string') return undefined;
    const context: OrganizationContext = { id, name: described.name };
    const branding = safeBranding(described.branding);
    if (branding) context.branding = branding;
    return context;
  }

  /** Adds the targeted organization to a step, if any. */
  async function withOrganization<T extends LoginStep | ConsentStep>(
    step: T,
    interaction: InteractionDetailsLike,
  ): Promise<T> {
    const organization = await organizationContext(interaction);
    return organization ? { ...step, organization } : step;
  }

  async function loginStep(interaction: InteractionDetailsLike, withHint: boolean): Promise<LoginStep> {
    const step: LoginStep = {
      kind: 'login',
      uid: interaction.uid,
      client: await clientInfo(interaction),
      uiLocales: splitSpaces(interaction.params.ui_locales),
      login: await signIn.loginRequest(interaction, withHint),
    };
    return withOrganization(step, interaction);
  }

  function consentAccount(interaction: InteractionDetailsLike): string {
    const accountId = interaction.session?.accountId;
    if (typeof accountId !== 'string' || accountId === '')
      throw new Error('consent prompt without a signed-in account');
    return accountId;
  }

  async function existingGrant(interaction: InteractionDetailsLike, accountId: string): Promise<GrantLike | undefined> {
    if (!interaction.grantId) return undefined;
    const grant = await provider.Grant.find(interaction.grantId);
    const clientId = interaction.params.client_id;
    if (!grant || grant.accountId !== accountId || grant.clientId !== clientId) return undefined;
    return grant;
  }

  async function findClient(clientId: unknown): Promise<ProviderClientLike> {
    const client = typeof clientId === 'string' ? await provider.Client.find(clientId) : undefined;
    if (!client) throw new Error('interaction client not found');
    return client;
  }

  /** An option's value, calling it with the request's context when it is a function. */
  async function decide<T>(
    option: T | ((context: ConsentContextLike) => T | Promise<T>) | undefined,
    context: () => Promise<ConsentContextLike>,
  ): Promise<T | undefined> {
    if (typeof option !== 'function') return option;
    return (option as (context: ConsentContextLike) => T | Promise<T>)(await context());
  }

  async function consentOffer(interaction: InteractionDetailsLike, accountId: string): Promise<ConsentOffer> {
    const promptDetails = interaction.prompt.details ?? {};
    const context = async () => ({
      client: await findClient(interaction.params.client_id),
      params: interaction.params,
    });
    const missingResourceScopes = scopeMap(promptDetails.missingResourceScopes);
    const requested = new Set(splitSpaces(interaction.params.scope));
    const grant = await existingGrant(interaction, accountId);
    const resourceParam = interaction.params.resource;
    const indicators = unique([
      ...Object.keys(missingResourceScopes),
      ...(typeof resourceParam === 'string' ? [resourceParam] : stringList(resourceParam)),
    ]);
    const grantedResourceScopes: Record<string, string[]> = {};
    if (grant) {
      for (const indicator of indicators) {
        grantedResourceScopes[indicator] = splitSpaces(grant.getResourceScopeFiltered(indicator, requested));
      }
    }
    const [permissions, organizations, descriptions, organizationSelection, rememberable] = await Promise.all([
      options.getPermissions(accountId),
      options.getOrganizations(accountId),
      Promise.all(
        indicators.map(async (indicator) => [indicator, await options.describeResource?.(indicator)] as const),
      ),
      decide(options.organizationSelection, context),
      decide(options.rememberDecisions, context),
    ]);
    const resourceDescriptions: Record<string, ResourceDescription> = {};
    for (const [indicator, description] of descriptions) if (description) resourceDescriptions[indicator] = description;

    const missingOIDCScope = stringList(promptDetails.missingOIDCScope);
    const grantedOIDCScope = grant ? splitSpaces(grant.getOIDCScopeFiltered(requested)) : [];
    const missingOIDCClaims = stringList(promptDetails.missingOIDCClaims);
    const [claimScopes, claimDescriptions] =
      missingOIDCClaims.length === 0
        ? [{}, {}]
        : await Promise.all([
            scopesReleasing(
              await findClient(interaction.params.client_id),
              unique([...missingOIDCScope, ...grantedOIDCScope]),
              missingOIDCClaims,
            ),
            describeClaims(missingOIDCClaims),
          ]);
    const input: Parameters<typeof computeConsentOffer>[0] = {
      missingOIDCScope,
      grantedOIDCScope,
      missingOIDCClaims,
      claimScopes,
      claimDescriptions,
      missingResourceScopes,
      grantedResourceScopes,
      permissions: permissions ?? {},
      organizations: organizations ?? [],
      resourceDescriptions,
      organizationSelection: organizationSelection === 'multiple' ? 'multiple' : 'single',
      organizationRequired: options.organizationRequired !== false,
      rememberable: rememberable === true,
    };
    if (options.organizationResource !== undefined) input.organizationResource = options.organizationResource;
    return computeConsentOffer(input);
  }

  /**
   * For each of `claims`, the ones of `scopes` that release it under the provider's claims
   * configuration (asked of `provider.Claims`, else OpenID Connect Core §5.4).
   */
  async function scopesReleasing(
    client: ProviderClientLike,
    scopes: string[],
    claims: string[],
  ): Promise<Record<string, string[]>> {
    const released: Record<string, string[]> = {};
    for (const scope of scopes) {
      let names: string[];
      if (provider.Claims) {
        const mask = new provider.Claims(Object.fromEntries(claims.map((claim) => [claim, true])), { client });
        mask.scope(scope);
        names = Object.keys(await mask.result());
      } else {
        names = STANDARD_SCOPE_CLAIMS[scope] ?? [];
      }
      for (const claim of intersect(claims, names)) {
        released[claim] ??= [];
        released[claim].push(scope);
      }
    }
    return released;
  }

  async function describeClaims(claims: string[]): Promise<Record<string, ClaimDescription>> {
    if (!options.describeClaim) return {};
    const described = await Promise.all(
      claims.map(async (claim) => [claim, await options.describeClaim?.(claim)] as const),
    );
    return Object.fromEntries(described.filter((entry): entry is readonly [string, ClaimDescription] => !!entry[1]));
  }

  async function consentStep(interaction: InteractionDetailsLike): Promise<ConsentStep> {
    const accountId = consentAccount(interaction);
    const [client, user, offer] = await Promise.all([
      clientInfo(interaction),
      options.findUser(accountId),
      consentOffer(interaction, accountId),
    ]);
    const step: ConsentStep = {
      kind: 'consent',
      uid: interaction.uid,
      client,
      uiLocales: splitSpaces(interaction.params.ui_locales),
      user: pickUser(user, accountId),
      consent: offer.request,
    };
    return withOrganization(step, interaction);
  }

  /** Ends the login with `accountId`. */
  async function finishLogin(
    req: IncomingMessage,
    res: ServerResponse,
    accountId: string,
  ): Promise<KitRedirectResponse> {
    // A login result never merges an earlier submission: signing in as someone else at the
    // consent prompt must not carry the previous account's consent along.
    return result(req, res, { login: { accountId } }, false);
  }

  /** The interaction, when it expects a sign-in (login prompt, or consent after "switch account"). */
  async function signInInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
  ): Promise<InteractionDetailsLike> {
    const interaction = await details(req, res, uid);
    if (interaction.prompt.name !== 'login' && interaction.prompt.name !== 'consent') {
      throw new KitHttpError(400, 'invalid_request', 'no sign-in expected at this step');
    }
    return interaction;
  }

  async function decideConsent(
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    body: unknown,
  ): Promise<KitRedirectResponse> {
    const interaction = await details(req, res, uid);
    if (interaction.prompt.name !== 'consent') {
      throw new KitHttpError(400, 'invalid_request', 'no consent expected at this step');
    }
    const accountId = consentAccount(interaction);
    const clientId = interaction.params.client_id;
    if (typeof clientId !== 'string') throw new Error('interaction without client_id');
    const offer = await consentOffer(interaction, accountId);
    const outcome = planConsent(offer, body);
    if (!outcome.ok) throw new KitHttpError(400, outcome.error, outcome.description);
    const { plan } = outcome;

    const grant = (await existingGrant(interaction, accountId)) ?? new provider.Grant({ accountId, clientId });
    if (plan.oidc.grant.length > 0) grant.addOIDCScope(plan.oidc.grant.join(' '));
    if (plan.oidc.reject.length > 0) grant.rejectOIDCScope(plan.oidc.reject.join(' '));
    if (plan.claims.grant.length > 0) grant.addOIDCClaims(plan.claims.grant);
    if (plan.claims.reject.length > 0) grant.rejectOIDCClaims(plan.claims.reject);
    for (const resource of plan.resources) {
      if (resource.grant.length > 0) grant.addResourceScope(resource.indicator, resource.grant.join(' '));
      if (resource.reject.length > 0) grant.rejectResourceScope(resource.indicator, resource.reject.join(' '));
    }
    const grantId = await grant.save();
    // Kept as long as the grant lives, on every instance sharing the store.
    const ttl = grantLifetime(grant) ?? grantTtlSeconds;
    await state.recordGrant(
      grantId,
      {
        withheld: await withheldAfter(grantId, offer, plan),
        ...(offer.organization && { organizations: plan.organizationIds }),
        ...(offer.request.rememberable && { remember: plan.remember }),
      },
      ttl,
    );
    return result(req, res, { consent: { grantId } }, true);
  }

  /**
   * What the grant holds back as withheld after this decision: what earlier decisions on the
   * same grant withheld, plus what this offer withheld, less what this decision granted.
   */
  async function withheldAfter(grantId: string, offer: ConsentOffer, plan: GrantPlan): Promise<WithheldScopes> {
    const record: WithheldScopes = (await state.withheld(grantId)) ?? {};
    for (const { name, resource } of offer.request.withheld) {
      if (resource !== undefined) record[resource] = unique([...(record[resource] ?? []), name]);
    }
    for (const { indicator, grant } of plan.resources) {
      if (record[indicator]) record[indicator] = subtract(record[indicator], grant);
    }
    return record;
  }

  /**
   * The step an interaction is at (`GET <prefix>/<uid>/details`), if the kit has one for its
   * prompt, with what the last form post left for it (shown once).
   */
  async function stepOf(
    interaction: InteractionDetailsLike,
    req: IncomingMessage,
  ): Promise<InteractionStep | undefined> {
    const { name } = interaction.prompt;
    if (name !== 'login' && name !== 'consent') return undefined;
    const outcome = await forms?.take(interaction.uid);
    // "Not you?" posted as a form: the page stays on the sign-in step (its views, its errors)
    // until the interaction is decided, as the screen does after the JSON switch.
    const switching = name === 'consent' && (outcome?.switchAccount || (await forms?.switching(interaction.uid)));
    if (name === 'consent' && !switching) {
      const step = await withForm(await consentStep(interaction), interaction);
      if (outcome?.error) {
        step.consent.attempt = { error: outcome.error, ...(outcome.decision && { decision: outcome.decision }) };
      }
      return step;
    }
    // "Not you?" posted as a form: the sign-in step for the same interaction, as the JSON answer is.
    const step = await withForm(await loginStep(interaction, name === 'login'), interaction);
    // The account just left is not offered again ("Continue as"), as the screen drops it.
    if (switching) delete step.login.session;
    await applySignInOutcome(step, outcome, req);
    return step;
  }

  async function applySignInOutcome(
    step: LoginStep,
    outcome: FormOutcome | undefined,
    req: IncomingMessage,
  ): Promise<void> {
    if (outcome?.error) step.login.error = outcome.error;
    if (outcome?.signIn) step.login.attempt = { ...outcome.signIn, ...(await toldMethods(step, outcome.signIn, req)) };
    // The account just left is not offered again ("Continue as"): the identifier view.
    else if (outcome?.switchAccount) step.login.attempt = { view: 'identifier', identifier: '' };
  }

  /**
   * What `identify` tells for the attempt's identifier past the identifier view, as the screen
   * asks before leaving it: every form outcome of a code-only account (its code view, a resend,
   * a wrong code) then hides the password. Nothing when the provider does not tell, or fails to.
   * Counted as a look-up of the client that asks for the page (`maxIdentifyPerIp`), as the
   * screen's own `identify` is.
   */
  async function toldMethods(
    step: LoginStep,
    attempt: SignInAttempt,
    req: IncomingMessage,
  ): Promise<Pick<SignInAttempt, 'methods'>> {
    if (!step.login.identify || attempt.view === 'identifier' || attempt.identifier === '') return {};
    try {
      return { methods: (await signIn.identify({ identifier: attempt.identifier }, req)).methods };
    } catch (error) {
      if (!(error instanceof KitHttpError)) onError(error);
      return {};
    }
  }

  /** The step with its form posts' action and token (`NativeForm`), unless form posts are off. */
  async function withForm<T extends InteractionStep>(step: T, interaction: InteractionDetailsLike): Promise<T> {
    if (!forms) return step;
    return {
      ...step,
      form: {
        action: `${prefix}/${interaction.uid}`,
        token: await forms.token(interaction.uid, lifetimeOf(interaction)),
      },
    };
  }

  /** Seconds the interaction has left (oidc-provider's default interaction TTL when unknown). */
  function lifetimeOf(interaction: InteractionDetailsLike): number {
    const left = typeof interaction.exp === 'number' ? interaction.exp - Date.now() / 1000 : undefined;
    return left !== undefined && left > 0 ? Math.ceil(left) : DEFAULT_FORM_TOKEN_TTL_SECONDS;
  }

  const page = new RegExp(`^${escapeRegExp(prefix)}/([^/]+)/?$`);

  async function step(req: IncomingMessage, res: ServerResponse): Promise<InteractionStep | undefined> {
    const uid = page.exec(new URL(req.url ?? '/', 'http://localhost').pathname)?.[1];
    if (!uid || req.method !== 'GET') return undefined;
    let interaction: InteractionDetailsLike;
    try {
      interaction = await details(req, res, uid);
    } catch (error) {
      if (error instanceof KitHttpError) return undefined;
      throw error;
    }
    // The details answer, through the same checks; as JSON, the way the endpoint sends it.
    const current = await stepOf(interaction, req);
    if (!current) return undefined;
    // The page carries what the details answer does (the form posts' token, who is signed in):
    // never kept by a cache, like that answer. And it holds Authorize: no other site may frame
    // it to steer a click (clickjacking, RFC 9700 §4.16). A host's own headers still win: those
    // it set before are kept, those it sets after replace these.
    if (!res.headersSent) {
      res.setHeader('cache-control', 'no-store');
      if (!res.hasHeader('x-frame-options')) res.setHeader('x-frame-options', 'DENY');
      if (!res.hasHeader('content-security-policy')) res.setHeader('content-security-policy', "frame-ancestors 'none'");
    }
    return JSON.parse(JSON.stringify(current)) as InteractionStep;
  }

  /** The answer to one kit call; the router does methods, bodies and errors. */
  async function answer({ req, res, route: uid, endpoint, body, form }: KitCall<string>): Promise<unknown> {
    switch (endpoint) {
      case KIT_ENDPOINTS.details: {
        const interaction = await details(req, res, uid);
        const current = await stepOf(interaction, req);
        if (!current) throw new Error(`unsupported prompt: ${interaction.prompt.name}`);
        return current;
      }
      case KIT_ENDPOINTS.consent:
        // Submissions for one interaction take turns, on every instance: the second sees the first one's decision.
        return state.exclusive(uid, () => decideConsent(req, res, uid, body));
      case KIT_ENDPOINTS.deny:
        return state.exclusive(uid, async () => {
          await details(req, res, uid);
          return result(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, false);
        });
      case KIT_ENDPOINTS.switchAccount: {
        const interaction = await details(req, res, uid);
        if (form && forms && interaction.prompt.name === 'consent')
          await forms.startSwitch(uid, lifetimeOf(interaction));
        return withForm(await loginStep(interaction, false), interaction);
      }
      default: {
        if (!isSignInEndpoint(endpoint)) throw new KitHttpError(404, 'invalid_request', 'unknown endpoint');
        const interaction = await signInInteraction(req, res, uid);
        return signIn.answer(endpoint, body, interaction, req, (accountId) => finishLogin(req, res, accountId), form);
      }
    }
  }

  const handle = createKitRouter<string>({
    match(pathname) {
      const match = route.exec(pathname);
      return match ? { route: match[1]!, endpoint: match[2]! } : undefined;
    },
    answer,
    bodyLimit,
    onError,
    ...(forms && { forms: { posts: forms, page: (uid: string) => ({ interaction: uid, url: `${prefix}/${uid}` }) } }),
    before(req, res, pathname) {
      if (signIn.bounce(req, res, pathname)) return true;
      const match = route.exec(pathname);
      const uid = match?.[1];
      if (!uid || match[2] !== CONNECTOR_CALLBACK || req.method !== 'GET') return false;
      return signIn
        .connectorCallback(
          req,
          res,
          () => signInInteraction(req, res, uid),
          (accountId) =>
            provider.interactionResult(req, res, { login: { accountId } }, { mergeWithLastSubmission: false }),
          `${prefix}/${uid}`,
        )
        .then(() => true);
    },
  });

  async function organizationsForGrant(grantId: string | undefined): Promise<string[]> {
    if (!grantId) return [];
    return [...((await state.organizations(grantId)) ?? [])];
  }

  async function loadExistingGrant(ctx: unknown): Promise<GrantLike | undefined> {
    const oidc = (ctx as { oidc?: ProviderContextLike } | undefined)?.oidc;
    const client = oidc?.client;
    if (!oidc || !client) return undefined;
    const decided = oidc.result?.consent?.grantId;
    const grantId = decided || oidc.session?.grantIdFor(client.clientId);
    if (!grantId) return undefined;
    // The decision just made in this interaction always finishes the authorization.
    if (decided) return provider.Grant.find(grantId);
    const params = oidc.params ?? {};
    const rememberable = await decide(options.rememberDecisions, async () => ({ client, params }));
    if (rememberable === true && (await state.remembered(grantId)) !== true) return undefined;
    const grant = await provider.Grant.find(grantId);
    if (!grant || !(await stillHeld(grant, grantId, params)) || (await claimsBlock(grant, client, params)))
      return undefined;
    return grant;
  }

  /**
   * Whether the grant would keep back claims a scope of this request is to release: claims the
   * user refused one by one are rejected in the grant, and a rejection outranks any scope, so a
   * scope granted later (or now) would arrive without them. Such a grant is not reused.
   */
  async function claimsBlock(
    grant: GrantLike,
    client: ProviderClientLike,
    params: Record<string, unknown>,
  ): Promise<boolean> {
    const refused = grant.getRejectedOIDCClaims?.() ?? [];
    if (refused.length === 0) return false;
    const refusedScopes = new Set(splitSpaces(grant.getRejectedOIDCScope?.()));
    const scopes = splitSpaces(params.scope).filter((scope) => !refusedScopes.has(scope));
    return Object.keys(await scopesReleasing(client, scopes, refused)).length > 0;
  }

  /**
   * Whether a grant still matches what its account holds now, for the scopes this request
   * asks for (see {@link OidcProviderBridge.loadExistingGrant}).
   */
  async function stillHeld(grant: GrantLike, grantId: string, params: Record<string, unknown>): Promise<boolean> {
    const accountId = grant.accountId;
    if (typeof accountId !== 'string' || accountId === '') return false;
    const requested = new Set(splitSpaces(params.scope));
    const resourceParam = params.resource;
    const [permissions, memberships, chosen, withheld] = await Promise.all([
      options.getPermissions(accountId),
      options.getOrganizations(accountId),
      state.organizations(grantId),
      state.withheld(grantId),
    ]);
    // The organizations chosen for the grant (its `organizations` claim) must all still be memberships.
    const byId = new Map((memberships ?? []).map((membership) => [membership.id, membership]));
    const organizations = (chosen ?? []).map((id) => byId.get(id));
    if (organizations.some((membership) => membership === undefined)) return false;
    const indicators = unique([
      ...Object.keys(grant.resources ?? {}),
      ...(typeof resourceParam === 'string' ? [resourceParam] : stringList(resourceParam)),
    ]);
    for (const indicator of indicators) {
      const held = new Set(
        indicator === options.organizationResource
          ? organizations.flatMap((membership) => membership?.permissions ?? [])
          : heldScopes(permissions ?? {}, indicator),
      );
      // Lost: a requested scope the grant gives that the user no longer holds.
      if (splitSpaces(grant.getResourceScopeFiltered(indicator, requested)).some((scope) => !held.has(scope)))
        return false;
      // Gained: a requested scope the grant holds back, rejected because it was withheld, now held.
      const heldBack = splitSpaces(grant.getRejectedResourceScope?.(indicator)).filter(
        (scope) => requested.has(scope) && held.has(scope),
      );
      if (heldBack.length === 0) continue;
      // Without a record (another process, a restart) a withheld scope cannot be told from one
      // the user refused: ask again rather than keep it from them.
      if (!withheld) return false;
      if (heldBack.some((scope) => withheld[indicator]?.includes(scope))) return false;
    }
    return true;
  }

  return { handle, step, organizationsForGrant, loadExistingGrant };
}
