/**
 * `useStep()`: the step a screen renders, and its only holder: given by the host or loaded once
 * through `client.load()`, then replaced by the step an action leads to (the sign-in step after
 * "Not you?"), with the loading and error states every screen needs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { notifyHost, type ScreenErrorHandler } from './events.js';
import { followDecided, type RedirectHandler } from './navigate.js';

/** What {@link useStep} returns. */
export interface StepState<S extends InteractionStep> {
  step: S | undefined;
  /** The load failure, if the last load failed. */
  error: unknown;
  /** Increments per failure, for focus management. */
  errorCount: number;
  /** Loads again (Retry). */
  reload(): void;
  /** Replaces the step with the one an action led to. */
  setStep(step: InteractionStep): void;
  /** Whether the step replaced another state (a load, or an action): focus moves only then. */
  loaded: boolean;
}

/**
 * Loads the step unless `initial` is given. Aborts an in-flight load on unmount. A load the
 * provider answers with "decided already, go on here" (`InteractionError.redirect`) navigates
 * through `onRedirect` instead of failing: the loading state stays until the page leaves. A
 * failed load is reported to `onError` (action `load`) as it is shown.
 */
export function useStep<S extends InteractionStep = InteractionStep>(
  client: InteractionClient,
  initial: S | undefined,
  onRedirect?: RedirectHandler,
  onError?: ScreenErrorHandler,
): StepState<S> {
  const [held, setHeld] = useState<{ step: InteractionStep | undefined; loaded: boolean }>({
    step: initial,
    loaded: false,
  });
  const [failure, setFailure] = useState<{ error: unknown; count: number }>();
  const [attempt, setAttempt] = useState(initial ? -1 : 0);
  // The latest handler, read when a load fails: a new callback each render must not reload.
  const redirect = useRef(onRedirect);
  redirect.current = onRedirect;
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    if (attempt < 0) return;
    const controller = new AbortController();
    client.load({ signal: controller.signal }).then(
      (next) => {
        if (controller.signal.aborted) return;
        setFailure(undefined);
        setHeld({ step: next, loaded: true });
      },
      (error: unknown) => {
        if (controller.signal.aborted || followDecided(error, redirect.current)) return;
        setFailure((previous) => ({ error, count: (previous?.count ?? 0) + 1 }));
        notifyHost(reportError.current, error, { action: 'load' });
      },
    );
    return () => controller.abort();
  }, [client, attempt]);

  const reload = useCallback(() => {
    setFailure((previous) => previous && { ...previous, error: undefined });
    setAttempt((n) => Math.max(n, 0) + 1);
  }, []);
  const setStep = useCallback((next: InteractionStep) => setHeld({ step: next, loaded: true }), []);

  return {
    step: held.step as S | undefined,
    error: failure?.error,
    errorCount: failure?.error === undefined ? 0 : failure.count,
    reload,
    setStep,
    loaded: held.loaded,
  };
}
