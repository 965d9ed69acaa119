/**
 * What the provider adapters (Logto, Better Auth, Supabase) share: turning a provider's error
 * answer into an {@link InteractionError}, reading nullable strings, redirects and scope lists.
 * Built on the `assert.ts` helpers; no user-facing text.
 *
 * @packageDocumentation
 */
import { InteractionError, type InteractionErrorCode } from '../../protocol/errors.js';
import type { Redirect } from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { assertString, isObject } from '../assert.js';
import type { TransportResponse } from '../types.js';

/** What an adapter read from a provider's error body. */
export interface ProviderErrorBody {
  /** The provider's machine-readable code (`session.not_found`, `INVALID_EMAIL_OR_PASSWORD` …). */
  error?: string;
  /** The provider's own text (usually English; kept for logs, never shown). */
  description?: string;
}

/** The kit's code for an error status when the provider's own code says nothing more. */
export function codeForStatus(status: number): InteractionErrorCode {
  if (status === 404 || status === 410) return 'interaction_expired';
  if (status === 401) return 'invalid_credentials';
  if (status === 403) return 'access_denied';
  if (status >= 400 && status < 500) return 'invalid_request';
  return 'server_error';
}

/**
 * Builds the {@link InteractionError} for an error answer: `code` from `map` (given the
 * provider's code and the status), else from the status. The provider's code and text are
 * kept as `error` / `errorDescription`, and the whole body as `cause`.
 */
export function providerError(
  response: TransportResponse,
  read: (body: unknown) => ProviderErrorBody,
  map: (error: string | undefined, status: number) => InteractionErrorCode | undefined,
  provider: string,
): InteractionError {
  const { status, body } = response;
  const { error, description } = read(body);
  const code = map(error, status) ?? codeForStatus(status);
  const message = `${provider} answered with HTTP ${status}${error ? ` (${error})` : ''}`;
  return new InteractionError(code, message, {
    status,
    ...(error !== undefined && { error }),
    ...(description !== undefined && { errorDescription: description }),
    ...(body !== undefined && { cause: body }),
  });
}

/** A string field of an object, or `undefined` when it is not a string. */
export function stringField(body: unknown, key: string): string | undefined {
  if (!isObject(body)) return undefined;
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads a field that the provider sends as a string, `null` or not at all: returns the string
 * (`''` counts as absent) or `undefined`; anything else is `invalid_response`.
 */
export function nullableString(value: unknown, label: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  assertString(value, label);
  return value;
}

/** Validates a redirect URL into a {@link Redirect}: absolute `http(s)` only, else `unsafe_redirect`. */
export function redirectTo(value: unknown, label: string): Redirect {
  assertString(value, label);
  const to = safeHttpUrl(value);
  if (to === undefined) throw new InteractionError('unsafe_redirect', `${label} must be an http(s) URL`);
  return { to };
}

/** Splits a space-separated scope string into unique scopes, in order. */
export function splitScopes(value: string): string[] {
  return [...new Set(value.split(/\s+/).filter(Boolean))];
}

/** Rejects an operation the provider has no API for, without a request. */
export function unsupported(provider: string, operation: string): never {
  throw new InteractionError('invalid_request', `the ${provider} adapter does not support ${operation}`);
}

/** Whether a 2xx status. */
export function isOk(response: TransportResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
