/**
 * `Consent.Withheld`: says how many requested permissions the provider left out because the
 * user's roles lack them, so the user is not surprised when the app later says it cannot do
 * something. The names are in a native disclosure (`<details>`), keyboard and screen-reader
 * friendly with no script.
 */
import { forwardRef } from 'react';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { useConsentContext } from './context.js';

/** The withheld-scopes summary (`<details>`); nothing when none were withheld. */
export const ConsentWithheld = forwardRef<HTMLDetailsElement, PartProps>(function ConsentWithheld({ className }, ref) {
  const { step, t } = useConsentContext('Consent.Withheld');
  const withheld = step.consent.withheld;
  if (withheld.length === 0) return null;
  return (
    <details ref={ref} className={cx('ck-consent__withheld', className)}>
      <summary className="ck-consent__withheld-summary">
        {t('consent.withheld.summary', { count: withheld.length })}
      </summary>
      <p className="ck-consent__section-hint">{t('consent.withheld.hint')}</p>
      <ul className="ck-consent__withheld-list" role="list">
        {withheld.map((scope) => (
          <li key={`${scope.resource ?? ''} ${scope.name}`}>
            <code className="ck-consent__scope-name">{scope.name}</code>
            {scope.resource && <span className="ck-consent__withheld-resource"> · {scope.resource}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
});
