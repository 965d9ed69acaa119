/**
 * `Consent.Claims`: the details an app asks for one by one (the `claims` request parameter,
 * OpenID Connect Core §5.5) that no requested scope covers. Each is a checkbox the user may
 * untick; only ticked ones are sent as approved (`ConsentDecision.claims`). Renders nothing
 * when none are requested, so it can always be composed.
 */
import { forwardRef, useId } from 'react';
import { CheckboxField } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { claimLabel, KNOWN_CLAIMS } from './claim-label.js';
import { useConsentContext } from './context.js';
import { FullText, ProviderText, TEXT_MAX, tNodes } from '../ui/provider-text.js';

/** The requested-claims checkboxes, under a "Requested details" heading, in a `<section>`. */
export const ConsentClaims = forwardRef<HTMLElement, PartProps>(function ConsentClaims({ className }, ref) {
  const { step, state, t, language, status } = useConsentContext('Consent.Claims');
  const headingId = useId();
  const claims = step.consent.claims;
  if (claims.length === 0) return null;
  const locked = status !== 'idle';
  const fullText = t('common.fullText');
  return (
    <section
      ref={ref}
      className={cx('ck-consent__claims ck-consent__section', className)}
      data-kind="claims"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="ck-consent__section-title">
        {t('consent.claims.heading')}
      </h2>
      <p className="ck-consent__section-hint">
        {tNodes(t, 'consent.claims.hint', { app: <ProviderText text={step.client.name} reveal /> })}
      </p>
      <ul className="ck-consent__scope-list" role="list">
        {claims.map((claim) => {
          const label = claimLabel(claim, t, language);
          const named = !KNOWN_CLAIMS.has(claim.name) && label !== claim.name;
          return (
            <CheckboxField
              key={claim.name}
              as="li"
              className="ck-consent__scope ck-consent__claim"
              value={claim.name}
              checked={state.isClaimGranted(claim.name)}
              disabled={locked}
              onCheckedChange={(checked) => state.setClaimGranted(claim.name, checked)}
              label={<ProviderText text={label} max={TEXT_MAX} />}
              // A provider's own text: show the claim name the app receives, as for API scopes.
              description={
                named ? (
                  <code className="ck-field__description ck-consent__scope-name">
                    <ProviderText text={claim.name} max={TEXT_MAX} />
                  </code>
                ) : undefined
              }
            >
              <FullText texts={[label, named ? claim.name : undefined]} max={TEXT_MAX} label={fullText} />
            </CheckboxField>
          );
        })}
      </ul>
    </section>
  );
});
