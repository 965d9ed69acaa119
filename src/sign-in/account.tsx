/** `SignIn.Account`: "Continue as Alice" and "Use another account", for a session the provider knows. */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { nativeButton } from '../ui/native-form.js';
import { LogoImage } from '../ui/logo-image.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText, tNodes } from '../ui/provider-text.js';
import { useSignInContext } from './context.js';

/** "Continue as Alice" and "Use another account" (account view only), in a `<div>`. */
export const SignInAccount = forwardRef<HTMLDivElement, PartProps>(function SignInAccount({ className }, ref) {
  const { step, state, t, fields, form } = useSignInContext('SignIn.Account');
  const user = step.login.session;
  if (state.view !== 'account' || !user) return null;
  const name = user.displayName || user.email || user.username || user.phone || user.id;
  const detail = [user.email, user.username, user.phone].find((v) => v && v !== name);
  return (
    <div ref={ref} className={cx('ck-sign-in__account', className)}>
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
          <span className="ck-sign-in__account-name">
            {tNodes(t, 'signIn.account.continueAs', { name: <ProviderText text={name} /> })}
          </span>
          {detail && (
            <span className="ck-sign-in__account-detail">
              <ProviderText text={detail} />
            </span>
          )}
        </span>
      </Button>
      <FullText texts={[name, detail]} label={t('common.fullText')} />
      <Button variant="link" onClick={() => state.changeIdentifier()} disabled={state.status !== 'idle'}>
        {t('signIn.account.useAnother')}
      </Button>
    </div>
  );
});
