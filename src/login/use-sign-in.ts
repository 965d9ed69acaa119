/**
 * `useSignIn()`: the headless state of the sign-in form: fields, submission, error. Lean on
 * purpose: identifier + password is the one method the kit protocol carries today.
 */
import { useCallback, useRef, useState } from 'react';
import type { LoginStep, LoginSubmission } from '../protocol/interaction.js';
import { isFatal } from '../ui/errors.js';

/** Options of {@link useSignIn}. */
export interface UseSignInOptions {
  step: LoginStep;
  /** Sends the credentials. Resolving means the page navigates away; rejecting shows the error. */
  onSubmit: (submission: LoginSubmission) => Promise<void> | void;
}

/** What {@link useSignIn} returns. */
export interface SignInState {
  identifier: string;
  setIdentifier(value: string): void;
  password: string;
  setPassword(value: string): void;
  status: 'idle' | 'submitting' | 'done' | 'expired';
  error: unknown;
  /** Increments per failure so a repeated error takes focus again. */
  errorCount: number;
  /** Submits unless already submitting; returns whether it started. */
  submit(): boolean;
}

/** Headless sign-in state. */
export function useSignIn({ step, onSubmit }: UseSignInOptions): SignInState {
  // The login hint is untrusted text, but a value in an input is text, never markup.
  const [identifier, setIdentifier] = useState(step.login.loginHint ?? '');
  const [password, setPassword] = useState('');
  const [status, setStatus] = useState<SignInState['status']>('idle');
  const [failure, setFailure] = useState<{ error: unknown; count: number }>();
  // A ref, not state: it blocks the second of two submits in the same frame.
  const busy = useRef(false);

  const submit = useCallback(() => {
    if (busy.current) return false;
    busy.current = true;
    setStatus('submitting');
    Promise.resolve()
      .then(() => onSubmit({ identifier: identifier.trim(), password }))
      .then(
        () => setStatus('done'),
        (error: unknown) => {
          setFailure((previous) => ({ error, count: (previous?.count ?? 0) + 1 }));
          // The identifier stays; the password is cleared, as a wrong one is useless to keep.
          setPassword('');
          if (isFatal(error)) {
            setStatus('expired');
          } else {
            busy.current = false;
            setStatus('idle');
          }
        },
      );
    return true;
  }, [identifier, password, onSubmit]);

  return {
    identifier,
    setIdentifier,
    password,
    setPassword,
    status,
    error: failure?.error,
    errorCount: failure?.count ?? 0,
    submit,
  };
}
