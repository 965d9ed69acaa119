/**
 * Redaction of the recorder's output before it is written into the repository: what is secret
 * (client secret, passwords, tokens, authorization codes, cookies) or tied to one run (Logto's
 * generated ids, interaction uids, the run tag in names) or to a machine (origins) is replaced
 * by stable, readable stand-ins, so two recordings of the same scenario differ only where Logto
 * changed. Cookies are never recorded in the first place (see `browser.ts`).
 */

/** A value to replace and what replaces it. */
export type Replacement = readonly [real: string, stand_in: string];

/** JWTs (ID, access and refresh tokens in JWT form). */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;
/** Query parameters whose values are per-run secrets or nonces. */
const SECRET_PARAMS = /([?&](?:code|state|nonce|code_challenge|session_state|iss)=)[^&"#\s]+/g;
/** An OIDC interaction's uid in Logto's resume URL, `/oidc/auth/<uid>`. */
const INTERACTION_PATH = /\/oidc\/auth\/([\w-]{8,})/g;

/**
 * Replaces `replacements`, as given and URL-encoded (longest value first, so an id inside a
 * longer id is not cut), then
 * every JWT, per-run query parameter and interaction uid, throughout `value` (any JSON).
 * Interaction uids become `interaction-1`, `interaction-2` … in the order they appear.
 */
export function redact<T>(value: T, replacements: readonly Replacement[]): T {
  let text = JSON.stringify(value);
  const encoded = replacements.map(
    ([real, standIn]): Replacement => [encodeURIComponent(real), encodeURIComponent(standIn)],
  );
  const ordered = [...replacements, ...encoded]
    .filter(([real]) => real !== '')
    .sort((a, b) => b[0].length - a[0].length);
  for (const [real, standIn] of ordered) text = text.split(real).join(standIn);
  text = text.replace(JWT, '<jwt>').replace(SECRET_PARAMS, '$1<redacted>');
  const uids = new Map<string, string>();
  text = text.replace(INTERACTION_PATH, (_, uid: string) => {
    if (!uids.has(uid)) uids.set(uid, `interaction-${uids.size + 1}`);
    return `/oidc/auth/${uids.get(uid)}`;
  });
  return JSON.parse(text) as T;
}

/**
 * Returns what in `value` still looks like a leak: a listed secret, a JWT, or a string in the
 * form of a Logto-generated id (lower-case letters and digits, 12–21 long, with a digit) that is
 * not one of `allowed`.
 */
export function leaks(value: unknown, secrets: readonly string[], allowed: ReadonlySet<string> = new Set()): string[] {
  const text = JSON.stringify(value);
  // Name where a listed secret sits (the 40 characters before it), never the secret itself.
  const found = secrets
    .filter((secret) => secret !== '' && text.includes(secret))
    .map(
      (secret) => `a listed secret after "${text.slice(Math.max(0, text.indexOf(secret) - 40), text.indexOf(secret))}"`,
    );
  if (text.match(JWT)) found.push('a JWT');
  for (const [candidate] of text.matchAll(/\b[a-z0-9]{12,21}\b/g)) {
    if (/\d/.test(candidate) && /[a-z]/.test(candidate) && !allowed.has(candidate)) found.push(candidate);
  }
  return found;
}
