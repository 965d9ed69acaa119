import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTransport } from '../../../src/client/transport.js';
import { InteractionError } from '../../../src/protocol/errors.js';
import { hangingFetch, stubFetch } from './fetch-stub.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('given a transport', () => {
  it('should send the body as JSON with JSON headers, same-origin credentials and the method', async () => {
    const { fetch, requests } = stubFetch(200, { ok: true });
    const transport = createTransport({ fetch });
    const response = await transport({ method: 'POST', url: '/interaction/u1/login', body: { a: 1 } });
    expect(response).toMatchObject({ status: 200, body: { ok: true } });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ url: '/interaction/u1/login', method: 'POST', credentials: 'same-origin' });
    expect(JSON.parse(request!.body!)).toEqual({ a: 1 });
    expect(request!.headers.get('content-type')).toBe('application/json');
    expect(request!.headers.get('accept')).toBe('application/json');
  });

  it('should send no body and no content-type for a GET', async () => {
    const { fetch, requests } = stubFetch(200, {});
    await createTransport({ fetch })({ method: 'GET', url: '/x' });
    expect(requests[0]!.body).toBeUndefined();
    expect(requests[0]!.headers.has('content-type')).toBe(false);
  });

  it('should merge extra headers over the defaults', async () => {
    const { fetch, requests } = stubFetch(200, {});
    await createTransport({ fetch, headers: { 'x-csrf-token': 'abc', Accept: 'application/vnd.kit+json' } })({
      method: 'GET',
      url: '/x',
    });
    expect(requests[0]!.headers.get('x-csrf-token')).toBe('abc');
    expect(requests[0]!.headers.get('accept')).toBe('application/vnd.kit+json');
  });

  it('should resolve an empty body as undefined', async () => {
    const { fetch } = stubFetch(204);
    await expect(createTransport({ fetch })({ method: 'POST', url: '/x' })).resolves.toMatchObject({
      status: 204,
      body: undefined,
    });
  });

  it('should not reject on an HTTP error status', async () => {
    const { fetch } = stubFetch(500, { error: 'server_error' });
    await expect(createTransport({ fetch })({ method: 'GET', url: '/x' })).resolves.toMatchObject({
      status: 500,
      body: { error: 'server_error' },
    });
  });

  it('should keep the status of an error answer whose body is not JSON', async () => {
    const { fetch } = stubFetch(502, '<html>Bad Gateway</html>');
    await expect(createTransport({ fetch })({ method: 'GET', url: '/x' })).resolves.toMatchObject({
      status: 502,
      body: undefined,
    });
  });

  it('should reject a successful answer whose body is not JSON with invalid_response', async () => {
    const { fetch } = stubFetch(200, '<!doctype html><html></html>');
    const error = await createTransport({ fetch })({ method: 'GET', url: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'invalid_response', status: 200 });
  });

  it('should reject with network and keep the cause when fetch rejects', async () => {
    const cause = new TypeError('Failed to fetch');
    const transport = createTransport({ fetch: () => Promise.reject(cause) });
    const error = await transport({ method: 'GET', url: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'network', cause });
  });

  it('should reject with timeout when no answer comes in time, even if fetch ignores its signal', async () => {
    const { fetch, requests } = hangingFetch();
    const error = await createTransport({ fetch, timeout: 20 })({ method: 'GET', url: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(requests[0]!.signal!.aborted).toBe(true);
  });

  it('should time out while the body is still being read', async () => {
    const fetch = (async () =>
      ({
        status: 200,
        headers: new Headers(),
        text: () => new Promise<string>(() => {}),
      }) as unknown as Response) as typeof globalThis.fetch;
    const error = await createTransport({ fetch, timeout: 20 })({ method: 'GET', url: '/x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'timeout' });
  });

  it('should default to a 30 second timeout and never time out when it is 0', async () => {
    vi.useFakeTimers();
    const pending = createTransport({ fetch: hangingFetch().fetch })({ method: 'GET', url: '/x' });
    const settled = vi.fn();
    pending.then(settled, settled);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }));

    const never = createTransport({ fetch: hangingFetch().fetch, timeout: 0 })({ method: 'GET', url: '/x' });
    const neverSettled = vi.fn();
    never.then(neverSettled, neverSettled);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(neverSettled).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should clear its timer once the answer arrives', async () => {
    vi.useFakeTimers();
    const { fetch } = stubFetch(200, {});
    await createTransport({ fetch })({ method: 'GET', url: '/x' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('should reject with aborted, keeping the reason, when the caller aborts', async () => {
    const controller = new AbortController();
    const { fetch, requests } = hangingFetch();
    const pending = createTransport({ fetch, signal: controller.signal })({ method: 'GET', url: '/x' });
    const reason = new Error('unmounted');
    controller.abort(reason);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InteractionError);
    expect(error).toMatchObject({ code: 'aborted', cause: reason });
    expect(requests[0]!.signal!.aborted).toBe(true);
  });

  it('should not call fetch when the caller signal is already aborted', async () => {
    const { fetch, mock } = stubFetch(200, {});
    const signal = AbortSignal.abort();
    await expect(createTransport({ fetch, signal })({ method: 'GET', url: '/x' })).rejects.toMatchObject({
      code: 'aborted',
    });
    expect(mock).not.toHaveBeenCalled();
  });

  it('should stop listening to the caller signal once done', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const { fetch } = stubFetch(200, {});
    await createTransport({ fetch, signal: controller.signal })({ method: 'GET', url: '/x' });
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('should throw TypeError for invalid options', () => {
    expect(() => createTransport({ timeout: -1 })).toThrow(TypeError);
    expect(() => createTransport({ timeout: Number.NaN })).toThrow(TypeError);
    expect(() => createTransport({ fetch: 'nope' as unknown as typeof fetch })).toThrow(TypeError);
    expect(() => createTransport({ headers: { a: 1 as unknown as string } })).toThrow(TypeError);
    expect(() => createTransport({ signal: {} as AbortSignal })).toThrow(TypeError);
  });
});
