/**
 * `Consent.ProfileScopes`: the OIDC scopes (profile data). Renders nothing when none are
 * requested, so it can always be composed.
 */
import { forwardRef, useId } from 'react';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';
import { ScopeList } from './scope-list.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';

/** The profile scope checkboxes, under a "Profile information" heading, in a `<section>`. */
export const ConsentProfileScopes = forwardRef<HTMLElement, PartProps>(function ConsentProfileScopes(
  { className },
  ref,
) {
  const { step, t } = useConsentContext('Consent.ProfileScopes');
  const headingId = useId();
  const scopes = step.consent.profileScopes;
  if (scopes.length === 0) return null;
  return (
    <section
      ref={ref}
      className={cx('ck-consent__scopes ck-consent__section', className)}
      data-kind="profile"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="ck-consent__section-title">
        {t('consent.profile.heading')}
      </h2>
      <p className="ck-consent__section-hint">
        {tNodes(t, 'consent.profile.hint', { app: <ProviderText text={step.client.name} reveal /> })}
      </p>
      <ScopeList scopes={scopes} part="Consent.ProfileScopes" />
    </section>
  );
});
