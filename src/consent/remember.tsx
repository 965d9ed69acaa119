/**
 * `Consent.Remember`: lets the user allow the provider to skip this screen next time. Shown
 * only when the request is rememberable; unticked by default, since remembering extends the
 * grant beyond this one sign-in.
 */
import { CheckboxField } from '../ui/checkbox-field.js';
import { useConsentContext } from './context.js';

/** The "Remember this decision" checkbox. */
export function ConsentRemember() {
  const { step, state, t, status } = useConsentContext('Consent.Remember');
  if (!step.consent.rememberable) return null;
  return (
    <CheckboxField
      className="ck-consent__remember"
      value="remember"
      checked={state.value.remember}
      disabled={status !== 'idle'}
      onCheckedChange={state.setRemember}
      label={t('consent.remember')}
    />
  );
}
