/**
 * The typed, provider-neutral interaction client.
 *
 * @packageDocumentation
 */
import { InteractionError } from '../protocol/errors.js';
import type {
  CodeRequest,
  CodeSubmission,
  ConnectorRequest,
  ConsentDecision,
  InteractionStep,
  LoginStep,
  LoginSubmission,
  Redirect,
} from '../protocol/interaction.js';
import { safeHttpUrl } from '../protocol/url.js';
import { safeStepUrls } from './safe-urls.js';
import { assertHeaders, assertTimeout, createTransport, DEFAULT_TIMEOUT, isAbortSignal } from './transport.js';
import type {
  InteractionAdapter,
  InteractionClient,
  InteractionClientOptions,
  RequestOptions,
  Transport,
} from './types.js';

const ADAPTER_METHODS = ['load', 'signIn', 'consent', 'deny', 'switchAccount'] as const;

/**
 * Creates an {@link InteractionClient} over an adapter (for example `kitAdapter({ baseUrl })`).
 *
 * Per-call options are merged over `options`: headers are merged (per-call wins), `timeout`
 * is replaced, and a per-call `signal` is combined with the client's (either aborts the call).
 *
 * Every method rejects only with {@link InteractionError}; an unexpected error thrown by an
 * adapter is wrapped as `invalid_response` with the original as `cause`. Misuse (a missing or
 * malformed argument) rejects with `TypeError` instead.
 *
 * @param adapter - translates one provider's API into the kit's types
 * @param options - `fetch`, `signal`, `timeout` (default 30 000 ms, 0 disables) and `headers`
 * @throws TypeError when `adapter` is not an adapter or `options` are invalid
 */
export function createInteractionClient(
  adapter: InteractionAdapter,
  options: InteractionClientOptions = {},
): InteractionClient {
  if (!isRecord(adapter)) throw new TypeError('"adapter" must be an interaction adapter');
  for (const method of ADAPTER_METHODS) {
    if (typeof adapter[method] !== 'function') {
      throw new TypeError(`"adapter.${method}" must be a function`);
    }
  }
  assertRequestOptions(options, 'options');
  if (options.fetch !== undefined && typeof options.fetch !== 'function') {
    throw new TypeError('"options.fetch" must be a function');
  }
  if (options.fetch === undefined && typeof globalThis.fetch !== 'function') {
    throw new TypeError('no global fetch is available: pass "options.fetch"');
  }
  const clientOptions: InteractionClientOptions = { ...options, headers: { ...options.headers } };

  /** Builds the transport of one call from the client's options and the call's own. */
  function transportFor(callOptions: RequestOptions | undefined): Transport {
    if (callOptions !== undefined) assertRequestOptions(callOptions, 'options');
    const signals = [clientOptions.signal, callOptions?.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    return createTransport({
      ...(clientOptions.fetch !== undefined && { fetch: clientOptions.fetch }),
      signal: signals,
      timeout: callOptions?.timeout ?? clientOptions.timeout ?? DEFAULT_TIMEOUT,
      headers: { ...clientOptions.headers, ...callOptions?.headers },
    });
  }

  /** Runs one adapter operation, so that it rejects only with `InteractionError`. */
  async function run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof InteractionError) throw withSafeRedirect(error);
      throw new InteractionError('invalid_response', `the ${adapter.name} adapter failed to ${operation}`, {
        cause: error,
      });
    }
  }

  return {
    async load(callOptions) {
      const transport = transportFor(callOptions);
      const step = await run('load the interaction', () => adapter.load(transport));
      return checkStep(step, ['login', 'consent']);
    },

    async signIn(submission, callOptions) {
      const body = copyLoginSubmission(submission);
      const transport = transportFor(callOptions);
      return checkRedirect(await run('sign in', () => adapter.signIn(transport, body)));
    },

    async consent(decision, callOptions) {
      const body = copyConsentDecision(decision);
      const transport = transportFor(callOptions);
      return checkRedirect(await run('send the consent decision', () => adapter.consent(transport, body)));
    },

    async deny(callOptions) {
      const transport = transportFor(callOptions);
      return checkRedirect(await run('deny the request', () => adapter.deny(transport)));
    },

    async switchAccount(callOptions) {
      const transport = transportFor(callOptions);
      const step = await run('switch accounts', () => adapter.switchAccount(transport));
      return checkStep(step, ['login']) as LoginStep;
    },

    async sendCode(request, callOptions) {
      const body: CodeRequest = { identifier: stringField(request, 'request', 'identifier') };
      const transport = transportFor(callOptions);
      const send = supported(adapter.sendCode, 'one-time codes');
      const sent = await run('send a code', () => send.call(adapter, transport, body));
      if (
        !isRecord(sent) ||
        typeof sent.resendAfter !== 'number' ||
        !Number.isFinite(sent.resendAfter) ||
        sent.resendAfter < 0
      ) {
        throw new InteractionError('invalid_response', 'the adapter returned no resendAfter');
      }
      return { resendAfter: sent.resendAfter };
    },

    async verifyCode(submission, callOptions) {
      const body: CodeSubmission = {
        identifier: stringField(submission, 'submission', 'identifier'),
        code: stringField(submission, 'submission', 'code'),
      };
      const transport = transportFor(callOptions);
      const verify = supported(adapter.verifyCode, 'one-time codes');
      return checkRedirect(await run('verify the code', () => verify.call(adapter, transport, body)));
    },

    async startConnector(request, callOptions) {
      const body: ConnectorRequest = { connectorId: stringField(request, 'request', 'connectorId') };
      if (isRecord(request) && request.identifier !== undefined)
        body.identifier = stringField(request, 'request', 'identifier');
      const transport = transportFor(callOptions);
      const start = supported(adapter.startConnector, 'connectors');
      return checkRedirect(await run('start the connector', () => start.call(adapter, transport, body)));
    },

    async continueSession(callOptions) {
      const transport = transportFor(callOptions);
      const resume = supported(adapter.continueSession, 'continuing a session');
      return checkRedirect(await run('continue the session', () => resume.call(adapter, transport)));
    },
  };

  /** The adapter's optional method, or an `invalid_request` rejection naming what is missing. */
  function supported<F>(method: F | undefined, what: string): F {
    if (typeof method !== 'function') {
      throw new InteractionError('invalid_request', `the ${adapter.name} adapter does not support ${what}`);
    }
    return method;
  }
}

