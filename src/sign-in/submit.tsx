/** `SignIn.Submit`: the submit button of the current view. */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useSignInContext } from './context.js';

const SUBMIT_LABEL = { identifier: 'signIn.continue', password: 'signIn.submit', code: 'signIn.code.submit' } as const;

/** The submit button of the current view; disabled while submitting and after success. */
export const SignInSubmit = forwardRef<HTMLButtonElement, PartProps>(function SignInSubmit({ className }, ref) {
  const { step, state, t } = useSignInContext('SignIn.Submit');
  if (state.view === 'account') return null;
  const offersSomething =
    step.login.password || !!step.login.code || !!step.login.connectors?.some((c) => c.kind === 'sso');
  const busyActions = { identifier: ['continue', 'connector'], password: ['password'], code: ['verifyCode'] }[
    state.view
  ];
  return (
    <Button
      ref={ref}
      type="submit"
      variant="primary"
      className={cx('ck-sign-in__submit', className)}
      disabled={state.status !== 'idle' || !offersSomething}
      busy={
        state.pending !== undefined &&
        busyActions.includes(state.pending) &&
        (state.pending !== 'connector' || state.pendingConnector === state.ssoConnector?.id)
      }
    >
      {t(SUBMIT_LABEL[state.view])}
    </Button>
  );
});
