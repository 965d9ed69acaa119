/**
 * The client's URL guarantee: every step `createInteractionClient` hands out carries only
 * `http(s)` URLs, whatever the adapter (the kit's own or a host's) read from the provider.
 * Hosts building their own UI on `consent-kit/client` bind these fields straight into `href`
 * and `src`, so a `javascript:`, `data:`, `vbscript:` or `file:` URL must never reach them.
 *
 * Each URL field is passed through `safeHttpUrl` (normalized, or dropped); the redirect URI is
 * split into `redirectUri` (http(s)) and `nativeRedirectUri` (a native app's scheme, as text).
 */
import { safeBranding } from '../protocol/branding.js';
import type {
  ClientInfo,
  Connector,
  InteractionStep,
  LoginRequest,
  Logo,
  OrganizationContext,
  UserInfo,
} from '../protocol/interaction.js';
import { isSameOriginPath, redirectFields, safeHttpUrl } from '../protocol/url.js';

/** A URL with nothing for a parser to strip or rewrite: no whitespace, no control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const PLAIN = /^[^\s\u0000-\u001f\u007f]+$/;

/**
 * The URL when it is `http(s)`: as the provider wrote it when that is already plain (so the
 * host sees its provider's values), else as the URL parser normalized it (`' java\tscript:'`
 * never survives either way: the parser reads it as `javascript:`).
 */
function safeUrl(value: unknown): string | undefined {
  const url = safeHttpUrl(value);
  return url !== undefined && typeof value === 'string' && PLAIN.test(value) ? value : url;
}

/** The logo with its unsafe variants dropped; `undefined` when none is left. */
function safeLogo(logo: Logo | undefined): Logo | undefined {
  const light = safeUrl(logo?.light);
  const dark = safeUrl(logo?.dark);
  return light || dark ? { ...(light && { light }), ...(dark && { dark }) } : undefined;
}

/** Sets `object[key]` to the safe URL, or deletes it. */
function setUrl<T extends object, K extends keyof T>(object: T, key: K, value: unknown): void {
  const url = safeUrl(value);
  if (url === undefined) delete object[key];
  else object[key] = url as T[K];
}

function safeClient(client: ClientInfo): ClientInfo {
  const { redirectUri, nativeRedirectUri, ...rest } = client;
  const given = redirectUri ?? nativeRedirectUri;
  const redirect = redirectFields(given);
  if (redirect.redirectUri) redirect.redirectUri = safeUrl(given)!;
  const result: ClientInfo = { ...rest, ...redirect };
  const logo = safeLogo(client.logo);
  if (logo) result.logo = logo;
  else delete result.logo;
  setUrl(result, 'homepage', client.homepage);
  setUrl(result, 'policyUrl', client.policyUrl);
  setUrl(result, 'termsUrl', client.termsUrl);
  const branding = safeBranding(client.branding);
  if (branding) result.branding = branding;
  else delete result.branding;
  return result;
}

function safeUser(user: UserInfo): UserInfo {
  const result = { ...user };
  if (user.avatar !== undefined) setUrl(result, 'avatar', user.avatar);
  return result;
}

function safeOrganization(organization: OrganizationContext): OrganizationContext {
  const { branding, ...rest } = organization;
  const safe = safeBranding(branding);
  return safe ? { ...rest, branding: safe } : rest;
}

function safeConnector(connector: Connector): Connector {
  const { logo, ...rest } = connector;
  const safe = safeLogo(logo);
  return safe ? { ...rest, logo: safe } : rest;
}

function safeLogin(login: LoginRequest): LoginRequest {
  const result: LoginRequest = { ...login };
  if (login.createAccountUrl !== undefined) setUrl(result, 'createAccountUrl', login.createAccountUrl);
  if (login.forgotPasswordUrl !== undefined) setUrl(result, 'forgotPasswordUrl', login.forgotPasswordUrl);
  if (login.connectors) result.connectors = login.connectors.map(safeConnector);
  if (login.session) result.session = safeUser(login.session);
  return result;
}

/**
 * A copy of `step` whose URL fields are `http(s)` URLs or absent: client logo, home page,
 * policy and terms, redirect URI (a native app's custom scheme moves to `nativeRedirectUri`,
 * as text), app and organization branding logos, the user's avatar, the sign-in step's
 * connector logos, account links and session avatar; and the form posts' action is a path on
 * the page's own origin, or the step has no form posts. Everything else is kept as it is.
 */
export function safeStepUrls<S extends InteractionStep>(step: S): S {
  const result = { ...step, client: safeClient(step.client) };
  // A form's action is a navigation target: `javascript:`, another origin or `//host` never.
  if (step.form && !isSameOriginPath(step.form.action)) delete result.form;
  if (step.organization) result.organization = safeOrganization(step.organization);
  if (result.kind === 'consent') result.user = safeUser(result.user);
  else result.login = safeLogin(result.login);
  return result;
}
