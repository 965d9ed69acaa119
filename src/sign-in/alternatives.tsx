/** `SignIn.Alternatives`: "Sign in with a code instead" / "Use your password instead". */
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { nativeButton } from '../ui/native-form.js';
import { useSignInContext } from './context.js';

/** "Sign in with a code instead" / "Use your password instead", when both are offered. */
export function SignInAlternatives() {
  const { step, state, t, form } = useSignInContext('SignIn.Alternatives');
  // Before the page's script runs, each posts the identifier: for a code, or back to the password.
  const identifierField = { name: form && KIT_FORM_FIELDS.identifier, value: form && state.identifier };
  const { password, code } = step.login;
  if (state.view === 'password' && code) {
    return (
      <Button
        variant="link"
        className="ck-sign-in__alternative"
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
        variant="link"
        className="ck-sign-in__alternative"
        {...nativeButton(form, KIT_ENDPOINTS.login, () => state.switchToPassword())}
        {...identifierField}
        disabled={state.status !== 'idle'}
      >
        {t('signIn.usePassword')}
      </Button>
    );
  }
  return null;
}
