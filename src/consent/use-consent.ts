/**
 * `useConsent()`: the headless state of a consent screen: which scopes are ticked, which
 * organizations are chosen, whether to remember. Controlled (`value` + `onValueChange`) or
 * uncontrolled (`defaultValue`), like a native input.
 *
 * The decision it produces only ever names scopes, organizations and claims that the request offered,
 * and always includes the required scopes, whatever a controlled `value` says: the provider
 * validates too, but the UI should never be the one sending an impossible decision.
 */
import { useCallback, useMemo } from 'react';
import type { ConsentDecision, ConsentRequest } from '../protocol/interaction.js';
import { useControllableState } from '../ui/use-controllable-state.js';

/** Options of {@link useConsent}. */
export interface UseConsentOptions {
  /** What the provider asks for. */
  request: ConsentRequest;
  /** Controlled decision. */
  value?: ConsentDecision | undefined;
  /** Initial decision when uncontrolled; defaults to {@link defaultDecision}. */
  defaultValue?: ConsentDecision | undefined;
  /** Called with every new decision (controlled or not). */
  onValueChange?: ((value: ConsentDecision) => void) | undefined;
}

/** What {@link useConsent} returns. */
export interface ConsentState {
  /** The current decision, normalized against the request. */
  value: ConsentDecision;
  /** Whether `scope` is ticked; `resource` is the indicator, absent for profile scopes. */
  isScopeGranted(scope: string, resource?: string): boolean;
  /** Ticks or unticks an optional scope. Required scopes ignore this. */
  setScopeGranted(scope: string, granted: boolean, resource?: string): void;
  /** Ticks or unticks every optional scope of a resource ("select all"). */
  setResourceGranted(resource: string, granted: boolean): void;
  /** Whether an organization is chosen. */
  isOrganizationSelected(id: string): boolean;
  /** Chooses or unchooses an organization; in `single` selection choosing replaces. */
  setOrganizationSelected(id: string, selected: boolean): void;
  /** Sets whether the provider may remember the decision. */
  setRemember(remember: boolean): void;
  /** Whether a requested claim (`request.claims`) is approved. */
  isClaimGranted(claim: string): boolean;
  /** Approves or refuses a requested claim. */
  setClaimGranted(claim: string, granted: boolean): void;
  /** An organization must be chosen and none is. */
  organizationMissing: boolean;
  /** The user cannot grant anything: organizations are requested but they belong to none. */
  blocked: boolean;
  /**
   * Nothing new is asked: every offered scope was granted before (or none is offered), no
   * organization is to be chosen and no claim is requested. Authorize then just continues.
   */
  nothingNew: boolean;
}

/**
 * The default decision: every offered scope and requested claim ticked (the user unticks what
 * they refuse, like Logto's and Google's screens), no organization chosen (granting an
 * organization's data is a deliberate act), not remembered.
 */
export function defaultDecision(request: ConsentRequest): ConsentDecision {
  return {
    profileScopes: request.profileScopes.map((s) => s.name),
    resources: Object.fromEntries(request.resources.map((r) => [r.indicator, r.scopes.map((s) => s.name)])),
    organizationIds: [],
    ...claimsOf(
      request,
      request.claims.map((c) => c.name),
    ),
    remember: false,
  };
}

/** The decisions {@link normalizeDecision} produced, with the request they were normalized for. */
const normalized = new WeakMap<ConsentDecision, ConsentRequest>();

/** `{ claims }` restricted to the requested ones, in request order; `{}` when none are requested. */
function claimsOf(request: ConsentRequest, chosen: readonly string[] | undefined): Pick<ConsentDecision, 'claims'> {
  if (request.claims.length === 0) return {};
  const approved = new Set(chosen);
  return { claims: request.claims.filter((c) => approved.has(c.name)).map((c) => c.name) };
}

/**
 * Restricts `decision` to what `request` offers and adds the required scopes. Order follows
 * the request, so the same choices always produce the same payload. A decision this function
 * produced for the same request is returned as is: each decision is normalized once.
 */
