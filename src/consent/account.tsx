/**
 * `Consent.Account`: the signed-in user, so they notice when the wrong account is about to
 * grant access, with a "Not you?" button that switches accounts.
 */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { nativeButton } from '../ui/native-form.js';
import { LogoImage } from '../ui/logo-image.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText } from '../ui/provider-text.js';
import { useConsentContext } from './context.js';

/** The signed-in user and the "Not you?" button (`<section>`). */
export const ConsentAccount = forwardRef<HTMLElement, PartProps>(function ConsentAccount({ className }, ref) {
  const { step, t, status, switchAccount, pending, form } = useConsentContext('Consent.Account');
  const { user } = step;
  const primary = user.displayName || user.email || user.username || user.phone || user.id;
  const secondary = [user.email, user.username, user.phone].find((v) => v && v !== primary);
  return (
    <section ref={ref} className={cx('ck-consent__account', className)} aria-label={t('consent.account.signedInAs')}>
      <LogoImage className="ck-consent__avatar" src={user.avatar} name={primary} alt="" shape="round" size="sm" />
      <div className="ck-consent__account-text">
        <span className="ck-consent__account-label">{t('consent.account.signedInAs')}</span>
        <span className="ck-consent__account-name">
          <ProviderText text={primary} />
        </span>
        {secondary && (
          <span className="ck-consent__account-detail">
            <ProviderText text={secondary} />
          </span>
        )}
        <FullText texts={[primary, secondary]} label={t('common.fullText')} />
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
});
