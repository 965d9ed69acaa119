/**
 * The consent offer: what the user may grant, computed from what the provider says is missing
 * and what the user holds; and the validation of a decision against it. Pure functions, no
 * provider types, so every bridge can share them and tests can drive them directly.
 *
 * The browser's list is never trusted: bridges recompute the offer on every submission and
 * validate the decision against it.
 */
import type {
  ClaimItem,
  ConsentDecision,
  ConsentRequest,
  OrganizationOption,
  ResourceRequest,
  ScopeItem,
  WithheldScope,
} from '../../protocol/interaction.js';
import {
  heldScopes,
  intersect,
  subtract,
  unique,
  type OrganizationMembership,
  type PermissionMap,
  type ResourceDescription,
} from './rbac.js';

/** OIDC scopes the user can never untick. */
export const REQUIRED_PROFILE_SCOPES: readonly string[] = ['openid'];

/** Everything {@link computeConsentOffer} needs, already fetched from the provider and host. */
export interface ConsentOfferInput {
  /** OIDC scopes not yet granted nor rejected (oidc-provider: `missingOIDCScope`). */
  missingOIDCScope: string[];
  /** OIDC scopes of this request the client already holds; shown as `granted`. */
  grantedOIDCScope: string[];
  /** Claims requested through the `claims` parameter and not yet granted nor refused. */
  missingOIDCClaims: string[];
  /**
   * For each requested claim, the OIDC scopes that release it under the provider's claims
   * configuration (`email` → `['email']`). A claim released by a scope on offer follows that
   * scope's checkbox; the others are shown on their own, refusable.
   */
  claimScopes?: Record<string, string[]>;
  /** Provider text for claims, by claim name (standard claims are described by the locale files). */
  claimDescriptions?: Record<string, Pick<ClaimItem, 'description' | 'descriptions'>>;
  /** API scopes not yet granted nor rejected, by resource indicator. */
  missingResourceScopes: Record<string, string[]>;
  /** API scopes of this request the client already holds, by resource indicator. */
  grantedResourceScopes: Record<string, string[]>;
  /** API scopes the user holds through global roles. */
  permissions: PermissionMap;
  /** The user's organization memberships. */
  organizations: OrganizationMembership[];
  /** The resource indicator whose scopes are organization permissions, if any. */
  organizationResource?: string;
  /** Display data per resource indicator. */
  resourceDescriptions?: Record<string, ResourceDescription>;
  /** How many organizations the user may choose. Default `single`. */
  organizationSelection?: 'single' | 'multiple';
  /** Whether at least one organization must be chosen. Default `true`. */
  organizationRequired?: boolean;
  /** Whether the user may ask the provider to remember the decision. Default `false`. */
  rememberable?: boolean;
}

/** What is on offer for one API resource. */
export interface ResourceOffer {
  indicator: string;
  /** Requested (missing or already granted) scopes. */
  requested: string[];
  /** Requested scopes the user holds: the only ones that may be granted. */
  offered: string[];
  /** Requested scopes the user lacks: never offered, always rejected. */
  withheld: string[];
  /** Offered scopes that must be granted. */
  required: string[];
}

/** What is on offer for the organization resource. */
export interface OrganizationOffer {
  indicator: string;
  /** Requested organization permissions. */
  requested: string[];
  /** Requested permissions the user holds in none of their organizations. */
  withheld: string[];
  /** Per organization id: the requested permissions the user holds there. */
  permissionsByOrganization: Map<string, string[]>;
}

/** The offer: the screen's {@link ConsentRequest} plus what validation needs. */
export interface ConsentOffer {
  /** What the consent screen shows. */
  request: ConsentRequest;
  /** Offered OIDC scopes. */
  profileScopes: string[];
  /** Offered OIDC scopes that must be granted. */
  requiredProfileScopes: string[];
  /** Requested claims shown on their own (no offered scope releases them): each may be refused. */
  claims: string[];
  /** Requested claims released by offered OIDC scopes: claim → those scopes. Granted with any of them. */
  scopedClaims: Record<string, string[]>;
  /** API resources (the organization resource excluded), including fully withheld ones. */
  resources: ResourceOffer[];
  /** Present when the request asks for organization permissions. */
  organization?: OrganizationOffer;
}

