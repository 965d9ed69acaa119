/**
 * `Consent.Actions`: Cancel (which denies the request) and Authorize. Both are disabled while
 * anything is in flight; the Root's submission lock makes a second click a no-op even before the
 * disabled state renders.
 */
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { nativeButton } from '../ui/native-form.js';
import { useConsentContext } from './context.js';

/** The Cancel (deny) and Authorize buttons. */
export function ConsentActions() {
  const { t, status, pending, state, deny, form } = useConsentContext('Consent.Actions');
  const locked = status !== 'idle';
  return (
    <div className="ck-consent__actions">
      <Button
        className="ck-consent__deny"
        {...nativeButton(form, KIT_ENDPOINTS.deny, deny)}
        disabled={locked}
        busy={pending === 'deny'}
      >
        {t('consent.cancel')}
      </Button>
      {/* A submit button: Enter in the form authorizes, like any form. */}
      <Button
        type="submit"
        variant="primary"
        className="ck-consent__authorize"
        disabled={locked || state.blocked}
        busy={pending === 'authorize'}
      >
        {t('consent.authorize')}
      </Button>
    </div>
  );
}
