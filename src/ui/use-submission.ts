/**
 * `useSubmission()`: the life of what a screen sends: `idle`, `submitting`, `done` (the page is
 * navigating away, or a new step replaces this one) or `expired` (the interaction is gone; only
 * the app can start a new one). One action at a time: a second action while one is in flight,
 * even in the same frame, is refused.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { isFatal } from './errors.js';

/** Where a screen is in its life. */
export type SubmissionStatus = 'idle' | 'submitting' | 'done' | 'expired';

/** How {@link Submission.run} ends an action. */
export interface RunOptions {
  /** Shown with `pending` while in flight (which connector, say). */
  detail?: string | undefined;
  /**
   * For an action that does not end the screen (sending a code): back to `idle`, then this is
   * called with what `work` resolved. Without it, success is `done` and the busy state stays on.
   */
  onSuccess?: ((value: unknown) => void) | undefined;
  /** Called with the failure before it is shown, to drop what failed (a wrong password). */
  onError?: ((error: unknown) => void) | undefined;
}

/** What {@link useSubmission} returns. */
export interface Submission<A extends string> {
  status: SubmissionStatus;
  /** The action in flight or that ended the screen, for its busy label. */
  pending: A | undefined;
  /** The `detail` of the action in flight. */
  pendingDetail: string | undefined;
  /** The last failure; `undefined` once cleared. */
  error: unknown;
  /** Increments per failure, so a repeated error takes focus again. */
  errorCount: number;
  /** The action that failed last, for Retry. */
  failedAction: A | undefined;
  /** Runs `work` as `action`; `false` (and nothing runs) while another action is in flight. */
  run(action: A, work: () => unknown, options?: RunOptions): boolean;
  /** Whether an action is in flight or the screen has ended; true in the same frame as `run`. */
  isLocked(): boolean;
  /** Hides the last failure (it belongs to a view the user left); the count stays. */
  clearError(): void;
}

interface State<A> {
  status: SubmissionStatus;
  pending: A | undefined;
  pendingDetail: string | undefined;
  failure: { error: unknown; count: number; action: A | undefined } | undefined;
}

/**
 * The submission state of one screen.
 *
 * @param initialError - a failure to show from the start (the provider's, for a step that
 *   comes back after a failed attempt)
 */
export function useSubmission<A extends string>(initialError?: unknown): Submission<A> {
  const [state, setState] = useState<State<A>>(() => ({
    status: 'idle',
    pending: undefined,
    pendingDetail: undefined,
    failure: initialError === undefined ? undefined : { error: initialError, count: 1, action: undefined },
  }));
  // A ref, not state: two clicks in the same frame both see the old state, but the second sees
  // the ref the first one set.
  const locked = useRef(false);

  const run = useCallback((action: A, work: () => unknown, options: RunOptions = {}) => {
    if (locked.current) return false;
    locked.current = true;
    setState((previous) => ({ ...previous, status: 'submitting', pending: action, pendingDetail: options.detail }));
    Promise.resolve()
      .then(work)
      .then(
        (value) => {
          if (options.onSuccess) {
            locked.current = false;
            setState((previous) => ({ ...previous, status: 'idle', pending: undefined, pendingDetail: undefined }));
            options.onSuccess(value);
          } else {
            setState((previous) => ({ ...previous, status: 'done' }));
          }
        },
        (error: unknown) => {
          options.onError?.(error);
          // Expired: nothing can succeed any more, so the lock stays closed.
          const fatal = isFatal(error);
          if (!fatal) locked.current = false;
          setState((previous) => ({
            status: fatal ? 'expired' : 'idle',
            pending: undefined,
            pendingDetail: undefined,
            failure: { error, count: (previous.failure?.count ?? 0) + 1, action },
          }));
        },
      );
    return true;
  }, []);

  const isLocked = useCallback(() => locked.current, []);
  const clearError = useCallback(
    () =>
      setState((previous) =>
        previous.failure ? { ...previous, failure: { ...previous.failure, error: undefined } } : previous,
      ),
    [],
  );

  return useMemo(
    () => ({
      status: state.status,
      pending: state.pending,
      pendingDetail: state.pendingDetail,
      error: state.failure?.error,
      errorCount: state.failure?.count ?? 0,
      failedAction: state.failure?.action,
      run,
      isLocked,
      clearError,
    }),
    [state, run, isLocked, clearError],
  );
}
