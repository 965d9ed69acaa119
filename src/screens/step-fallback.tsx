/**
 * What a screen shows before it has a step: a skeleton while loading (`aria-busy`, with a
 * label for screen readers), or the load error with Retry. Shared by every screen so loading
 * looks the same everywhere.
 */
import type { ReactElement } from 'react';
import { useKitTranslation } from '../i18n/translation.js';
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { errorKeyOf, isFatal } from '../ui/errors.js';
import type { StepState } from './use-step.js';
import type { InteractionStep } from '../protocol/interaction.js';

/** Props of {@link StepFallback}. */
export interface StepFallbackProps {
  loader: StepState<InteractionStep>;
  className?: string;
}

/** Loading skeleton or load error. */
export function StepFallback({ loader, className }: StepFallbackProps): ReactElement {
  const { t } = useKitTranslation();
  if (loader.errorCount > 0) {
    const fatal = isFatal(loader.error);
    // Expired before anything loaded: the app is unknown, so offer the way the user came. Going
    // back to the app's sign-in link starts a fresh authorization request.
    const canGoBack = fatal && typeof history !== 'undefined' && history.length > 1;
    return (
      <div className={cx(className, 'ck-card')} data-state="error">
        <Alert
          focusKey={loader.errorCount}
          action={
            !fatal ? (
              <Button onClick={loader.reload}>{t('common.retry')}</Button>
            ) : canGoBack ? (
              <Button onClick={() => history.back()}>{t('consent.goBack')}</Button>
            ) : undefined
          }
        >
          {t(errorKeyOf(loader.error))}
        </Alert>
      </div>
    );
  }
  return (
    <div
      className={cx(className, 'ck-card', 'ck-skeleton')}
      data-state="loading"
      aria-busy="true"
      role="status"
      aria-label={t('consent.loadingLabel')}
    >
      <span className="ck-skeleton__logo" />
      <span className="ck-skeleton__line" data-width="wide" />
      <span className="ck-skeleton__line" />
      <span className="ck-skeleton__block" />
      <span className="ck-skeleton__block" />
      <span className="ck-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
