/**
 * `Consent.NothingNew`: said when the request asks for nothing the user has not granted
 * before (the provider may still need a decision, e.g. to record withheld scopes), so the
 * screen does not look broken with an empty list. Authorize then just continues.
 */
import { forwardRef } from 'react';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';

/** The "nothing new" notice (`<p role="note">`); nothing while something is to be decided. */
export const ConsentNothingNew = forwardRef<HTMLParagraphElement, PartProps>(function ConsentNothingNew(
  { className },
  ref,
) {
  const { step, state, t } = useConsentContext('Consent.NothingNew');
  if (!state.nothingNew) return null;
  return (
    <p ref={ref} className={cx('ck-consent__nothing-new', className)} role="note">
      {tNodes(t, 'consent.nothingNew', { app: <ProviderText text={step.client.name} reveal /> })}
    </p>
  );
});
