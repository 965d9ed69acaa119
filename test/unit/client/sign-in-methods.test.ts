/**
 * The sign-in methods of the interaction client over the kit adapter: `sendCode`, `verifyCode`,
 * `startConnector` and `continueSession` — what goes on the wire, what comes back, misuse, and
 * that every failure is an `InteractionError`.
 */
import { describe, expect, it, vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';
import type { InteractionAdapter, InteractionClient, RequestOptions } from '../../../src/client/types.js';
import { InteractionError } from '../../../src/protocol/errors.js';
import {
  kitCodeSentPayload,
  kitConnectorRedirectPayload,
  kitErrorPayloads,
  kitFullLoginPayload,
  kitRedirectPayload,
} from '../../fixtures/kit-protocol.js';
import { hangingFetch, kitClientAnswering, stubFetch } from './fetch-stub.js';
import { rejection } from '../../support/rejection.js';

const BASE = `/interaction/${kitFullLoginPayload.uid}`;

/** A client over the kit adapter whose fetch answers `status` with `body` (and `headers`). */
const clientAnswering = kitClientAnswering(BASE);

/** The kit adapter with `overrides` (for example an optional method removed or replaced). */
function kitWith(overrides: Partial<InteractionAdapter>): InteractionAdapter {
  return { ...kitAdapter({ baseUrl: BASE }), ...overrides };
}

/** One sign-in method, as the table-driven tests below call it. */
interface MethodCase {
  name: 'sendCode' | 'verifyCode' | 'startConnector' | 'continueSession';
  /** The kit endpoint, spelled out: it is a wire contract with the bridges. */
  endpoint: string;
  call(client: InteractionClient, options?: RequestOptions): Promise<unknown>;
  /** The JSON body expected on the wire; `undefined` for none. */
  body: unknown;
  /** The recorded success answer, and what the call resolves with for it. */
  answer: unknown;
  result: unknown;
}

const METHODS: MethodCase[] = [
  {
    name: 'sendCode',
    endpoint: 'send-code',
    call: (client, options) => client.sendCode!({ identifier: 'carol@example.com' }, options),
    body: { identifier: 'carol@example.com' },
    answer: kitCodeSentPayload,
    result: { resendAfter: 30 },
  },
  {
    name: 'verifyCode',
    endpoint: 'verify-code',
    call: (client, options) => client.verifyCode!({ identifier: 'carol@example.com', code: '123456' }, options),
    body: { identifier: 'carol@example.com', code: '123456' },
    answer: kitRedirectPayload,
    result: { to: kitRedirectPayload.redirectTo },
  },
  {
    name: 'startConnector',
    endpoint: 'connector',
    call: (client, options) => client.startConnector!({ connectorId: 'social' }, options),
    body: { connectorId: 'social' },
    answer: kitConnectorRedirectPayload,
    result: { to: kitConnectorRedirectPayload.redirectTo },
  },
  {
    name: 'continueSession',
    endpoint: 'continue',
    call: (client, options) => client.continueSession!(options),
    body: {},
    answer: kitRedirectPayload,
    result: { to: kitRedirectPayload.redirectTo },
  },
];

describe.each(METHODS)('given the client calling $name over the kit adapter', (method) => {
  it('should POST to <baseUrl>/<endpoint> with its JSON body and resolve with the parsed answer', async () => {
    const { client, requests } = clientAnswering(200, method.answer);
    await expect(method.call(client)).resolves.toStrictEqual(method.result);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method: 'POST', url: `${BASE}/${method.endpoint}`, credentials: 'same-origin' });
    expect(request!.headers.get('accept')).toBe('application/json');
    // Every kit POST is JSON (`{}` when the step has no fields): never a preflight-free request.
    expect(JSON.parse(request!.body!)).toStrictEqual(method.body);
    expect(request!.headers.get('content-type')).toBe('application/json');
  });

  it('should send the client headers merged with the per-call headers', async () => {
    const stub = stubFetch(200, method.answer);
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), {
      fetch: stub.fetch,
      headers: { 'x-csrf-token': 'client', 'x-tenant': 'acme' },
    });
    await method.call(client, { headers: { 'x-csrf-token': 'call' } });
    expect(stub.requests[0]!.headers.get('x-csrf-token')).toBe('call');
    expect(stub.requests[0]!.headers.get('x-tenant')).toBe('acme');
  });

  it('should pass a signal to fetch and reject with aborted when the per-call signal fires', async () => {
    const { fetch, requests } = hangingFetch();
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch, timeout: 0 });
    const controller = new AbortController();
    const pending = method.call(client, { signal: controller.signal });
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]!.signal!.aborted).toBe(false);
    const reason = new Error('user left');
    controller.abort(reason);
    expect(await rejection(pending)).toMatchObject({ code: 'aborted', cause: reason });
    expect(requests[0]!.signal!.aborted).toBe(true);
  });

  it('should reject with aborted, sending nothing, when the client signal has already fired', async () => {
    const { fetch, mock } = stubFetch(200, method.answer);
    const controller = new AbortController();
    controller.abort();
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch, signal: controller.signal });
    expect(await rejection(method.call(client))).toMatchObject({ code: 'aborted' });
    expect(mock).not.toHaveBeenCalled();
  });

  it('should reject with timeout once the per-call timeout, not the client one, has passed', async () => {
    vi.useFakeTimers();
    try {
      const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), {
        fetch: hangingFetch().fetch,
        timeout: 60_000,
      });
      const settled = vi.fn();
      method.call(client, { timeout: 250 }).then(settled, settled);
      await vi.advanceTimersByTimeAsync(249);
      expect(settled).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toHaveBeenCalledExactlyOnceWith(expect.any(InteractionError));
      expect(settled.mock.calls[0]![0]).toMatchObject({ code: 'timeout' });
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['non-object options', 'fast'],
    ['a negative timeout', { timeout: -1 }],
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }],
    ['a header that is not a string', { headers: { 'x-n': 1 } }],
  ])('should reject %s with TypeError (a rejected promise), sending nothing', async (_name, options) => {
    const { client, mock } = clientAnswering(200, method.answer);
    let pending: Promise<unknown> | undefined;
    expect(() => {
      pending = method.call(client, options as never);
    }).not.toThrow();
    await expect(pending).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it('should reject with invalid_request, sending nothing, when the adapter does not support it', async () => {
    const { fetch, mock } = stubFetch(200, method.answer);
    const client = createInteractionClient(kitWith({ [method.name]: undefined }), { fetch });
    expect(await rejection(method.call(client))).toMatchObject({ code: 'invalid_request' });
    expect(mock).not.toHaveBeenCalled();
  });

  it('should wrap an unexpected adapter error as invalid_response, keeping it as cause', async () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'to')");
    const client = createInteractionClient(
      kitWith({
        [method.name]: async () => {
          throw cause;
        },
      }),
    );
    expect(await rejection(method.call(client))).toMatchObject({ code: 'invalid_response', cause });
  });

  it('should pass an InteractionError from the adapter through unchanged', async () => {
    const original = new InteractionError('access_denied', 'no', { status: 403 });
    const client = createInteractionClient(
      kitWith({
        [method.name]: async () => {
          throw original;
        },
      }),
    );
    expect(await rejection(method.call(client))).toBe(original);
  });

  it('should reject with network when fetch fails, keeping the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch: async () => Promise.reject(cause) });
    expect(await rejection(method.call(client))).toMatchObject({ code: 'network', cause });
  });

  it.each<[string, string, () => typeof fetch]>([
    [
      'fetch resolving with something that is not a Response',
      'invalid_response',
      () => (async () => ({ status: 200 })) as never,
    ],
    ['a 2xx body that is not JSON', 'invalid_response', () => stubFetch(200, '<!doctype html><p>Sign in</p>').fetch],
    ['an empty 2xx body', 'invalid_response', () => stubFetch(200).fetch],
    ['a 2xx JSON array', 'invalid_response', () => stubFetch(200, [method.answer]).fetch],
    ['a 502 HTML page from a proxy', 'server_error', () => stubFetch(502, '<html>Bad Gateway</html>').fetch],
    [
      'the recorded interaction_expired answer',
      'interaction_expired',
      () => stubFetch(404, kitErrorPayloads.interactionExpired.body).fetch,
    ],
    [
      'a 400 invalid_request answer',
      'invalid_request',
      () => stubFetch(400, { error: 'invalid_request', error_description: 'nope' }).fetch,
    ],
    ['a 403 without a body', 'access_denied', () => stubFetch(403).fetch],
  ])('should reject %s with %s, only as an InteractionError', async (_name, code, makeFetch) => {
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch: makeFetch() });
    expect(await rejection(method.call(client))).toMatchObject({ code });
  });
});