/** A string property of a call argument, or `TypeError` naming it. */
function stringField(value: unknown, label: string, key: string): string {
  if (!isRecord(value)) throw new TypeError(`"${label}" must be an object`);
  const field = value[key];
  if (typeof field !== 'string') throw new TypeError(`"${label}.${key}" must be a string`);
  return field;
}

/**
 * Navigates the browser (top level) to a redirect returned by the client, after checking once
 * more that it is an absolute `http(s)` URL.
 *
 * @param redirect - a {@link Redirect} from `signIn`, `consent` or `deny`
 * @param assign - performs the navigation; defaults to `window.location.assign`
 * @throws InteractionError `unsafe_redirect` when `redirect.to` is not an `http(s)` URL
 * @throws TypeError when `redirect` is not an object or `assign` not a function
 */
export function followRedirect(
  redirect: Redirect,
  assign: (url: string) => void = (url) => window.location.assign(url),
): void {
  if (!isRecord(redirect)) throw new TypeError('"redirect" must be an object');
  if (typeof assign !== 'function') throw new TypeError('"assign" must be a function');
  const url = safeHttpUrl(redirect.to);
  if (url === undefined) {
    throw new InteractionError('unsafe_redirect', 'refusing to follow a redirect that is not an http(s) URL');
  }
  assign(url);
}

/**
 * The adapter's error, its `redirect` kept only when it is an absolute `http(s)` URL: hosts
 * follow `error.redirect` themselves, so a third-party adapter's `javascript:` must not reach them.
 */
