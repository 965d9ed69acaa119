/**
 * `<Checkbox>`: Radix's checkbox (`@radix-ui/react-checkbox`), its Provider and Trigger parts: a
 * `button role="checkbox"` with `aria-checked` (`"mixed"` when indeterminate), `data-state` and
 * `data-disabled`, toggled by a click or Space and not by Enter (the WAI-ARIA checkbox pattern;
 * Enter stays free to submit the form), controlled or not through `checked` / `defaultChecked`
 * / `onCheckedChange`.
 *
 * Why the Provider and Trigger rather than `Checkbox.Root`: Root also renders a hidden
 * `<input type="checkbox">` so that a native form submission carries the value. The kit never
 * submits a form natively (the decision comes from `useConsent`), and that input is what made
 * Root slow on large requests: it measures the button in a layout effect (forcing a layout of
 * the page inside the commit) and installs a ResizeObserver per checkbox. In `npm run
 * bench:render` (every API group open, 574 checkboxes) Root spent 151 ms before the first frame
 * against 37 ms for Provider + Trigger. The two parts are exported as `unstable_` in 1.4.1:
 * package.json pins that exact version.
 */
import {
  type CheckedState,
  unstable_Provider as CheckboxProvider,
  unstable_Trigger as CheckboxTrigger,
} from '@radix-ui/react-checkbox';
import { type ButtonHTMLAttributes, forwardRef } from 'react';

export type { CheckedState };

/** Props of {@link Checkbox}: a button's, plus the checked state. */
export interface CheckboxProps
  extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'value' | 'defaultChecked' | 'onChange' | 'type' | 'role'> {
  /** Controlled state. */
  checked?: CheckedState | undefined;
  /** Initial state when uncontrolled. */
  defaultChecked?: CheckedState | undefined;
  /** Called with the new state on every user change. */
  onCheckedChange?: ((checked: CheckedState) => void) | undefined;
  /** Exposed as `aria-required`. */
  required?: boolean | undefined;
  /** The button's value, so tests and custom CSS can find a checkbox by what it stands for. */
  value?: string | undefined;
}

/** The `data-state` of a checked state, as Radix spells it. */
export function checkedDataState(checked: CheckedState): 'checked' | 'unchecked' | 'indeterminate' {
  return checked === 'indeterminate' ? 'indeterminate' : checked ? 'checked' : 'unchecked';
}

/** A checkbox drawn by the kit's CSS (`.ck-checkbox`), from Radix's `data-state`. */
export const Checkbox = forwardRef<HTMLButtonElement, CheckboxProps>(function Checkbox(
  { checked, defaultChecked, onCheckedChange, required, disabled, value, ...rest },
  ref,
) {
  return (
    <CheckboxProvider
      checked={checked}
      defaultChecked={defaultChecked}
      onCheckedChange={onCheckedChange}
      required={required}
      disabled={disabled}
      value={value}
    >
      <CheckboxTrigger {...rest} ref={ref} />
    </CheckboxProvider>
  );
});
