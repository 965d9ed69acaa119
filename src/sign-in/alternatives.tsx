/** `SignIn.Alternatives`: "Sign in with a code instead" / "Use your password instead". */
import { Button } from '../ui/button.js';
import { useSignInContext } from './context.js';

/**
 * "Sign in with a code instead" / "Use your password instead", when both are offered (and, when
 * the provider tells, both are the identifier's: an account without a password is not offered one).
 */
export function SignInAlternatives() {
  const { state, t } = useSignInContext('SignIn.Alternatives');
  const password = state.methods.includes('password');
  const code = state.methods.includes('code');
  if (state.view === 'password' && code) {
    return (
      <Button
        variant="link"
        className="ck-sign-in__alternative"
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
        variant="link"
        className="ck-sign-in__alternative"
        onClick={() => state.switchToPassword()}
        disabled={state.status !== 'idle'}
      >
        {t('signIn.usePassword')}
      </Button>
    );
  }
  return null;
}
