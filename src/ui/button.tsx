/**
 * `<Button>`: a real `<button>` with the kit's variants. Defaults to `type="button"` so a
 * button inside a form never submits by accident.
 */
import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { cx } from './cx.js';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** `primary` for the main action, `secondary` for the alternative, `link` for inline actions. */
  variant?: 'primary' | 'secondary' | 'link';
  /** Shows a spinner and sets `aria-busy`; the caller still decides `disabled`. */
  busy?: boolean;
}

/**
 * A styled native button. Forwards its ref to the `<button>` (React 18 drops a `ref` given to a
 * plain function component, with a warning).
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', busy = false, className, type = 'button', children, ...rest },
  ref,
) {
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      className={cx('ck-button', `ck-button--${variant}`, className)}
      data-variant={variant}
      data-busy={busy ? '' : undefined}
      aria-busy={busy || undefined}
    >
      {busy && <span className="ck-button__spinner" aria-hidden="true" />}
      {children}
    </button>
  );
});
