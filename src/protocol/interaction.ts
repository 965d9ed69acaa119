/**
 * Provider-neutral domain model of an OpenID Connect interaction.
 *
 * The UI renders only these types; adapters translate each provider's payloads into them.
 * No provider SDK type appears here, and nothing here holds user-facing English: labels come
 * from the locale files, and provider-supplied text is carried as data to be rendered as text.
 *
 * @packageDocumentation
 */
import type { InteractionErrorCode } from './errors.js';

/**
 * A logo in light and dark variants. Either may be missing. Steps from `createInteractionClient`
 * carry `http(s)` URLs only; in a step from elsewhere, check them (`safeHttpUrl`) before use.
 */
export interface Logo {
  /** Logo for light backgrounds. */
  light?: string;
  /** Logo for dark backgrounds. */
  dark?: string;
}

/**
 * Brand color and logo a provider supplies for the app or the organization of a request
 * (Logto's application and organization branding). Untrusted: adapters keep only CSS hex
 * colors (`#rgb` / `#rrggbb`), and the screens derive every color from them through the
 * theme's contrast rules, never writing them into CSS as given.
 */
export interface ProviderBranding {
  /** Brand color per scheme (`#rgb` / `#rrggbb`); `dark` falls back to `light`. */
  brand?: { light?: string; dark?: string };
  /** Logo that replaces the operator's (`<BrandLogo>`) on this request's screens. */
  logo?: Logo;
}

/**
 * The one organization a request targets (Logto's `organization_id` authorization parameter),
 * when the provider names one. Its branding overrides the app's and the operator's.
 */
export interface OrganizationContext {
  /** Organization identifier. */
  id: string;
  /** Display name (alt text of its logo). Untrusted text. */
  name: string;
  branding?: ProviderBranding;
}

/** The application (OAuth client) asking for access. */
export interface ClientInfo {
  /** The client identifier. */
  id: string;
  /** Display name, as registered with the provider. Untrusted text. */
  name: string;
  /** Logo URLs; absent when the client registered none. */
  logo?: Logo;
  /** The application's home page. */
  homepage?: string;
  /** Privacy policy URL. */
  policyUrl?: string;
  /** Terms of service URL. */
  termsUrl?: string;
  /**
   * Where the user will be sent after the decision, when it is an `http(s)` URL (web apps,
   * and native apps' loopback or claimed `https` redirect URIs). Absent for device-flow
   * requests.
   */
  redirectUri?: string;
  /**
   * A native app's redirect URI with its own scheme (RFC 8252 §7.1, e.g.
   * `com.example.app:/oauth2redirect`): **text to show**, since the scheme names the app the
   * user returns to. Never a link or a navigation target: the provider follows it after the
   * decision. Script-capable and local schemes (`javascript:`, `data:`, `file:` …) never
   * appear here.
   */
  nativeRedirectUri?: string;
  /** Whether the client belongs to the provider's operator or to a third party. */
  party: 'first' | 'third';
  /** Whether the operator has verified the client's identity. */
  verified: boolean;
  /** The app's own brand color and logo, over the operator's theme. */
  branding?: ProviderBranding;
}

/** The signed-in end user. */
export interface UserInfo {
  /** Stable account identifier (the `sub`). */
  id: string;
  /** Human-readable name, when known. Untrusted text. */
  displayName?: string;
  /** Avatar URL (`http(s)` only in steps from `createInteractionClient`). */
  avatar?: string;
  email?: string;
  phone?: string;
  username?: string;
}

/** A scope offered to the user on the consent screen. */
export interface ScopeItem {
  /** The scope value, e.g. `email` or `read:reports`. */
  name: string;
  /**
   * Provider-supplied description, if any. Standard OIDC scopes are described by the locale
   * files instead, so adapters leave this empty for them.
   */
  description?: string;
  /**
   * Provider-supplied descriptions per language (BCP 47 tag → text, e.g. `{ ko: '보고서 읽기' }`).
   * The screen shows the one for the language it renders (exact tag, then base language),
   * else `description`.
   */
  descriptions?: Record<string, string>;
  /** Locked on: the user cannot untick it (e.g. `openid`). */
  required: boolean;
  /** The user granted this scope to this client before. */
  granted?: boolean;
}

/**
 * A claim the app asks for by name through the `claims` request parameter (OpenID Connect
 * Core §5.5), that no scope on the same screen releases: shown on its own line, and the user
 * may refuse it like an optional scope.
 */
export interface ClaimItem {
  /** The claim name, e.g. `email` or `given_name`. */
  name: string;
  /**
   * Provider-supplied description, if any. Standard claims (OpenID Connect Core §5.1) are
   * described by the locale files instead.
   */
  description?: string;
  /** Provider-supplied descriptions per language, as for {@link ScopeItem.descriptions}. */
  descriptions?: Record<string, string>;
}