/** What to record in the provider's grant for an accepted decision. */
export interface GrantPlan {
  /** OIDC scopes to grant and to reject. */
  oidc: { grant: string[]; reject: string[] };
  /**
   * Requested claims to grant (approved, or released by a granted scope) and to reject (refused,
   * or released only by unticked scopes), so the provider neither releases nor asks for them again.
   */
  claims: { grant: string[]; reject: string[] };
  /** API scopes to grant and to reject, per resource (the organization resource included). */
  resources: Array<{ indicator: string; grant: string[]; reject: string[] }>;
  /** Chosen organization ids (empty when no organization permissions were requested). */
  organizationIds: string[];
  /** Whether the user asked to remember the decision (always false while not rememberable). */
  remember: boolean;
}

/** Outcome of {@link planConsent}. */
export type ConsentPlanResult =
  | { ok: true; plan: GrantPlan }
  | { ok: false; error: 'invalid_request' | 'invalid_scope' | 'invalid_organization'; description: string };

const MAX_ITEMS = 256;
const MAX_STRING = 1024;

function profileItem(name: string, granted: Set<string>): ScopeItem {
  const item: ScopeItem = { name, required: REQUIRED_PROFILE_SCOPES.includes(name) };
  if (granted.has(name)) item.granted = true;
  return item;
}

function claimItem(name: string, descriptions: ConsentOfferInput['claimDescriptions']): ClaimItem {
  const item: ClaimItem = { name };
  const described = descriptions && Object.hasOwn(descriptions, name) ? descriptions[name] : undefined;
  if (typeof described?.description === 'string' && described.description !== '')
    item.description = described.description;
  if (described?.descriptions && typeof described.descriptions === 'object') {
    const texts = Object.entries(described.descriptions).filter(([, text]) => typeof text === 'string' && text !== '');
    if (texts.length > 0) item.descriptions = Object.fromEntries(texts);
  }
  return item;
}

function resourceItem(
  name: string,
  granted: Set<string>,
  description?: ResourceDescription,
  required = false,
): ScopeItem {
  const item: ScopeItem = { name, required };
  const text = description?.scopes && Object.hasOwn(description.scopes, name) ? description.scopes[name] : undefined;
  if (typeof text === 'string' && text !== '') item.description = text;
  if (granted.has(name)) item.granted = true;
  return item;
}

/** A withheld scope, described as it would have been offered. */
function withheldItem(name: string, resource: string, description?: ResourceDescription): WithheldScope {
  const { description: text } = resourceItem(name, new Set(), description);
  return text === undefined ? { name, resource } : { name, resource, description: text };
}

/**
 * Computes what the user may grant. Profile scopes are offered as requested (`openid`
 * required, the others optional); API scopes only when the user holds them (the rest are
 * reported as withheld), locked on when the resource description lists them as required;
 * organization permissions per organization, as the intersection of what was requested and
 * what the user holds in that organization (one or several organizations, required or not,
 * as `organizationSelection` / `organizationRequired` say).
 */
