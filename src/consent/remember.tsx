/**
 * `Consent.Remember`: lets the user allow the provider to skip this screen next time. Shown
 * only when the request is rememberable; unticked by default, since remembering extends the
 * grant beyond this one sign-in.
 */
import { forwardRef } from 'react';
import { CheckboxField } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';

/** The "Remember this decision" checkbox; its ref is the field's `<div>`. */
export const ConsentRemember = forwardRef<HTMLElement, PartProps>(function ConsentRemember({ className }, ref) {
  const { step, state, t, status } = useConsentContext('Consent.Remember');
  if (!step.consent.rememberable) return null;
  return (
    <CheckboxField
      ref={ref}
      className={cx('ck-consent__remember', className)}
      value="remember"
      checked={state.value.remember}
      disabled={status !== 'idle'}
      onCheckedChange={state.setRemember}
      label={t('consent.remember')}
    />
  );
});
