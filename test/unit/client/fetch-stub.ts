/** Injected `fetch` doubles for the client tests: no network is ever touched. */
import { vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';

/** A recorded call of a stub fetch. */
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Creates a fetch stub answering `status` with `body` serialized as JSON (a string is sent raw)
 * and the response `headers` (for example `retry-after`).
 */
export function stubFetch(status: number, body?: unknown, headers?: Record<string, string>) {
  const requests: RecordedRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, { status, ...(headers !== undefined && { headers }) });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, mock: fetch };
}

/** A fetch that never settles and ignores its signal, like a hung connection. */
export function hangingFetch() {
  const requests: RequestInit[] = [];
  const fetch = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push(init);
    return new Promise<Response>(() => {});
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

/**
 * `clientAnswering(status, body, headers)` for the kit adapter at `baseUrl`: a client whose
 * fetch is a {@link stubFetch} answering `status` with `body` (and `headers`), plus the stub.
 */
export function kitClientAnswering(baseUrl: string) {
  return (status: number, body?: unknown, headers?: Record<string, string>) => {
    const stub = stubFetch(status, body, headers);
    return { client: createInteractionClient(kitAdapter({ baseUrl }), { fetch: stub.fetch }), ...stub };
  };
}