export function computeConsentOffer(input: ConsentOfferInput): ConsentOffer {
  const grantedProfile = new Set(input.grantedOIDCScope);
  const profileScopes = unique([...input.missingOIDCScope, ...input.grantedOIDCScope]);
  const withheld: WithheldScope[] = [];
  const resources: ResourceOffer[] = [];
  const resourceRequests: ResourceRequest[] = [];
  let organization: OrganizationOffer | undefined;
  let organizations: ConsentRequest['organizations'];

  const indicators = unique([...Object.keys(input.missingResourceScopes), ...Object.keys(input.grantedResourceScopes)]);
  for (const indicator of indicators) {
    const granted = Object.hasOwn(input.grantedResourceScopes, indicator)
      ? (input.grantedResourceScopes[indicator] ?? [])
      : [];
    const missing = Object.hasOwn(input.missingResourceScopes, indicator)
      ? (input.missingResourceScopes[indicator] ?? [])
      : [];
    const requested = unique([...missing, ...granted]);
    if (requested.length === 0) continue;
    const grantedSet = new Set(granted);
    const description = input.resourceDescriptions?.[indicator];

    if (indicator === input.organizationResource) {
      const permissionsByOrganization = new Map<string, string[]>();
      const options: OrganizationOption[] = [];
      for (const membership of input.organizations) {
        const permissions = intersect(requested, membership.permissions);
        permissionsByOrganization.set(membership.id, permissions);
        const option: OrganizationOption = {
          id: membership.id,
          name: membership.name,
          permissions: permissions.map((scope) => resourceItem(scope, grantedSet, description, true)),
        };
        if (membership.role !== undefined) option.role = membership.role;
        options.push(option);
      }
      const held = new Set([...permissionsByOrganization.values()].flat());
      const orgWithheld = requested.filter((scope) => !held.has(scope));
      organization = { indicator, requested, withheld: orgWithheld, permissionsByOrganization };
      organizations = {
        options,
        selection: input.organizationSelection === 'multiple' ? 'multiple' : 'single',
        required: input.organizationRequired !== false,
      };
      for (const name of orgWithheld) withheld.push(withheldItem(name, indicator, description));
      continue;
    }

    const held = heldScopes(input.permissions, indicator);
    const offered = intersect(requested, held);
    const resourceWithheld = subtract(requested, offered);
    const required = intersect(offered, Array.isArray(description?.required) ? description.required : []);
    resources.push({ indicator, requested, offered, withheld: resourceWithheld, required });
    for (const name of resourceWithheld) withheld.push(withheldItem(name, indicator, description));
    if (offered.length > 0) {
      const request: ResourceRequest = {
        indicator,
        scopes: offered.map((scope) => resourceItem(scope, grantedSet, description, required.includes(scope))),
      };
      if (description?.name) request.name = description.name;
      resourceRequests.push(request);
    }
  }

  // A claim an offered scope releases follows that scope's checkbox; the rest are shown alone.
  const scopedClaims: Record<string, string[]> = {};
  const claims: string[] = [];
  for (const claim of unique(input.missingOIDCClaims)) {
    const scopes = intersect(
      profileScopes,
      (input.claimScopes && Object.hasOwn(input.claimScopes, claim) && input.claimScopes[claim]) || [],
    );
    if (scopes.length > 0) scopedClaims[claim] = scopes;
    else claims.push(claim);
  }

  const request: ConsentRequest = {
    profileScopes: profileScopes.map((scope) => profileItem(scope, grantedProfile)),
    resources: resourceRequests,
    claims: claims.map((name) => claimItem(name, input.claimDescriptions)),
    withheld,
    rememberable: input.rememberable === true,
  };
  if (organizations) request.organizations = organizations;

  const offer: ConsentOffer = {
    request,
    profileScopes,
    requiredProfileScopes: profileScopes.filter((scope) => REQUIRED_PROFILE_SCOPES.includes(scope)),
    claims,
    scopedClaims,
    resources,
  };
  if (organization) offer.organization = organization;
  return offer;
}

function isStringList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_ITEMS &&
    value.every((item) => typeof item === 'string' && item.length > 0 && item.length <= MAX_STRING)
  );
}

/** Checks the shape of a {@link ConsentDecision}; `claims` and `remember` may be omitted. */
export function isConsentDecision(value: unknown): value is ConsentDecision {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const body = value as Record<string, unknown>;
  if (!isStringList(body.profileScopes) || !isStringList(body.organizationIds)) return false;
  if (body.claims !== undefined && !isStringList(body.claims)) return false;
  if (body.remember !== undefined && typeof body.remember !== 'boolean') return false;
  const { resources } = body;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) return false;
  const entries = Object.entries(resources);
  return (
    entries.length <= MAX_ITEMS && entries.every(([key, scopes]) => key.length <= MAX_STRING && isStringList(scopes))
  );
}

/**
 * Validates a decision (untrusted JSON) against the offer and, when it holds, says what to
 * record in the grant: ticked scopes granted, unticked and withheld ones rejected (so the
 * provider does not ask again), the organization resource granted as the union of the chosen
 * organizations' permissions.
 *
 * Claims: an approved claim (`decision.claims`) or one a granted scope releases is granted;
 * every other requested claim is rejected, so it is neither released nor asked for again.
 *
 * Errors: `invalid_request` (not a decision, or a claim not on offer), `invalid_scope` (a scope or resource not on
 * offer, or a required scope, OIDC or API, missing), `invalid_organization` (not a membership, more than
 * one with single selection, none when one is required, or organizations when none were
 * requested).
 */
