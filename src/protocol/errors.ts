/**
 * The one error class of consent-kit and its documented codes.
 *
 * Misuse of the API (wrong argument types) throws `TypeError` instead: an `InteractionError`
 * always describes something that happened at run time and that the UI can explain.
 */

/**
 * Every code an {@link InteractionError} may carry.
 *
 * - `interaction_expired`: the provider no longer knows the interaction (cookie gone, TTL passed).
 * - `invalid_response`: the provider answered with something that is not the expected shape.
 * - `network`: the request never got an HTTP answer.
 * - `timeout`: the request took longer than the configured timeout.
 * - `aborted`: the caller's `AbortSignal` fired.
 * - `access_denied`: the provider refused the operation.
 * - `invalid_credentials`: wrong identifier or password.
 * - `invalid_code`: the one-time code is wrong or has expired.
 * - `too_many_attempts`: too many failed sign-in attempts (or code requests) for this
 *   identifier; `retryAfter` says how many seconds to wait (from `Retry-After`).
 * - `invalid_request`: the provider refused the submission as malformed.
 * - `invalid_scope`: the submission names a scope that is unknown, unrequested or not held.
 * - `invalid_organization`: the submission names an organization the user is not a member of.
 * - `unsafe_redirect`: the provider asked the browser to follow a non-http(s) URL.
 * - `server_error`: the provider failed (5xx or an unexpected status).
 */
export const ERROR_CODES = [
  'interaction_expired',
  'invalid_response',
  'network',
  'timeout',
  'aborted',
  'access_denied',
  'invalid_credentials',
  'invalid_code',
  'too_many_attempts',
  'invalid_request',
  'invalid_scope',
  'invalid_organization',
  'unsafe_redirect',
  'server_error',
] as const;

/** One of {@link ERROR_CODES}. */
export type InteractionErrorCode = (typeof ERROR_CODES)[number];

import type { Redirect } from './interaction.js';

/** Options for {@link InteractionError}. */
export interface InteractionErrorOptions {
  /** HTTP status of the response that caused the error, if any. */
  status?: number;
  /** The provider's `error` value, kept verbatim. */
  error?: string;
  /** The provider's `error_description`, kept verbatim (not for display: it may be English). */
  errorDescription?: string;
  /** The underlying error. */
  cause?: unknown;
  /** Seconds to wait before retrying (`too_many_attempts`), from the `Retry-After` header. */
  retryAfter?: number;
  /** Where the browser goes instead (see {@link InteractionError.redirect}). */
  redirect?: Redirect;
}

/**
 * A failure the UI can explain: `code` selects the localized message, the other fields keep
 * what the provider said for logs and debugging.
 */
export class InteractionError extends Error {
  /** What went wrong; selects the localized message. */
  readonly code: InteractionErrorCode;
  /** HTTP status, when the error came from a response. */
  readonly status?: number;
  /** The provider's `error` value. */
  readonly error?: string;
  /** The provider's `error_description`. */
  readonly errorDescription?: string;
  /** Seconds to wait before retrying, when the provider said (`Retry-After`). */
  readonly retryAfter?: number;
  /**
   * Present when the provider already decided this interaction (in another tab, through an
   * earlier submission whose answer was lost, or a consent given before) and says where the
   * browser goes on: an absolute `http(s)` URL. The kit's screens follow it (through
   * `followRedirect`) instead of showing the error; a host's own UI should do the same.
   */
  readonly redirect?: Redirect;

  constructor(code: InteractionErrorCode, message: string, options: InteractionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InteractionError';
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.error !== undefined) this.error = options.error;
    if (options.errorDescription !== undefined) this.errorDescription = options.errorDescription;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.redirect !== undefined) this.redirect = options.redirect;
  }
}

/** Whether `value` is one of the documented {@link InteractionErrorCode}s. */
export function isInteractionErrorCode(value: unknown): value is InteractionErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
