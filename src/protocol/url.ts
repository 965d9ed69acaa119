/**
 * The one safe-URL check of consent-kit. Provider URLs reach `href`, `src` and
 * `location.assign` only through it, so a `javascript:`, `data:` or `vbscript:` URL from a
 * provider (or an attacker who registered a client) can never run in the IdP's origin.
 */

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * Returns the URL, resolved against `base` and normalized, when it is `http:` or `https:`;
 * `undefined` for anything else (other schemes, unparsable strings, non-strings).
 *
 * @param value - untrusted URL from a provider
 * @param base - base for relative URLs; without it, relative URLs are rejected
 */
export function safeHttpUrl(value: unknown, base?: string | URL): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return undefined;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}

/** A path on the page's own origin: one `/`, then no backslash, whitespace or control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^\s\u0000-\u001f\u007f\\]*$/;

/**
 * Whether `value` is a path on the page's own origin (`/interaction/abc`): what a step's form
 * posts may target. `javascript:`, another origin, `//host` and `/\host` never are.
 */
export function isSameOriginPath(value: unknown): value is string {
  return typeof value === 'string' && SAME_ORIGIN_PATH.test(value);
}

/**
 * Schemes that are never shown, not even as text: they run script or reach local or
 * in-memory data (`javascript:`, `data:`, `vbscript:`, `file:`, `blob:`, `about:`,
 * `filesystem:`). A redirect URI using one is no app's redirect URI.
 */
const UNSAFE_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'filesystem:']);

/**
 * A native app's redirect URI with a scheme of its own (RFC 8252 §7.1, e.g.
 * `com.example.app:/oauth2redirect`), normalized by the URL parser, as **text to show**: the
 * scheme names the app the user returns to. `undefined` for `http(s)` URLs (use
 * {@link safeHttpUrl}), unparsable or relative values, and the schemes of `UNSAFE_SCHEMES`.
 *
 * Never put the result in `href` or `src`, nor navigate to it: following a redirect URI is the
 * provider's job, after the decision.
 */
export function nativeRedirectText(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (SAFE_PROTOCOLS.has(url.protocol) || UNSAFE_SCHEMES.has(url.protocol)) return undefined;
  return url.href;
}

/** Where the user returns after the decision, split the way `ClientInfo` carries it. */
export interface RedirectFields {
  /** An `http(s)` redirect URI (web apps, and native apps' loopback or claimed `https` URIs). */
  redirectUri?: string;
  /** A native app's custom-scheme redirect URI: text only. */
  nativeRedirectUri?: string;
}

/**
 * Sorts an untrusted redirect URI into {@link RedirectFields}: `http(s)` (normalized) into
 * `redirectUri`, a native app's custom scheme into `nativeRedirectUri`, anything else dropped.
 */
export function redirectFields(value: unknown): RedirectFields {
  const web = safeHttpUrl(value);
  if (web) return { redirectUri: web };
  const native = nativeRedirectText(value);
  return native ? { nativeRedirectUri: native } : {};
}
