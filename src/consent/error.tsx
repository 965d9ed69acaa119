/**
 * `Consent.Error`: the banner for a failed Authorize, Cancel or switch. Retry runs the same
 * action again with the current choices (nothing is reset). An expired interaction gets its
 * message and no Retry: only the app can start a new one, so the banner links back to the
 * app's home page when it has a safe one.
 */
import { forwardRef } from 'react';
import { safeHttpUrl } from '../protocol/url.js';
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { errorKeyOf, isFatal } from '../ui/errors.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';

/** The error banner (`<div role="alert">`); nothing while there is no error. */
export const ConsentError = forwardRef<HTMLDivElement, PartProps>(function ConsentError({ className }, ref) {
  const { error, errorCount, t, retry, step } = useConsentContext('Consent.Error');
  if (errorCount === 0) return null;
  const fatal = isFatal(error);
  const home = fatal ? safeHttpUrl(step.client.homepage) : undefined;
  return (
    <Alert
      ref={ref}
      className={cx('ck-consent__error', className)}
      focusKey={errorCount}
      action={
        !fatal ? (
          <Button onClick={retry}>{t('common.retry')}</Button>
        ) : home ? (
          // Same tab, no referrer: the interaction URL is of no use to the app.
          <a className="ck-link ck-consent__back" href={home} rel="noreferrer">
            {tNodes(t, 'consent.backToApp', { app: <ProviderText text={step.client.name} reveal /> })}
          </a>
        ) : undefined
      }
    >
      {t(errorKeyOf(error))}
    </Alert>
  );
});
