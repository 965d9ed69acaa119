/** Awaiting a promise that must reject with an {@link InteractionError}. */
import { expect } from 'vitest';
import { InteractionError } from '../../src/protocol/errors.js';

/**
 * The {@link InteractionError} `promise` rejects with; fails the test when it resolves or rejects
 * with anything else.
 */
export async function rejection(promise: Promise<unknown>): Promise<InteractionError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InteractionError);
  return error as InteractionError;
}
