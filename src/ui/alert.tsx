/**
 * `<Alert>`: an error banner. `role="alert"` makes screen readers announce it, and focus moves
 * to it (`tabIndex={-1}`) each time a new error arrives so keyboard users land on the message
 * and the Retry button right after it.
 */
import { useComposedRefs } from '@radix-ui/react-compose-refs';
import { forwardRef, useRef, type ReactNode } from 'react';
import { cx } from './cx.js';
import { useFocusOnChange } from './use-focus.js';

/** Props of {@link Alert}. */
export interface AlertProps {
  children: ReactNode;
  /** Changes whenever a new error should take focus (e.g. an attempt counter). */
  focusKey?: unknown;
  /** Actions after the message (Retry). */
  action?: ReactNode;
  className?: string;
  tone?: 'error' | 'warning';
}

/** A focusable, announced error banner; its ref is the banner's `<div>`. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { children, focusKey, action, className, tone = 'error' },
  forwardedRef,
) {
  const ref = useRef<HTMLDivElement>(null);
  const refs = useComposedRefs(ref, forwardedRef);
  useFocusOnChange(ref, focusKey);
  return (
    // `autoFocus` only ever reaches server-rendered markup (React sets no such attribute in the
    // browser, where the effect above moves focus): an alert in the server's HTML is the outcome
    // of a form posted before the page's script ran, and the browser focuses it on load.
    // biome-ignore lint/a11y/noAutofocus: an error on arrival is where the user must look first
    <div ref={refs} role="alert" tabIndex={-1} className={cx('ck-alert', className)} data-tone={tone} autoFocus>
      <span className="ck-alert__icon" aria-hidden="true">
        !
      </span>
      <p className="ck-alert__message">{children}</p>
      {action && <div className="ck-alert__action">{action}</div>}
    </div>
  );
});