/** An API resource (RFC 8707 resource indicator) with the scopes requested for it. */
export interface ResourceRequest {
  /** The resource indicator, e.g. `https://api.example.com`. */
  indicator: string;
  /** Display name of the API. Falls back to the indicator. Untrusted text. */
  name?: string;
  /** The scopes offered for this resource (only those the user holds). */
  scopes: ScopeItem[];
}

/** An organization the user may grant the client access to. */
export interface OrganizationOption {
  /** Organization identifier. */
  id: string;
  /** Organization display name. Untrusted text. */
  name: string;
  /** The user's role in the organization, for display. */
  role?: string;
  /** The organization permissions that will be granted for this organization. */
  permissions: ScopeItem[];
}

/** The organization choice that comes with a request for organization permissions. */
export interface OrganizationRequest {
  /** The organizations the user is a member of. Empty: the user cannot continue. */
  options: OrganizationOption[];
  /** `single`: pick one; `multiple`: pick any number. */
  selection: 'single' | 'multiple';
  /** Whether at least one organization must be chosen. */
  required: boolean;
}

/** A scope the provider did not offer because the user lacks the permission. */
export interface WithheldScope {
  /** The scope value. */
  name: string;
  /** The resource indicator it belongs to; absent for OIDC scopes. */
  resource?: string;
  /** Provider-supplied description, as for {@link ScopeItem.description}. */
  description?: string;
  /** Provider-supplied descriptions per language, as for {@link ScopeItem.descriptions}. */
  descriptions?: Record<string, string>;
}

/** Everything the consent screen shows, in the kit's own terms. */
export interface ConsentRequest {
  /** OIDC scopes (`openid`, `profile`, `email`, …, custom). */
  profileScopes: ScopeItem[];
  /** API resources with their scopes, one entry per resource indicator. */
  resources: ResourceRequest[];
  /** Organization choice, when organization permissions are requested. */
  organizations?: OrganizationRequest;
  /**
   * Claims requested one by one through the `claims` parameter that no requested profile scope
   * releases (those follow their scope's checkbox). Each may be refused.
   */
  claims: ClaimItem[];
  /** Scopes withheld because the user lacks them. Never offered. */
  withheld: WithheldScope[];
  /** Whether the decision may be remembered for next time. */
  rememberable: boolean;
  /**
   * The decision a plain HTML form post sent (the page's script had not run yet), when the
   * bridge refused it and sent the browser back to this page: the error to show, and the
   * choices to keep. See {@link NativeForm}.
   */
  attempt?: ConsentAttempt;
}

/** A consent decision posted as a plain HTML form that the bridge refused. */
export interface ConsentAttempt {
  /** Why it was refused (`invalid_organization`, `invalid_scope`, `server_error`, …). */
  error: InteractionErrorCode;
  /** The choices it carried, to show again (absent when it was Cancel or "Not you?" that failed). */
  decision?: ConsentDecision;
}

/** The user's consent decision, sent back to the provider. */
export interface ConsentDecision {
  /** Granted OIDC scopes. */
  profileScopes: string[];
  /** Granted API scopes, keyed by resource indicator. */
  resources: Record<string, string[]>;
  /** Chosen organization identifiers. */
  organizationIds: string[];
  /**
   * Approved claims, by name, among {@link ConsentRequest.claims}. Absent: none approved (a
   * decision built without looking at the claims releases none of them).
   */
  claims?: string[];
  /** Remember the decision so the provider may skip the screen next time. */
  remember: boolean;
}

/** Kinds of identifier a provider accepts at sign-in. */
export type IdentifierKind = 'email' | 'username' | 'phone';

/** A social or enterprise SSO connection the user may sign in through. */
export interface Connector {
  /** The provider's identifier of the connector (sent back to start it). */
  id: string;
  /** `social` (Google, GitHub …) or `sso` (an enterprise's own IdP). */
  kind: 'social' | 'sso';
  /** Display name, e.g. "Google". Untrusted text. */
  name: string;
  /** Logo URLs (`http(s)` only in steps from `createInteractionClient`). */
  logo?: Logo;
  /** Email domains whose users must sign in through this connector (`sso` connectors). */
  domains?: string[];
}

/** Sign-in by a one-time code sent to the identifier (email or phone). */
export interface VerificationCodeOptions {
  /** Number of characters of the code. */
  length: number;
}

