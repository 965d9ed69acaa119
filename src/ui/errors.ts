/**
 * Maps anything a client call threw to a locale key. Only `InteractionError` codes get a
 * specific message; other errors (bugs, TypeErrors) get the generic one, never their English
 * `message`, which is for developers.
 */
import type { KitKey } from '../i18n/keys.js';
import { InteractionError, type InteractionErrorCode, isInteractionErrorCode } from '../protocol/errors.js';

/** The error code of `error` when it is an `InteractionError` with a documented code. */
function errorCodeOf(error: unknown): InteractionErrorCode | undefined {
  return error instanceof InteractionError && isInteractionErrorCode(error.code) ? error.code : undefined;
}

/** The `errors.*` key to show for `error` (every documented code has one: the type says so). */
export function errorKeyOf(error: unknown): KitKey {
  const code = errorCodeOf(error);
  return code ? `errors.${code}` : 'errors.generic';
}

/** Whether retrying cannot help: the interaction is gone and the user must restart at the app. */
export function isFatal(error: unknown): boolean {
  return errorCodeOf(error) === 'interaction_expired';
}
