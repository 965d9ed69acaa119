/**
 * What every bridge's steps are built from, whatever the provider: the client block (only
 * http(s) URLs, branding colors checked), the user block (only `UserInfo` fields), and the small
 * parsers of provider values.
 */
import { safeBranding } from '../../protocol/branding.js';
import type { ClientInfo, UserInfo } from '../../protocol/interaction.js';
import { redirectFields, safeHttpUrl } from '../../protocol/url.js';

/** A client's registration as the provider keeps it (OAuth 2.0 dynamic registration names). */
export interface ClientRegistration {
  id: string;
  name?: string | undefined;
  logoUri?: string | undefined;
  clientUri?: string | undefined;
  policyUri?: string | undefined;
  tosUri?: string | undefined;
}

/** What the host says about a client, beyond its registration. */
export type ClientDescription = Partial<Pick<ClientInfo, 'party' | 'verified' | 'logo' | 'branding'>>;

/**
 * The step's client block: third party and unverified unless the host says otherwise, the host's
 * logos over the registered one, URLs kept only when http(s), the redirect URI as a link (http(s))
 * or as text (a native app's custom scheme), branding colors only as `#rgb` / `#rrggbb`.
 */
export function clientInfo(
  registration: ClientRegistration,
  described: ClientDescription = {},
  redirectUri?: unknown,
): ClientInfo {
  const info: ClientInfo = {
    id: registration.id,
    name: registration.name || registration.id,
    party: described.party === 'first' ? 'first' : 'third',
    verified: described.verified === true,
  };
  const light = safeHttpUrl(described.logo?.light ?? registration.logoUri);
  const dark = safeHttpUrl(described.logo?.dark);
  if (light || dark) info.logo = { ...(light && { light }), ...(dark && { dark }) };
  const homepage = safeHttpUrl(registration.clientUri);
  if (homepage) info.homepage = homepage;
  const policy = safeHttpUrl(registration.policyUri);
  if (policy) info.policyUrl = policy;
  const terms = safeHttpUrl(registration.tosUri);
  if (terms) info.termsUrl = terms;
  Object.assign(info, redirectFields(redirectUri));
  const branding = safeBranding(described.branding);
  if (branding) info.branding = branding;
  return info;
}

/** Copies the `UserInfo` fields worth sending (non-empty strings); the id falls back to `accountId`. */
export function pickUser(user: UserInfo | undefined, accountId: string): UserInfo {
  const picked: UserInfo = { id: typeof user?.id === 'string' && user.id ? user.id : accountId };
  for (const key of ['displayName', 'avatar', 'email', 'phone', 'username'] as const) {
    const value = user?.[key];
    if (typeof value === 'string' && value !== '') picked[key] = value;
  }
  return picked;
}

/** The non-empty strings of an array; `[]` for anything else. */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** The words of a space-separated string (`scope`, `ui_locales`); `[]` for anything else. */
export function splitSpaces(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
