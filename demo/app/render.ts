/**
 * Renders what a demo app received, for people (the demo) and for the end-to-end tests,
 * which read the `data-testid` elements. Pure string building, shared by server and SPA.
 */

/** What a finished authorization request produced. */
export type DemoResult =
  | {
      ok: true;
      client: string;
      idTokenClaims: Record<string, unknown>;
      /** Scope string of the token response. */
      scope: string | undefined;
      /** Decoded JWT access token claims, when the access token is a JWT (API audience). */
      accessToken: { aud: unknown; scope: unknown } | undefined;
    }
  | { ok: false; client: string; error: string; errorDescription?: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Decodes a JWT's payload without verifying it: display only, the RP verified the ID token. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (token.split('.').length !== 3 || !part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** The result section of a demo app page. */
export function renderResult(result: DemoResult): string {
  if (!result.ok) {
    return `<section aria-labelledby="result-title">
  <h2 id="result-title">The identity provider did not grant access</h2>
  <p>Error: <code data-testid="error">${escapeHtml(result.error)}</code></p>
  ${result.errorDescription ? `<p data-testid="error-description">${escapeHtml(result.errorDescription)}</p>` : ''}
</section>`;
  }
  const json = (value: unknown) => escapeHtml(JSON.stringify(value, null, 2));
  return `<section aria-labelledby="result-title">
  <h2 id="result-title">Signed in through ${escapeHtml(result.client)}</h2>
  <h3>ID token claims</h3>
  <pre data-testid="id-token-claims">${json(result.idTokenClaims)}</pre>
  <h3>Token response scope</h3>
  <pre data-testid="token-scope">${escapeHtml(result.scope ?? '')}</pre>
  <h3>Access token</h3>
  ${
    result.accessToken
      ? `<p>Audience: <code data-testid="access-token-aud">${json(result.accessToken.aud)}</code></p>
  <p>Scopes: <code data-testid="access-token-scope">${escapeHtml(String(result.accessToken.scope ?? ''))}</code></p>`
      : '<p data-testid="access-token-opaque">Opaque access token (for the userinfo endpoint).</p>'
  }
</section>`;
}
