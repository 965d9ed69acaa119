/** `SignIn.Alternatives`: "Sign in with a code instead" / "Use your password instead". */
import { forwardRef } from 'react';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { nativeButton } from '../ui/native-form.js';
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
  const { state, t, form } = useSignInContext('SignIn.Alternatives');
  // Before the page's script runs, each posts the identifier: for a code, or back to the password.
  const identifierField = { name: form && KIT_FORM_FIELDS.identifier, value: form && state.identifier };
  const password = state.methods.includes('password');
  const code = state.methods.includes('code');
  if (state.view === 'password' && code) {
    return (
      <Button
        ref={ref}
        variant="link"
        className={cx('ck-sign-in__alternative', className)}
        {...nativeButton(form, KIT_ENDPOINTS.sendCode, () => state.switchToCode())}
        {...identifierField}
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
        {...nativeButton(form, KIT_ENDPOINTS.login, () => state.switchToPassword())}
        {...identifierField}
        disabled={state.status !== 'idle'}
      >
        {t('signIn.usePassword')}
      </Button>
    );
  }
  return null;
});
