/** `SignIn.Account`: "Continue as Alice" and "Use another account", for a session the provider knows. */
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { nativeButton } from '../ui/native-form.js';
import { LogoImage } from '../ui/logo-image.js';
import { useSignInContext } from './context.js';

/** "Continue as Alice" and "Use another account" (account view only). */
export function SignInAccount() {
  const { step, state, t, fields, form } = useSignInContext('SignIn.Account');
  const user = step.login.session;
  if (state.view !== 'account' || !user) return null;
  const name = user.displayName || user.email || user.username || user.phone || user.id;
  const detail = [user.email, user.username, user.phone].find((v) => v && v !== name);
  return (
    <div className="ck-sign-in__account">
      <Button
        ref={fields.account}
        variant="secondary"
        className="ck-sign-in__account-button"
        {...nativeButton(form, KIT_ENDPOINTS.continue, () => state.continueSession())}
        disabled={state.status !== 'idle'}
        busy={state.pending === 'session'}
      >
        <LogoImage className="ck-sign-in__avatar" src={user.avatar} name={name} alt="" shape="round" size="sm" />
        <span className="ck-sign-in__account-text">
          <span className="ck-sign-in__account-name">{t('signIn.account.continueAs', { name })}</span>
          {detail && <span className="ck-sign-in__account-detail">{detail}</span>}
        </span>
      </Button>
      <Button variant="link" onClick={() => state.changeIdentifier()} disabled={state.status !== 'idle'}>
        {t('signIn.account.useAnother')}
      </Button>
    </div>
  );
}
