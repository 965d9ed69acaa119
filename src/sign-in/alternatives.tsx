/** `SignIn.Alternatives`: "Sign in with a code instead" / "Use your password instead". */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useSignInContext } from './context.js';

/**
 * "Sign in with a code instead" / "Use your password instead" (a `<button>`), when both are
 * offered (and, when the provider tells, both are the identifier's: an account without a
 * password is not offered one).
 */
export const SignInAlternatives = forwardRef<HTMLButtonElement, PartProps>(function SignInAlternatives(
  { className },
  ref,
) {
  const { state, t } = useSignInContext('SignIn.Alternatives');
  const password = state.methods.includes('password');
  const code = state.methods.includes('code');
  if (state.view === 'password' && code) {
    return (
      <Button
        ref={ref}
        variant="link"
        className={cx('ck-sign-in__alternative', className)}
        onClick={() => state.switchToCode()}
        disabled={state.status !== 'idle'}
        busy={state.pending === 'sendCode'}
      >
        {t('signIn.useCode')}
      </Button>
    );
  }
  if (state.view === 'code' && password) {
    return (
      <Button
        ref={ref}
        variant="link"
        className={cx('ck-sign-in__alternative', className)}
        onClick={() => state.switchToPassword()}
        disabled={state.status !== 'idle'}
      >
        {t('signIn.usePassword')}
      </Button>
    );
  }
  return null;
});