function withSafeRedirect(error: InteractionError): InteractionError {
  if (error.redirect === undefined || safeHttpUrl(error.redirect?.to) !== undefined) return error;
  const { code, message, status, errorDescription, retryAfter, cause } = error;
  return new InteractionError(code, message, {
    ...(status !== undefined && { status }),
    ...(error.error !== undefined && { error: error.error }),
    ...(errorDescription !== undefined && { errorDescription }),
    ...(retryAfter !== undefined && { retryAfter }),
    ...(cause !== undefined && { cause }),
  });
}

/** Whether `value` is a non-null, non-array object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks `signal`, `timeout` and `headers` of a client or call options object. */
function assertRequestOptions(value: unknown, label: string): asserts value is RequestOptions {
  if (!isRecord(value)) throw new TypeError(`"${label}" must be an object`);
  if (value.signal !== undefined && !isAbortSignal(value.signal)) {
    throw new TypeError(`"${label}.signal" must be an AbortSignal`);
  }
  if (value.timeout !== undefined) assertTimeout(value.timeout, `${label}.timeout`);
  if (value.headers !== undefined) assertHeaders(value.headers, `${label}.headers`);
}

/** Validates a sign-in submission and returns a copy holding only its known fields. */
function copyLoginSubmission(value: unknown): LoginSubmission {
  if (!isRecord(value)) throw new TypeError('"submission" must be an object');
  const { identifier, password } = value;
  if (typeof identifier !== 'string') throw new TypeError('"submission.identifier" must be a string');
  if (typeof password !== 'string') throw new TypeError('"submission.password" must be a string');
  return { identifier, password };
}

/** Validates a consent decision and returns a copy holding only its known fields. */
function copyConsentDecision(value: unknown): ConsentDecision {
  if (!isRecord(value)) throw new TypeError('"decision" must be an object');
  const { profileScopes, resources, organizationIds, claims, remember } = value;
  const strings = (list: unknown, label: string): string[] => {
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      throw new TypeError(`"${label}" must be an array of strings`);
    }
    return [...(list as string[])];
  };
  if (!isRecord(resources)) throw new TypeError('"decision.resources" must be an object');
  const copiedResources: Record<string, string[]> = {};
  for (const [indicator, scopes] of Object.entries(resources)) {
    Object.defineProperty(copiedResources, indicator, {
      value: strings(scopes, `decision.resources[${JSON.stringify(indicator)}]`),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  if (typeof remember !== 'boolean') throw new TypeError('"decision.remember" must be a boolean');
  const decision: ConsentDecision = {
    profileScopes: strings(profileScopes, 'decision.profileScopes'),
    resources: copiedResources,
    organizationIds: strings(organizationIds, 'decision.organizationIds'),
    remember,
  };
  if (claims !== undefined) decision.claims = strings(claims, 'decision.claims');
  return decision;
}

/**
 * Re-checks what an adapter returned as a step (adapters may be third-party code) and returns
 * a copy carrying only `http(s)` URLs (see `safeStepUrls`).
 */
function checkStep(value: unknown, kinds: readonly InteractionStep['kind'][]): InteractionStep {
  if (!isRecord(value) || !kinds.includes(value.kind as InteractionStep['kind'])) {
    throw new InteractionError(
      'invalid_response',
      `the adapter returned a step whose kind is not ${kinds.map((k) => JSON.stringify(k)).join(' or ')}`,
    );
  }
  const part = value.kind === 'consent' ? 'user' : 'login';
  if (!isRecord(value.client) || !isRecord(value[part])) {
    throw new InteractionError('invalid_response', `the adapter returned a step without client or ${part}`);
  }
  return safeStepUrls(value as unknown as InteractionStep);
}

/** Re-checks what an adapter returned as a redirect: only absolute `http(s)` URLs pass. */
function checkRedirect(value: unknown): Redirect {
  if (!isRecord(value) || typeof value.to !== 'string') {
    throw new InteractionError('invalid_response', 'the adapter returned no redirect URL');
  }
  const to = safeHttpUrl(value.to);
  if (to === undefined) {
    throw new InteractionError('unsafe_redirect', 'the adapter returned a redirect that is not an http(s) URL');
  }
  return { to };
}
