/**
 * A stand-in for the user's browser on the Logto origin, for the recorder: a `fetch` that keeps
 * Logto's cookies (host-only, path-scoped, as a browser would), records every request and answer
 * on the Logto origin, and follows top-level navigations through Logto's OIDC redirects until a
 * page the kit would render (`/sign-in`, `/consent`) or the relying party's callback.
 */
import type { RecordedExchange } from '../../test/fixtures/logto/recording.js';

interface Cookie {
  name: string;
  value: string;
  path: string;
}

/** Parses one `set-cookie` header into a cookie, or a deletion (`value` undefined). */
function parseSetCookie(header: string, requestPath: string): { cookie: Cookie; expired: boolean } {
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  let path = requestPath.replace(/\/[^/]*$/, '') || '/';
  let expired = false;
  for (const attribute of attributes) {
    const [key = '', raw = ''] = attribute.split('=');
    const lower = key.trim().toLowerCase();
    if (lower === 'path') path = raw.trim() || '/';
    if (lower === 'max-age' && Number(raw) <= 0) expired = true;
    if (lower === 'expires' && Date.parse(raw) <= Date.now()) expired = true;
  }
  return { cookie: { name, value, path }, expired };
}

const pathMatches = (cookiePath: string, requestPath: string) =>
  requestPath === cookiePath || requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);

function bodyOf(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: keep the text
    }
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

export interface Browser {
  /** `fetch` for the kit's interaction client: carries the cookies, records `api` exchanges. */
  fetch: typeof fetch;
  /**
   * Navigates like a browser's address bar: follows redirects on the Logto origin and stops at
   * the first URL that is not an OIDC endpoint (a Logto page, or the relying party), which it
   * returns without loading it.
   */
  navigate(url: string): Promise<URL>;
  /** Everything recorded so far, in order; `take()` empties it. */
  take(): RecordedExchange[];
}

export function createBrowser(origin: string): Browser {
  const jar = new Map<string, Cookie>();
  let exchanges: RecordedExchange[] = [];

  const cookieHeader = (path: string) =>
    [...jar.values()]
      .filter((cookie) => pathMatches(cookie.path, path))
      .sort((a, b) => b.path.length - a.path.length)
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');

  async function send(url: URL, init: RequestInit, kind: RecordedExchange['kind']) {
    const headers = new Headers(init.headers);
    const cookies = cookieHeader(url.pathname);
    if (cookies) headers.set('cookie', cookies);
    const response = await globalThis.fetch(url, { ...init, headers, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      const { cookie, expired } = parseSetCookie(header, url.pathname);
      const key = `${cookie.name};${cookie.path}`;
      if (expired) jar.delete(key);
      else jar.set(key, cookie);
    }
    const text = await response.text();
    const contentType = response.headers.get('content-type');
    const location = response.headers.get('location');
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    exchanges.push({
      kind,
      request: { method: init.method ?? 'GET', path: url.pathname + url.search, ...(body !== undefined && { body }) },
      response: {
        status: response.status,
        ...(contentType && { contentType }),
        ...(location && { location }),
        ...(kind === 'api' && { body: bodyOf(text, contentType) }),
      },
    });
    return { response, text };
  }

  return {
    async fetch(input, init = {}) {
      const url = new URL(input instanceof Request ? input.url : String(input), origin);
      if (url.origin !== origin) throw new TypeError(`the recorder only talks to ${origin}, not ${url.origin}`);
      const { response, text } = await send(url, init, 'api');
      return new Response(text === '' ? null : text, { status: response.status, headers: response.headers });
    },

    async navigate(start) {
      let url = new URL(start, origin);
      for (let hops = 0; hops < 10; hops++) {
        if (url.origin !== origin || !url.pathname.startsWith('/oidc/')) return url;
        const { response } = await send(url, { method: 'GET' }, 'navigation');
        const location = response.headers.get('location');
        if (response.status < 300 || response.status >= 400 || !location) {
          throw new Error(`navigation to ${url.pathname} ended with HTTP ${response.status}, not a redirect`);
        }
        url = new URL(location, url);
      }
      throw new Error('too many redirects');
    },

    take() {
      const taken = exchanges;
      exchanges = [];
      return taken;
    },
  };
}
