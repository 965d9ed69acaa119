import { describe, expect, it, vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import * as entry from '../../../src/client/index.js';
import { createInteractionClient, followRedirect } from '../../../src/client/interaction-client.js';
import type { InteractionAdapter, Transport } from '../../../src/client/types.js';
import { InteractionError } from '../../../src/protocol/errors.js';
import { kitLoginPayload, kitRedirectPayload } from '../../fixtures/kit-protocol.js';
import { hangingFetch, stubFetch } from './fetch-stub.js';

const BASE = '/interaction/u1';

/** An adapter whose every method resolves with what `impl` gives, recording the transport. */
function fakeAdapter(overrides: Partial<InteractionAdapter> = {}): InteractionAdapter {
  const redirect = async () => ({ to: 'https://app.test/cb' });
  return {
    name: 'fake',
    load: async () => structuredClone(kitLoginPayload) as never,
    signIn: redirect,
    consent: redirect,
    deny: redirect,
    switchAccount: async () => structuredClone(kitLoginPayload) as never,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

describe('given createInteractionClient is misused', () => {
  it.each([
    ['no adapter', undefined],
    ['null', null],
    ['an adapter missing a method', { ...fakeAdapter(), deny: undefined }],
    ['an adapter whose method is not a function', { ...fakeAdapter(), load: 'load' }],
  ])('should throw TypeError for %s', (_name, adapter) => {
    expect(() => createInteractionClient(adapter as never)).toThrow(TypeError);
  });

  it.each([
    ['non-object options', 'fast'],
    ['a negative timeout', { timeout: -5 }],
    ['a string timeout', { timeout: '100' }],
    ['a fetch that is not a function', { fetch: {} }],
    ['a signal that is not an AbortSignal', { signal: { aborted: false } }],
    ['a header that is not a string', { headers: { 'x-n': 1 } }],
  ])('should throw TypeError for %s', (_name, options) => {
    expect(() => createInteractionClient(fakeAdapter(), options as never)).toThrow(TypeError);
  });

  it('should reject with TypeError, without sending anything, for a non-object sign-in submission', async () => {
    const { fetch, mock } = stubFetch(200, kitRedirectPayload);
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch });
    await expect(client.signIn(null as never)).rejects.toThrow(TypeError);
    await expect(client.signIn({ identifier: 'a' } as never)).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it.each([
    ['not an object', 'all'],
    ['profileScopes not strings', { profileScopes: [1], resources: {}, organizationIds: [], remember: false }],
    ['resources not an object', { profileScopes: [], resources: [], organizationIds: [], remember: false }],
    [
      'resource scopes not an array',
      { profileScopes: [], resources: { 'https://a': 'read' }, organizationIds: [], remember: false },
    ],
    ['organizationIds missing', { profileScopes: [], resources: {}, remember: false }],
    ['remember missing', { profileScopes: [], resources: {}, organizationIds: [] }],
    [
      'claims not strings',
      { profileScopes: [], resources: {}, organizationIds: [], claims: [{ name: 'email' }], remember: false },
    ],
  ])('should reject a consent decision that is %s with TypeError', async (_name, decision) => {
    const { fetch, mock } = stubFetch(200, kitRedirectPayload);
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch });
    await expect(client.consent(decision as never)).rejects.toThrow(TypeError);
    expect(mock).not.toHaveBeenCalled();
  });

  it('should reject with TypeError for invalid per-call options', async () => {
    const client = createInteractionClient(fakeAdapter());
    await expect(client.load({ timeout: -1 })).rejects.toThrow(TypeError);
    await expect(client.deny('x' as never)).rejects.toThrow(TypeError);
  });
});

describe('given client and per-call options', () => {
  it('should send the client headers merged with the per-call headers', async () => {
    const { fetch, requests } = stubFetch(200, kitLoginPayload);
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), {
      fetch,
      headers: { 'x-csrf-token': 'client', 'x-tenant': 'acme' },
    });
    await client.load({ headers: { 'x-csrf-token': 'call' } });
    expect(requests[0]!.headers.get('x-csrf-token')).toBe('call');
    expect(requests[0]!.headers.get('x-tenant')).toBe('acme');
    await client.load();
    expect(requests[1]!.headers.get('x-csrf-token')).toBe('client');
  });

  it('should not be affected by later mutation of the headers object it was given', async () => {
    const { fetch, requests } = stubFetch(200, kitLoginPayload);
    const headers: Record<string, string> = { 'x-a': '1' };
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch, headers });
    headers['x-a'] = '2';
    await client.load();
    expect(requests[0]!.headers.get('x-a')).toBe('1');
  });

  it('should pass a signal to fetch and reject with aborted when the per-call signal fires', async () => {
    const { fetch, requests } = hangingFetch();
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch, timeout: 0 });
    const controller = new AbortController();
    const pending = client.load({ signal: controller.signal });
    await Promise.resolve();
    expect(requests[0]!.signal).toBeDefined();
    expect(requests[0]!.signal!.aborted).toBe(false);
    controller.abort();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'aborted' });
    expect(requests[0]!.signal!.aborted).toBe(true);
  });

  it('should also abort when the client-level signal fires', async () => {
    const controller = new AbortController();
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), {
      fetch: hangingFetch().fetch,
      signal: controller.signal,
      timeout: 0,
    });
    const pending = client.consent(
      { profileScopes: [], resources: {}, organizationIds: [], remember: false },
      { signal: new AbortController().signal },
    );
    controller.abort();
    expect(await rejection(pending)).toMatchObject({ code: 'aborted' });
  });

  it('should reject with timeout using the client timeout', async () => {
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch: hangingFetch().fetch, timeout: 15 });
    const error = await rejection(client.signIn({ identifier: 'a', password: 'b' }));
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it('should let a per-call timeout override the client timeout', async () => {
    vi.useFakeTimers();
    try {
      const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), {
        fetch: hangingFetch().fetch,
        timeout: 60_000,
      });
      const settled = vi.fn();
      client.load({ timeout: 100 }).then(settled, settled);
      await vi.advanceTimersByTimeAsync(100);
      expect(settled).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('should reject with network when fetch fails', async () => {
    const cause = new TypeError('Failed to fetch');
    const client = createInteractionClient(kitAdapter({ baseUrl: BASE }), { fetch: async () => Promise.reject(cause) });
    expect(await rejection(client.deny())).toMatchObject({ code: 'network', cause });
  });

  it('should use the global fetch when none is given', async () => {
    const { fetch, requests } = stubFetch(200, kitLoginPayload);
    vi.stubGlobal('fetch', fetch);
    try {
      const client = createInteractionClient(kitAdapter({ baseUrl: BASE }));
      await client.load();
      expect(requests[0]!.url).toBe(`${BASE}/details`);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('should hand the adapter a transport that applies the options', async () => {
    const { fetch, requests } = stubFetch(200, { ok: 1 });
    let seen: unknown;
    const client = createInteractionClient(
      fakeAdapter({
        deny: async (transport: Transport) => {
          seen = (await transport({ method: 'POST', url: '/custom', body: { a: 1 } })).body;
          return { to: 'https://app.test/' };
        },
      }),
      { fetch, headers: { 'x-a': '1' } },
    );
    await client.deny();
    expect(seen).toEqual({ ok: 1 });
    expect(requests[0]).toMatchObject({ url: '/custom', method: 'POST', body: '{"a":1}' });
    expect(requests[0]!.headers.get('x-a')).toBe('1');
  });
});

describe('given an adapter that misbehaves', () => {
  it('should wrap an unexpected error as invalid_response, keeping it as cause', async () => {
    const cause = new TypeError("Cannot read properties of undefined (reading 'scopes')");
    const client = createInteractionClient(
      fakeAdapter({
        load: async () => {
          throw cause;
        },
      }),
    );
    const error = await rejection(client.load());
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'invalid_response', cause });
  });

  it('should pass an InteractionError from the adapter through unchanged', async () => {
    const original = new InteractionError('access_denied', 'no', { status: 403 });
    const client = createInteractionClient(
      fakeAdapter({
        deny: async () => {
          throw original;
        },
      }),
    );
    expect(await rejection(client.deny())).toBe(original);
  });

  it.each(['javascript:alert(document.domain)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x'])(
    'should hand out no %j way on from an InteractionError an adapter throws, keeping the rest',
    async (to) => {
      const client = createInteractionClient(
        fakeAdapter({
          load: async () => {
            throw new InteractionError('interaction_expired', 'decided', { status: 410, redirect: { to } });
          },
        }),
      );
      const error = await rejection(client.load());
      expect(error).toBeInstanceOf(InteractionError);
      expect(error).toMatchObject({ code: 'interaction_expired', status: 410, message: 'decided' });
      expect((error as InteractionError).redirect).toBeUndefined();
    },
  );

  it('should keep an http(s) way on of an InteractionError an adapter throws', async () => {
    const original = new InteractionError('interaction_expired', 'decided', {
      redirect: { to: 'https://app.test/cb' },
    });
    const client = createInteractionClient(
      fakeAdapter({
        load: async () => {
          throw original;
        },
      }),
    );
    expect(await rejection(client.load())).toBe(original);
  });

  it('should refuse a non-http(s) redirect returned by an adapter', async () => {
    const client = createInteractionClient(fakeAdapter({ signIn: async () => ({ to: 'javascript:alert(1)' }) }));
    expect(await rejection(client.signIn({ identifier: 'a', password: 'b' }))).toMatchObject({
      code: 'unsafe_redirect',
    });
  });

  it('should reject a redirect without a URL with invalid_response', async () => {
    const client = createInteractionClient(fakeAdapter({ consent: async () => ({}) as never }));
    expect(
      await rejection(client.consent({ profileScopes: [], resources: {}, organizationIds: [], remember: false })),
    ).toMatchObject({ code: 'invalid_response' });
  });

  it('should reject a step of unknown kind and a non-login step from switchAccount', async () => {
    const client = createInteractionClient(
      fakeAdapter({
        load: async () => ({ kind: 'mfa' }) as never,
        switchAccount: async () => ({ ...structuredClone(kitLoginPayload), kind: 'consent' }) as never,
      }),
    );
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response' });
    expect(await rejection(client.switchAccount())).toMatchObject({ code: 'invalid_response' });
  });
});