describe.each(METHODS.filter((method) => method.name !== 'sendCode'))(
  'given $name answered with a redirect',
  (method) => {
    it('should resolve a relative redirect against the page URL', async () => {
      const { client } = clientAnswering(200, { redirectTo: '/auth/resume?x=1' });
      await expect(method.call(client)).resolves.toStrictEqual({
        to: new URL('/auth/resume?x=1', window.location.href).href,
      });
    });

    it.each([
      ['javascript:', 'javascript:alert(document.cookie)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['vbscript:', 'vbscript:msgbox(1)'],
      ['custom scheme', 'myapp://callback?code=x'],
    ])('should refuse a %s redirect with unsafe_redirect', async (_name, redirectTo) => {
      const { client } = clientAnswering(200, { redirectTo });
      expect(await rejection(method.call(client))).toMatchObject({ code: 'unsafe_redirect' });
    });

    it.each([
      ['missing', {}, 'response.redirectTo must be a string'],
      ['not a string', { redirectTo: ['https://x.test'] }, 'response.redirectTo must be a string'],
      ['empty', { redirectTo: '' }, 'response.redirectTo must be a non-empty string'],
    ])('should reject a redirectTo that is %s with invalid_response', async (_name, body, message) => {
      const { client } = clientAnswering(200, body);
      expect(await rejection(method.call(client))).toMatchObject({ code: 'invalid_response', message });
    });

    it('should refuse a non-http(s) redirect from a third-party adapter with unsafe_redirect', async () => {
      const client = createInteractionClient(kitWith({ [method.name]: async () => ({ to: 'javascript:alert(1)' }) }));
      expect(await rejection(method.call(client))).toMatchObject({ code: 'unsafe_redirect' });
    });

    it('should reject a third-party adapter answer without a URL with invalid_response', async () => {
      const client = createInteractionClient(kitWith({ [method.name]: async () => ({ href: 'https://app.test/' }) }));
      expect(await rejection(method.call(client))).toMatchObject({ code: 'invalid_response' });
    });
  },
);

describe('given sendCode', () => {
  it('should send only the identifier, whatever else the request carries', async () => {
    const { client, requests } = clientAnswering(200, kitCodeSentPayload);
    await client.sendCode!({ identifier: 'carol@example.com', code: '1', password: 'x' } as never);
    expect(JSON.parse(requests[0]!.body!)).toStrictEqual({ identifier: 'carol@example.com' });
  });

  it('should resolve with resendAfter 0, meaning another code may be asked for at once', async () => {
    const { client } = clientAnswering(200, { resendAfter: 0 });
    await expect(client.sendCode!({ identifier: 'carol@example.com' })).resolves.toStrictEqual({ resendAfter: 0 });
  });

  it('should return a fresh object holding only resendAfter', async () => {
    const { client } = clientAnswering(200, { resendAfter: 45, channel: 'email', code: '123456' });
    await expect(client.sendCode!({ identifier: 'carol@example.com' })).resolves.toStrictEqual({ resendAfter: 45 });
  });

  it.each([
    ['null', null],
    ['a string', 'carol@example.com'],
    ['an array', ['carol@example.com']],
    ['an object without identifier', {}],
    ['an identifier that is not a string', { identifier: 42 }],
  ])('should reject a request that is %s with TypeError, sending nothing', async (_name, request) => {
    const { client, mock } = clientAnswering(200, kitCodeSentPayload);
    await expect(client.sendCode!(request as never)).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it.each([
    ['an empty object', {}, 'response.resendAfter must be a non-negative number'],
    ['resendAfter as a string', { resendAfter: '30' }, 'response.resendAfter must be a non-negative number'],
    ['a negative resendAfter', { resendAfter: -1 }, 'response.resendAfter must be a non-negative number'],
    ['a null resendAfter', { resendAfter: null }, 'response.resendAfter must be a non-negative number'],
    ['null', null, 'response must be an object'],
    ['a bare number', 30, 'response must be an object'],
  ])('should reject an answer that is %s with invalid_response', async (_name, body, message) => {
    const { client } = clientAnswering(200, body);
    expect(await rejection(client.sendCode!({ identifier: 'carol@example.com' }))).toMatchObject({
      code: 'invalid_response',
      message,
    });
  });

  it.each([
    ['no resendAfter', {}],
    ['a string resendAfter', { resendAfter: '30' }],
    ['a negative resendAfter', { resendAfter: -5 }],
    ['NaN', { resendAfter: Number.NaN }],
    ['Infinity', { resendAfter: Number.POSITIVE_INFINITY }],
    ['null', null],
  ])('should reject a third-party adapter answer with %s with invalid_response', async (_name, sent) => {
    const client = createInteractionClient(kitWith({ sendCode: async () => sent as never }));
    expect(await rejection(client.sendCode!({ identifier: 'carol@example.com' }))).toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('given verifyCode', () => {
  it('should send only the identifier and the code, exactly as typed', async () => {
    const { client, requests } = clientAnswering(200, kitRedirectPayload);
    await client.verifyCode!({ identifier: ' carol@example.com', code: '12 34-56', password: 'x' } as never);
    expect(JSON.parse(requests[0]!.body!)).toStrictEqual({ identifier: ' carol@example.com', code: '12 34-56' });
  });

  it.each([
    ['null', null],
    ['missing the code', { identifier: 'carol@example.com' }],
    ['missing the identifier', { code: '123456' }],
    ['a numeric code', { identifier: 'carol@example.com', code: 123456 }],
    ['an identifier that is not a string', { identifier: ['carol@example.com'], code: '123456' }],
  ])('should reject a submission that is %s with TypeError, sending nothing', async (_name, submission) => {
    const { client, mock } = clientAnswering(200, kitRedirectPayload);
    await expect(client.verifyCode!(submission as never)).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it('should reject the recorded wrong-code answer with invalid_code, keeping what the provider said', async () => {
    const { status, body } = kitErrorPayloads.invalidCode;
    const { client } = clientAnswering(status, body);
    const error = await rejection(client.verifyCode!({ identifier: 'carol@example.com', code: '000000' }));
    expect(error).toMatchObject({
      code: 'invalid_code',
      status: 401,
      error: 'invalid_code',
      errorDescription: 'wrong or expired code',
    });
    expect(error.retryAfter).toBeUndefined();
  });
});

describe('given startConnector', () => {
  it('should send no identifier when none is given', async () => {
    const { client, requests } = clientAnswering(200, kitConnectorRedirectPayload);
    await client.startConnector!({ connectorId: 'social' });
    expect(JSON.parse(requests[0]!.body!)).not.toHaveProperty('identifier');
  });

  it('should pass the typed identifier on for an SSO connector, and nothing else', async () => {
    const { client, requests } = clientAnswering(200, kitConnectorRedirectPayload);
    await client.startConnector!({ connectorId: 'globex-sso', identifier: 'bo@Globex.test', extra: 1 } as never);
    expect(JSON.parse(requests[0]!.body!)).toStrictEqual({ connectorId: 'globex-sso', identifier: 'bo@Globex.test' });
  });

  it.each([
    ['null', null],
    ['a bare connector id', 'social'],
    ['missing the connector id', { identifier: 'bo@globex.test' }],
    ['a numeric connector id', { connectorId: 7 }],
    ['a null identifier', { connectorId: 'globex-sso', identifier: null }],
    ['an identifier that is not a string', { connectorId: 'globex-sso', identifier: { email: 'bo@globex.test' } }],
  ])('should reject a request that is %s with TypeError, sending nothing', async (_name, request) => {
    const { client, mock } = clientAnswering(200, kitConnectorRedirectPayload);
    await expect(client.startConnector!(request as never)).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it('should reject an unknown connector with invalid_request', async () => {
    const { client } = clientAnswering(400, { error: 'invalid_request', error_description: 'unknown connector' });
    expect(await rejection(client.startConnector!({ connectorId: 'nope' }))).toMatchObject({
      code: 'invalid_request',
      status: 400,
      errorDescription: 'unknown connector',
    });
  });
});

describe('given continueSession', () => {
  it('should reject when no account may continue with invalid_request', async () => {
    const { client } = clientAnswering(400, {
      error: 'invalid_request',
      error_description: 'no account may continue at this step',
    });
    expect(await rejection(client.continueSession!())).toMatchObject({ code: 'invalid_request', status: 400 });
  });
});
