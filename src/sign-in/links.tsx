/** `SignIn.Links`: "Create an account", and "Continue as …" after "Not you?". */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { nativeButton } from '../ui/native-form.js';
import { SafeLink } from '../ui/safe-link.js';
import { useSignInContext } from './context.js';

/** "Create an account" (identifier view) and "Continue as …" after "Not you?". */
export const SignInLinks = forwardRef<HTMLDivElement, PartProps>(function SignInLinks({ className }, ref) {
  const { step, state, t, form } = useSignInContext('SignIn.Links');
  if (state.view !== 'identifier') return null;
  const { createAccountUrl, session } = step.login;
  const name = session && (session.displayName || session.email || session.username || session.phone || session.id);
  if (!createAccountUrl && !name) return null;
  return (
    <div ref={ref} className={cx('ck-sign-in__links', className)}>
      {createAccountUrl && (
        <SafeLink className="ck-sign-in__create" href={createAccountUrl}>
          {t('signIn.createAccount')}
        </SafeLink>
      )}
      {name && (
        <Button
          variant="link"
          {...nativeButton(form, KIT_ENDPOINTS.continue, () => state.continueSession())}
          disabled={state.status !== 'idle'}
          busy={state.pending === 'session'}
        >
          {tNodes(t, 'signIn.account.continueAs', { name: <ProviderText text={name} /> })}
        </Button>
      )}
    </div>
  );
});
