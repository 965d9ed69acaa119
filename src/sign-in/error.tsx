/**
 * `SignIn.Error`: the banner for a failed attempt, focused when it appears; after too many
 * attempts it says how long to wait, in words of the language shown.
 */
import { forwardRef } from 'react';
import { formatWait } from '../i18n/wait.js';
import { InteractionError } from '../protocol/errors.js';
import { Alert } from '../ui/alert.js';
import { cx } from '../ui/cx.js';
import { errorKeyOf } from '../ui/errors.js';
import type { PartProps } from '../ui/part.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';
import { useSignInContext } from './context.js';

/** The error banner (`role="alert"`, focused when it appears). */
export const SignInError = forwardRef<HTMLDivElement, PartProps>(function SignInError({ className }, ref) {
  const { state, t, language } = useSignInContext('SignIn.Error');
  if (state.errorCount === 0 || state.error === undefined) return null;
  const { error } = state;
  // No wait, or a wait of 0, says nothing more: the user may try again now.
  const wait =
    error instanceof InteractionError && error.code === 'too_many_attempts' && error.retryAfter
      ? error.retryAfter
      : undefined;
  return (
    <Alert ref={ref} className={cx('ck-sign-in__error', className)} focusKey={state.errorCount}>
      {state.cancelledConnector
        ? // Cancelled at the connector's provider: say where, and that the other ways are here.
          tNodes(t, 'signIn.connectors.cancelled', {
            name: <ProviderText text={state.cancelledConnector.name} reveal />,
          })
        : t(errorKeyOf(error))}
      {wait && (
        <>
          {' '}
          <span className="ck-sign-in__wait" data-seconds={wait}>
            {t('signIn.retryIn', { when: formatWait(wait, language) })}
          </span>
        </>
      )}
    </Alert>
  );
});
