/**
 * The JSON transport adapters talk through: timeout, cancellation, headers and JSON parsing in
 * one place, with every failure turned into an {@link InteractionError}.
 *
 * @packageDocumentation
 */
import { InteractionError } from '../protocol/errors.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

/** Default request timeout, in milliseconds. */
export const DEFAULT_TIMEOUT = 30_000;

/** Options of {@link createTransport}. */
export interface TransportOptions {
  /** The `fetch` to use; defaults to the global one (looked up at request time). */
  fetch?: typeof fetch;
  /** Aborts the request when it fires; several signals may be given, any of them aborts. */
  signal?: AbortSignal | readonly AbortSignal[];
  /** Milliseconds before the request fails with code `timeout`. Default 30 000; 0 disables it. */
  timeout?: number;
  /** Extra request headers, applied over the defaults (`accept`, `content-type`). */
  headers?: Record<string, string>;
}

/**
 * Creates a {@link Transport}: sends `request.body` as JSON (`content-type: application/json`),
 * asks for JSON (`accept: application/json`), sends cookies to the same origin only
 * (`credentials: 'same-origin'`) and parses the answer.
 *
 * The returned transport rejects only with {@link InteractionError}:
 * - `timeout` when the answer (headers and body) takes longer than `timeout` ms;
 * - `aborted` when a caller signal fires (its `reason` is kept as `cause`);
 * - `network` when `fetch` rejects (the rejection is kept as `cause`);
 * - `invalid_response` when a 2xx body is not JSON.
 *
 * It never rejects because of an HTTP error status: the adapter interprets `status`. An empty
 * body parses as `undefined`, and so does a body that is not JSON on a non-2xx answer (a proxy's
 * HTML error page, say), so that the status still reaches the adapter.
 *
 * @param options - fetch, signal(s), timeout and headers
 * @throws TypeError on invalid options
 */
export function createTransport(options: TransportOptions = {}): Transport {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError('"options" must be an object');
  }
  const { fetch: customFetch, timeout = DEFAULT_TIMEOUT, headers = {} } = options;
  if (customFetch !== undefined && typeof customFetch !== 'function') {
    throw new TypeError('"options.fetch" must be a function');
  }
  assertTimeout(timeout, 'options.timeout');
  assertHeaders(headers, 'options.headers');
  new Headers(headers); // throws TypeError now for an invalid header name or value
  const signals = toSignals(options.signal);

  return async function transport(request: TransportRequest): Promise<TransportResponse> {
    const fetchImpl = customFetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('no fetch implementation is available');

    const requestHeaders = new Headers({ accept: 'application/json' });
    let body: string | undefined;
    if (request.body !== undefined) {
      requestHeaders.set('content-type', 'application/json');
      body = JSON.stringify(request.body);
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) requestHeaders.set(name, value);
    for (const [name, value] of Object.entries(headers)) requestHeaders.set(name, value);

    const controller = new AbortController();
    let failure: InteractionError | undefined;
    const abortWith = (error: InteractionError) => {
      if (failure) return;
      failure = error;
      controller.abort(error);
    };

    const onCallerAbort = () => {
      const source = signals.find((s) => s.aborted);
      abortWith(new InteractionError('aborted', 'the request was aborted', { cause: source?.reason }));
    };
    for (const signal of signals) {
      if (signal.aborted) {
        abortWith(new InteractionError('aborted', 'the request was aborted', { cause: signal.reason }));
        break;
      }
    }
    if (failure) throw failure;
    for (const signal of signals) signal.addEventListener('abort', onCallerAbort);

    let timer: ReturnType<typeof setTimeout> | undefined;
    if (timeout > 0) {
      timer = setTimeout(() => {
        abortWith(new InteractionError('timeout', `the request did not complete within ${timeout} ms`));
      }, timeout);
    }

    // Settles (rejects) as soon as the request is aborted, even if `fetch` ignores the signal.
    let removeAbortListener = () => {};
    const aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(failure);
      controller.signal.addEventListener('abort', onAbort);
      removeAbortListener = () => controller.signal.removeEventListener('abort', onAbort);
    });
    aborted.catch(() => {});

    try {
      let response: Response;
      try {
        response = await Promise.race([
          fetchImpl(request.url, {
            method: request.method,
            headers: requestHeaders,
            ...(body !== undefined && { body }),
            credentials: request.credentials ?? 'same-origin',
            signal: controller.signal,
          }),
          aborted,
        ]);
      } catch (cause) {
        if (failure) throw failure;
        throw new InteractionError('network', `the request to ${request.url} failed`, { cause });
      }

      let text: string;
      try {
        text = await Promise.race([response.text(), aborted]);
      } catch (cause) {
        if (failure) throw failure;
        if (typeof response?.text !== 'function') {
          throw new InteractionError('invalid_response', 'fetch did not resolve with a Response', { cause });
        }
        throw new InteractionError('network', `reading the response of ${request.url} failed`, { cause });
      }
      if (failure) throw failure;

      const status = response.status;
      const ok = status >= 200 && status < 300;
      let parsed: unknown;
      if (text.trim() !== '') {
        try {
          parsed = JSON.parse(text);
        } catch (cause) {
          if (ok) {
            throw new InteractionError('invalid_response', `the response of ${request.url} is not JSON`, {
              status,
              cause,
            });
          }
        }
      }
      return { status, headers: response.headers, body: parsed };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      removeAbortListener();
      for (const signal of signals) signal.removeEventListener('abort', onCallerAbort);
    }
  };
}

/** Whether `value` is a non-null, non-array object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` looks like an `AbortSignal` (checked structurally: it may come from another realm). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    isRecord(value) &&
    typeof value.aborted === 'boolean' &&
    typeof value.addEventListener === 'function' &&
    typeof value.removeEventListener === 'function'
  );
}

/**
 * Checks a timeout option: a finite number of milliseconds, 0 or more.
 *
 * @throws TypeError otherwise
 */
export function assertTimeout(value: unknown, label: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new TypeError(`"${label}" must be a finite number of milliseconds, 0 or more`);
  }
}

/**
 * Checks a headers option: an object whose values are all strings.
 *
 * @throws TypeError otherwise
 */
export function assertHeaders(value: unknown, label: string): asserts value is Record<string, string> {
  if (!isRecord(value)) throw new TypeError(`"${label}" must be an object of strings`);
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new TypeError(`"${label}.${name}" must be a string`);
  }
}

/** Normalizes the `signal` option to a list, checking each entry. */
function toSignals(value: TransportOptions['signal']): AbortSignal[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? [...(value as readonly unknown[])] : [value];
  list.forEach((signal, i) => {
    if (!isAbortSignal(signal)) {
      throw new TypeError(`"options.signal${Array.isArray(value) ? `[${i}]` : ''}" must be an AbortSignal`);
    }
  });
  return list as AbortSignal[];
}