/** What the sign-in screen needs to know. */
export interface LoginRequest {
  /** Accepted identifier kinds, in the provider's order of preference. */
  identifiers: IdentifierKind[];
  /** Whether a password step is offered. */
  password: boolean;
  /** A hint to prefill the identifier (`login_hint`). Untrusted text. */
  loginHint?: string;
  /** Present when the provider signs in by emailed or texted code. */
  code?: VerificationCodeOptions;
  /** Social and SSO connectors, in display order. */
  connectors?: Connector[];
  /**
   * The account already signed in at the provider that may continue without signing in again
   * ("Continue as Alice"). Only sent when the provider does not demand a fresh sign-in.
   */
  session?: UserInfo;
  /** Where to create an account (`http(s)` only in steps from `createInteractionClient`). */
  createAccountUrl?: string;
  /** Where to reset a forgotten password (`http(s)` only in steps from `createInteractionClient`). */
  forgotPasswordUrl?: string;
  /**
   * An error to show on arrival: the previous attempt failed away from this page (e.g. a
   * connector sign-in the upstream provider refused, or a password posted as a plain HTML
   * form that was wrong).
   */
  error?: InteractionErrorCode;
  /**
   * With `error`, when it was a connector's sign-in that failed: which connector, and whether
   * the user cancelled it at the connector's provider (it answered `error=access_denied`), so
   * the screen can say so and offer the other ways to sign in.
   */
  failedConnector?: { id: string; cancelled: boolean };
  /**
   * The provider says, per identifier, which methods it signs in with
   * (`InteractionClient.identify`): the screen asks after the identifier step and goes
   * straight to the code for an account that has no password. See {@link SignInMethods}.
   */
  identify?: boolean;
  /**
   * Where a sign-in posted as a plain HTML form left off (the page's script had not run yet),
   * on the page the bridge sent the browser back to: the view to show and the identifier
   * typed. See {@link NativeForm}.
   */
  attempt?: SignInAttempt;
}

/** Where a sign-in posted as a plain HTML form left off. */
export interface SignInAttempt {
  /** The view to show: the password or the code for `identifier`, or the identifier again. */
  view: 'identifier' | 'password' | 'code';
  /** The identifier typed. Untrusted text. */
  identifier: string;
  /** Seconds to wait before trying again, with `error: 'too_many_attempts'`. */
  retryAfter?: number;
  /** In the code view: seconds before another code may be sent. */
  resendAfter?: number;
  /**
   * The methods `identifier` signs in with, as the provider told (`LoginRequest.identify`,
   * the same answer as `POST identify`): a code-only account is not offered its password.
   */
  methods?: SignInMethod[];
}

/** A way to sign in after the identifier step. */
export type SignInMethod = 'password' | 'code';

/** Asks which methods an identifier signs in with (`LoginRequest.identify`). */
export interface IdentifyRequest {
  identifier: string;
}

/**
 * The methods an identifier signs in with, among those the step offers. Providers answer an
 * identifier without an account exactly as one whose account uses the default methods, so the
 * answer never says whether an account exists, only that it is not of the default kind.
 */
export interface SignInMethods {
  methods: SignInMethod[];
}

/** A sign-in attempt with identifier and password. */
export interface LoginSubmission {
  identifier: string;
  password: string;
}

/** Asks the provider to send a one-time code to `identifier`. */
export interface CodeRequest {
  identifier: string;
}

/** The provider's answer to a {@link CodeRequest}. */
export interface CodeSent {
  /** Seconds before another code may be requested. */
  resendAfter: number;
}

/** A sign-in attempt with a one-time code. */
export interface CodeSubmission {
  identifier: string;
  code: string;
}

/** Starts a sign-in through a connector; the answer is the connector's URL to navigate to. */
export interface ConnectorRequest {
  connectorId: string;
  /** The identifier typed so far (an email routed to SSO), passed on as a login hint. */
  identifier?: string;
}

/** Where the browser must go next: always a top-level navigation. */
export interface Redirect {
  /** An absolute `http:` or `https:` URL. */
  to: string;
}

/** Fields every interaction step carries. */
interface StepBase {
  /** The interaction's identifier at the provider. */
  uid: string;
  /** The client that started the authorization request. */
  client: ClientInfo;
  /** The request's `ui_locales`, most preferred first (BCP 47 tags). */
  uiLocales: string[];
  /** The organization the request targets, if any: its branding wins over the app's. */
  organization?: OrganizationContext;
  /**
   * Present when the bridge also takes the step's submissions as plain HTML form posts, so a
   * server-rendered screen works before its script has run (see {@link NativeForm}).
   */
  form?: NativeForm;
}

/**
 * How a server-rendered screen submits before its script runs: its forms post
 * `application/x-www-form-urlencoded` to `<action>/<endpoint>` (the kit protocol's endpoints,
 * fields as in `KIT_FORM_FIELDS`) with `token` in the `csrf_token` field, and the bridge answers
 * with a `303` to where the JSON answer would send the browser. Once the screen has hydrated,
 * it submits JSON as always.
 */
export interface NativeForm {
  /** The interaction's URL, a same-origin path (`/interaction/<uid>`). */
  action: string;
  /**
   * The interaction's synchronizer token (random, kept by the bridge): a form post without it
   * is refused, so no other page can post the user's decision for them.
   */
  token: string;
}

/** The user must sign in. */
export interface LoginStep extends StepBase {
  kind: 'login';
  login: LoginRequest;
}

/** The signed-in user must decide what to grant. */
export interface ConsentStep extends StepBase {
  kind: 'consent';
  user: UserInfo;
  consent: ConsentRequest;
}

/** The current step of an interaction. */
export type InteractionStep = LoginStep | ConsentStep;