export function planConsent(offer: ConsentOffer, body: unknown): ConsentPlanResult {
  if (!isConsentDecision(body)) {
    return { ok: false, error: 'invalid_request', description: 'body is not a consent decision' };
  }

  const profile = unique(body.profileScopes);
  const unknownProfile = subtract(profile, offer.profileScopes);
  if (unknownProfile.length > 0) {
    return { ok: false, error: 'invalid_scope', description: `scope not on offer: ${unknownProfile.join(' ')}` };
  }
  const missingRequired = subtract(offer.requiredProfileScopes, profile);
  if (missingRequired.length > 0) {
    return { ok: false, error: 'invalid_scope', description: `required scope missing: ${missingRequired.join(' ')}` };
  }

  const approvedClaims = unique(body.claims ?? []);
  const unknownClaims = subtract(approvedClaims, offer.claims);
  if (unknownClaims.length > 0) {
    return { ok: false, error: 'invalid_request', description: `claim not on offer: ${unknownClaims.join(' ')}` };
  }

  const organizationIds = unique(body.organizationIds);
  const { organization } = offer;
  if (!organization) {
    if (organizationIds.length > 0) {
      return { ok: false, error: 'invalid_organization', description: 'no organization permissions were requested' };
    }
  } else {
    const unknownOrganizations = organizationIds.filter((id) => !organization.permissionsByOrganization.has(id));
    if (unknownOrganizations.length > 0) {
      return { ok: false, error: 'invalid_organization', description: 'not a member of the chosen organization' };
    }
    if (offer.request.organizations?.selection === 'single' && organizationIds.length > 1) {
      return { ok: false, error: 'invalid_organization', description: 'only one organization may be chosen' };
    }
    if (offer.request.organizations?.required && organizationIds.length === 0) {
      return { ok: false, error: 'invalid_organization', description: 'an organization must be chosen' };
    }
  }
  const organizationGrant = organization
    ? unique(organizationIds.flatMap((id) => organization.permissionsByOrganization.get(id) ?? []))
    : [];

  const plans: GrantPlan['resources'] = [];
  const submitted = new Map(Object.entries(body.resources).map(([indicator, scopes]) => [indicator, unique(scopes)]));
  for (const [indicator, scopes] of submitted) {
    const allowed =
      indicator === organization?.indicator
        ? organizationGrant
        : offer.resources.find((resource) => resource.indicator === indicator)?.offered;
    if (!allowed) {
      return { ok: false, error: 'invalid_scope', description: `resource not on offer: ${indicator}` };
    }
    const unknown = subtract(scopes, allowed);
    if (unknown.length > 0) {
      return {
        ok: false,
        error: 'invalid_scope',
        description: `scope not on offer for ${indicator}: ${unknown.join(' ')}`,
      };
    }
  }

  for (const resource of offer.resources) {
    const grant = submitted.get(resource.indicator) ?? [];
    const missing = subtract(resource.required, grant);
    if (missing.length > 0) {
      return {
        ok: false,
        error: 'invalid_scope',
        description: `required scope missing for ${resource.indicator}: ${missing.join(' ')}`,
      };
    }
    plans.push({ indicator: resource.indicator, grant, reject: subtract(resource.requested, grant) });
  }
  if (organization) {
    plans.push({
      indicator: organization.indicator,
      grant: organizationGrant,
      reject: subtract(organization.requested, organizationGrant),
    });
  }

  // A claim is released only when approved, or when a scope releasing it was granted: never
  // through the claims parameter behind a scope the user unticked.
  const grantedClaims = [
    ...approvedClaims,
    ...Object.entries(offer.scopedClaims)
      .filter(([, scopes]) => scopes.some((scope) => profile.includes(scope)))
      .map(([claim]) => claim),
  ];
  const requestedClaims = [...offer.claims, ...Object.keys(offer.scopedClaims)];
  return {
    ok: true,
    plan: {
      oidc: { grant: profile, reject: subtract(offer.profileScopes, profile) },
      claims: { grant: intersect(requestedClaims, grantedClaims), reject: subtract(requestedClaims, grantedClaims) },
      resources: plans,
      organizationIds,
      remember: offer.request.rememberable && body.remember === true,
    },
  };
}
