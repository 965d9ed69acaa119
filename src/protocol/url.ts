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