export function normalizeDecision(request: ConsentRequest, decision: ConsentDecision): ConsentDecision {
  if (normalized.get(decision) === request) return decision;
  const profile = new Set(decision.profileScopes);
  const resources: Record<string, string[]> = {};
  for (const resource of request.resources) {
    const chosen = new Set(
      Object.hasOwn(decision.resources, resource.indicator) ? decision.resources[resource.indicator] : [],
    );
    resources[resource.indicator] = resource.scopes.filter((s) => s.required || chosen.has(s.name)).map((s) => s.name);
  }
  const offered = request.organizations?.options ?? [];
  const chosenOrgs = new Set(decision.organizationIds);
  let organizationIds = offered.filter((o) => chosenOrgs.has(o.id)).map((o) => o.id);
  if (request.organizations?.selection === 'single') organizationIds = organizationIds.slice(0, 1);
  const result: ConsentDecision = {
    profileScopes: request.profileScopes.filter((s) => s.required || profile.has(s.name)).map((s) => s.name),
    resources,
    organizationIds,
    ...claimsOf(request, decision.claims),
    remember: request.rememberable && decision.remember === true,
  };
  normalized.set(result, request);
  return result;
}

/**
 * Headless consent state. See {@link UseConsentOptions}.
 *
 * The decision is held once, by `useControllableState` (the host's, when controlled). Every
 * change is made to the latest decision and normalized before it is stored or reported.
 *
 * @example Controlled, e.g. to persist the choices while the user reads the terms
 * ```tsx
 * const [value, setValue] = useState<ConsentDecision>();
 * const consent = useConsent({ request: step.consent, value, onValueChange: setValue });
 * consent.setScopeGranted('email', false);
 * ```
 */
export function useConsent({ request, value, defaultValue, onValueChange }: UseConsentOptions): ConsentState {
  const [decision, setDecision] = useControllableState<ConsentDecision>({
    value,
    defaultValue: () => normalizeDecision(request, defaultValue ?? defaultDecision(request)),
    onValueChange,
    caller: 'useConsent',
  });
  // A host's value (or a request that changed) is normalized here; the hook's own are already.
  const current = useMemo(() => normalizeDecision(request, decision), [request, decision]);

  const update = useCallback(
    (change: (previous: ConsentDecision) => ConsentDecision) =>
      setDecision((previous) => normalizeDecision(request, change(normalizeDecision(request, previous)))),
    [request, setDecision],
  );

  const setScopeGranted = useCallback(
    (scope: string, granted: boolean, resource?: string) =>
      update((previous) => {
        const toggle = (list: readonly string[]) =>
          granted ? [...list.filter((s) => s !== scope), scope] : list.filter((s) => s !== scope);
        if (resource === undefined) return { ...previous, profileScopes: toggle(previous.profileScopes) };
        return {
          ...previous,
          resources: { ...previous.resources, [resource]: toggle(previous.resources[resource] ?? []) },
        };
      }),
    [update],
  );

  const single = request.organizations?.selection === 'single';
  const setOrganizationSelected = useCallback(
    (id: string, selected: boolean) =>
      update((previous) => {
        const rest = previous.organizationIds.filter((o) => o !== id);
        const organizationIds = selected ? (single ? [id] : [...rest, id]) : rest;
        return { ...previous, organizationIds };
      }),
    [update, single],
  );

  const setResourceGranted = useCallback(
    (resource: string, granted: boolean) =>
      update((previous) => {
        const offered = request.resources.find((r) => r.indicator === resource);
        if (!offered) return previous;
        const scopes = granted
          ? offered.scopes.map((s) => s.name)
          : offered.scopes.filter((s) => s.required).map((s) => s.name);
        return { ...previous, resources: { ...previous.resources, [resource]: scopes } };
      }),
    [update, request],
  );

  const setRemember = useCallback((remember: boolean) => update((previous) => ({ ...previous, remember })), [update]);
  const setClaimGranted = useCallback(
    (claim: string, granted: boolean) =>
      update((previous) => {
        const rest = (previous.claims ?? []).filter((c) => c !== claim);
        return { ...previous, claims: granted ? [...rest, claim] : rest };
      }),
    [update],
  );

  return useMemo(() => {
    const organizations = request.organizations;
    return {
      value: current,
      isScopeGranted: (scope, resource) =>
        resource === undefined
          ? current.profileScopes.includes(scope)
          : (current.resources[resource] ?? []).includes(scope),
      setScopeGranted,
      setResourceGranted,
      isOrganizationSelected: (id) => current.organizationIds.includes(id),
      setOrganizationSelected,
      setRemember,
      isClaimGranted: (claim) => (current.claims ?? []).includes(claim),
      setClaimGranted,
      organizationMissing: !!organizations?.required && current.organizationIds.length === 0,
      blocked: !!organizations && organizations.options.length === 0,
      nothingNew:
        !organizations &&
        request.claims.length === 0 &&
        [...request.profileScopes, ...request.resources.flatMap((r) => r.scopes)].every((s) => s.granted === true),
    };
  }, [current, request, setScopeGranted, setResourceGranted, setOrganizationSelected, setRemember, setClaimGranted]);
}
