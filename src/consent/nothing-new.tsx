/**
 * `Consent.NothingNew`: said when the request asks for nothing the user has not granted
 * before (the provider may still need a decision, e.g. to record withheld scopes), so the
 * screen does not look broken with an empty list. Authorize then just continues.
 */
import { useConsentContext } from './context.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';

/** The "nothing new" notice; nothing while something is to be decided. */
export function ConsentNothingNew() {
  const { step, state, t } = useConsentContext('Consent.NothingNew');
  if (!state.nothingNew) return null;
  return (
    <p className="ck-consent__nothing-new" role="note">
      {tNodes(t, 'consent.nothingNew', { app: <ProviderText text={step.client.name} reveal /> })}
    </p>
  );
}
