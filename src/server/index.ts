/**
 * `consent-kit/server`: Node bridges that serve the kit protocol for identity providers.
 * Node only; never imported by the UI.
 *
 * @packageDocumentation
 */
export { createOidcProviderBridge } from './oidc-provider/bridge.js';
export type {
  ClaimDescription,
  ClientDescription,
  OrganizationDescription,
  ConsentContextLike,
  GrantLike,
  InteractionDetailsLike,
  NextFunction,
  OidcProviderBridge,
  OidcProviderBridgeOptions,
  OidcProviderLike,
  ProviderClientLike,
} from './oidc-provider/bridge.js';
export { createHydraBridge, HydraAdminError } from './hydra/bridge.js';
export type {
  HydraAcceptConsent,
  HydraAcceptLogin,
  HydraBridge,
  HydraBridgeOptions,
  HydraClient,
  HydraConsentRequest,
  HydraLoginRequest,
  HydraRedirect,
  HydraReject,
} from './hydra/bridge.js';
export { computeConsentOffer, isConsentDecision, planConsent, REQUIRED_PROFILE_SCOPES } from './core/consent-offer.js';
export type {
  ConsentOffer,
  ConsentOfferInput,
  ConsentPlanResult,
  GrantPlan,
  OrganizationOffer,
  ResourceOffer,
} from './core/consent-offer.js';
export type { OrganizationMembership, PermissionMap, ResourceDescription } from './core/rbac.js';
export { normalizeIdentifier } from './core/limits.js';
export type { AttemptLimitOptions } from './core/limits.js';
export { StoreFullError } from './core/store.js';
export type { AttemptCount, AttemptCounter, AttemptCounterOptions, JsonValue, KitStore } from './core/store.js';
export { createMemoryStore } from './stores/memory.js';
export type { MemoryStoreOptions } from './stores/memory.js';
export { createOidcMemoryAdapter } from './stores/oidc-adapter.js';
export type {
  OidcAdapter,
  OidcAdapterFactory,
  OidcAdapterPayload,
  OidcMemoryAdapterOptions,
} from './stores/oidc-adapter.js';
export { createVerificationCodes } from './core/codes.js';
export type { VerificationCodes, VerificationCodesOptions } from './core/codes.js';
export type { ConnectorContext, ConnectorHost, ConnectorStart, SignInBridgeOptions } from './core/sign-in.js';
