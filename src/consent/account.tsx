/**
 * `Consent.Account`: the signed-in user, so they notice when the wrong account is about to
 * grant access, with a "Not you?" button that switches accounts.
 */
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { nativeButton } from '../ui/native-form.js';
import { LogoImage } from '../ui/logo-image.js';
import { useConsentContext } from './context.js';

/** The signed-in user and the "Not you?" button. */
export function ConsentAccount() {
  const { step, t, status, switchAccount, pending, form } = useConsentContext('Consent.Account');
  const { user } = step;
  const primary = user.displayName || user.email || user.username || user.phone || user.id;
  const secondary = [user.email, user.username, user.phone].find((v) => v && v !== primary);
  return (
    <section className="ck-consent__account" aria-label={t('consent.account.signedInAs')}>
      <LogoImage className="ck-consent__avatar" src={user.avatar} name={primary} alt="" shape="round" size="sm" />
      <div className="ck-consent__account-text">
        <span className="ck-consent__account-label">{t('consent.account.signedInAs')}</span>
        <span className="ck-consent__account-name">{primary}</span>
        {secondary && <span className="ck-consent__account-detail">{secondary}</span>}
      </div>
      {switchAccount && (
        <Button
          variant="link"
          className="ck-consent__switch"
          {...nativeButton(form, KIT_ENDPOINTS.switchAccount, switchAccount)}
          disabled={status !== 'idle'}
          busy={pending === 'switchAccount'}
        >
          {t('consent.account.notYou')}
        </Button>
      )}
    </section>
  );
}
