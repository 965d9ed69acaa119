/**
 * A tiny cookie jar for driving oidc-provider with `fetch` (redirect: 'manual') like a browser
 * would: one origin, path scoping, deletion by expiry. Enough for tests, nothing more.
 */

interface StoredCookie {
  name: string;
  value: string;
  path: string;
}

function defaultPath(url: URL): string {
  const { pathname } = url;
  const slash = pathname.lastIndexOf('/');
  return slash <= 0 ? '/' : pathname.slice(0, slash);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath.charAt(cookiePath.length) === '/';
}

export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Records the response's `set-cookie` headers, as received for `url`. */
  store(url: string | URL, response: Response): void {
    const target = new URL(url);
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let path = defaultPath(target);
      let expired = false;
      for (const attribute of attributes) {
        const [rawKey = '', ...rest] = attribute.split('=');
        const key = rawKey.trim().toLowerCase();
        const attributeValue = rest.join('=').trim();
        if (key === 'path' && attributeValue.startsWith('/')) path = attributeValue;
        if (key === 'max-age' && Number(attributeValue) <= 0) expired = true;
        if (key === 'expires' && Date.parse(attributeValue) <= Date.now()) expired = true;
      }
      const id = `${name};${path}`;
      if (expired) this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path });
    }
  }

  /** The `cookie` header for a request to `url` (longest paths first, as browsers do). */
  header(url: string | URL): string {
    const { pathname } = new URL(url);
    return [...this.#cookies.values()]
      .filter((cookie) => pathMatches(pathname, cookie.path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  /** Names of the cookies held, for assertions. */
  names(): string[] {
    return [...new Set([...this.#cookies.values()].map((cookie) => cookie.name))];
  }

  /** `fetch` with this jar's cookies, never following redirects. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(url, response);
    return response;
  }
}