describe('given followRedirect', () => {
  it('should navigate to an http(s) redirect', () => {
    const assign = vi.fn();
    followRedirect({ to: 'https://idp.test/auth/u1' }, assign);
    expect(assign).toHaveBeenCalledExactlyOnceWith('https://idp.test/auth/u1');
  });

  it.each([
    'javascript:alert(document.domain)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    '/relative/path',
    '',
  ])('should refuse %j with unsafe_redirect and not navigate', (to) => {
    const assign = vi.fn();
    let error: unknown;
    try {
      followRedirect({ to }, assign);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'unsafe_redirect' });
    expect(assign).not.toHaveBeenCalled();
  });

  it('should throw TypeError when misused', () => {
    expect(() => followRedirect(undefined as never, vi.fn())).toThrow(TypeError);
    expect(() => followRedirect({ to: 'https://a.test' }, 'assign' as never)).toThrow(TypeError);
  });
});

describe('given the consent-kit/client entry', () => {
  it('should export the client, the kit adapter and the protocol runtime values', () => {
    expect(entry.createInteractionClient).toBe(createInteractionClient);
    expect(entry.followRedirect).toBe(followRedirect);
    expect(entry.kitAdapter).toBe(kitAdapter);
    expect(entry.InteractionError).toBe(InteractionError);
    expect(entry.ERROR_CODES).toContain('interaction_expired');
    expect(entry.isInteractionErrorCode('timeout')).toBe(true);
    expect(entry.safeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(entry.KIT_ENDPOINTS.switchAccount).toBe('switch-account');
  });
});
