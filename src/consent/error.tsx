/**
 * `Consent.Error`: the banner for a failed Authorize, Cancel or switch. Retry runs the same
 * action again with the current choices (nothing is reset). An expired interaction gets its
 * message and no Retry: only the app can start a new one.
 */
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { errorKeyOf, isFatal } from '../ui/errors.js';
import { useConsentContext } from './context.js';

/** The error banner; nothing while there is no error. */
export function ConsentError() {
  const { error, errorCount, t, retry } = useConsentContext('Consent.Error');
  if (errorCount === 0) return null;
  const fatal = isFatal(error);
  return (
    <Alert
      className="ck-consent__error"
      focusKey={errorCount}
      action={fatal ? undefined : <Button onClick={retry}>{t('common.retry')}</Button>}
    >
      {t(errorKeyOf(error))}
    </Alert>
  );
}
