/**
 * `<Checkbox>`: the kit's own checkbox primitive, shaped like Radix's `Checkbox.Root`
 * (`checked` / `defaultChecked` / `onCheckedChange`, `'indeterminate'`, `data-state`,
 * `data-disabled`) and with the same semantics: a `button role="checkbox"` with
 * `aria-checked` (`"mixed"` when indeterminate), toggled by a click or Space, not by Enter
 * (the WAI-ARIA checkbox pattern; Enter stays free to submit the form).
 *
 * Why not Radix's: in `npm run bench:render` (every API group open, 574 checkboxes) the
 * screen with Radix's `Checkbox.Root` spent 151 ms before the first frame, 37 ms with its
 * `unstable_` Provider and Trigger (no hidden input), 23 ms with this component; from data to
 * painted screen, 257 ms with Radix against 119 ms with this one (same run, bare list 41-46
 * ms). Each Radix checkbox keeps its button and hidden input in state, set from ref
 * callbacks, so it renders twice on mount; the hidden input reads the button's size in a
 * layout effect (forcing a layout of the whole page inside the commit) and installs a
 * ResizeObserver per checkbox. The kit never submits the form natively (the decision comes
 * from `useConsent`), so none of that buys it anything; this renders once, with no state
 * unless uncontrolled, no effect and no ref.
 */
import { forwardRef, useState, type ButtonHTMLAttributes, type KeyboardEvent, type MouseEvent } from 'react';

/** A checkbox's state: ticked, not ticked, or partly ("select all" of a partly ticked list). */
export type CheckedState = boolean | 'indeterminate';

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

/** A checkbox drawn by the kit's CSS (`.ck-checkbox`), with Radix's props and attributes. */
export const Checkbox = forwardRef<HTMLButtonElement, CheckboxProps>(function Checkbox(
  { checked: checkedProp, defaultChecked = false, onCheckedChange, required, disabled, onClick, onKeyDown, ...rest },
  ref,
) {
  const [inner, setInner] = useState<CheckedState>(defaultChecked);
  const checked = checkedProp ?? inner;
  return (
    <button
      {...rest}
      ref={ref}
      type="button"
      role="checkbox"
      aria-checked={checked === 'indeterminate' ? 'mixed' : checked}
      aria-required={required}
      data-state={checkedDataState(checked)}
      data-disabled={disabled ? '' : undefined}
      disabled={disabled}
      onKeyDown={(event: KeyboardEvent<HTMLButtonElement>) => {
        onKeyDown?.(event);
        // A button activates on Enter; a checkbox must not (Space toggles it).
        if (event.key === 'Enter') event.preventDefault();
      }}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (event.defaultPrevented) return;
        const next = checked === 'indeterminate' ? true : !checked;
        if (checkedProp === undefined) setInner(next);
        onCheckedChange?.(next);
      }}
    />
  );
});
