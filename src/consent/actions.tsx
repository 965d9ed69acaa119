/**
 * `Consent.Actions`: Cancel (which denies the request) and Authorize. Both are disabled while
 * anything is in flight; the Root's submission lock makes a second click a no-op even before the
 * disabled state renders.
 */
import { forwardRef } from 'react';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { nativeButton } from '../ui/native-form.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';

/** The Cancel (deny) and Authorize buttons, in a `<div>`. */
export const ConsentActions = forwardRef<HTMLDivElement, PartProps>(function ConsentActions({ className }, ref) {
  const { t, status, pending, state, deny, form } = useConsentContext('Consent.Actions');
  const locked = status !== 'idle';
  return (
    <div ref={ref} className={cx('ck-consent__actions', className)}>
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
});
