/**
 * `Consent.Withheld`: says how many requested permissions the provider left out because the
 * user's roles lack them, so the user is not surprised when the app later says it cannot do
 * something. They are named as the offered ones are (the locale's or the provider's
 * description, with the scope value of an API scope, and the API), in a native disclosure
 * (`<details>`), keyboard and screen-reader friendly with no script.
 */
import { forwardRef } from 'react';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText, TEXT_MAX } from '../ui/provider-text.js';
import { useConsentContext } from './context.js';
import { scopeLabel } from './scope-label.js';

/** The withheld-scopes summary (`<details>`); nothing when none were withheld. */
export const ConsentWithheld = forwardRef<HTMLDetailsElement, PartProps>(function ConsentWithheld({ className }, ref) {
  const { step, t, language } = useConsentContext('Consent.Withheld');
  const withheld = step.consent.withheld;
  if (withheld.length === 0) return null;
  const fullText = t('common.fullText');
  return (
    <details ref={ref} className={cx('ck-consent__withheld', className)}>
      <summary className="ck-consent__withheld-summary">
        {t('consent.withheld.summary', { count: withheld.length })}
      </summary>
      <p className="ck-consent__section-hint">{t('consent.withheld.hint')}</p>
      <ul className="ck-consent__withheld-list" role="list">
        {withheld.map((scope) => {
          const label = scopeLabel(scope, t, language, scope.resource === undefined);
          // An API the user holds something of is named; one they hold nothing of, by its indicator.
          const api =
            scope.resource &&
            (step.consent.resources.find((r) => r.indicator === scope.resource)?.name?.trim() || scope.resource);
          return (
            <li key={`${scope.resource ?? ''} ${scope.name}`} className="ck-consent__withheld-item">
              <ProviderText text={label} max={TEXT_MAX} />
              {label !== scope.name && scope.resource && (
                <>
                  {' '}
                  <code className="ck-consent__scope-name">
                    <ProviderText text={scope.name} max={TEXT_MAX} />
                  </code>
                </>
              )}
              {api && (
                <span className="ck-consent__withheld-resource">
                  {' · '}
                  <ProviderText text={api} />
                </span>
              )}
              <FullText texts={[label, scope.name, api]} max={TEXT_MAX} label={fullText} />
            </li>
          );
        })}
      </ul>
    </details>
  );
});
