/**
 * `<CheckboxField>`: the kit's checkbox (`./checkbox.tsx`, shaped like Radix's) or a native
 * radio inside a real `<label>`, so the whole row is the hit target. The checkbox is a
 * `button role="checkbox"` with `aria-checked` and `data-state`, named by the label text
 * through `aria-labelledby`, and styleable in every browser (a native checkbox only takes
 * `accent-color`).
 */
import {
  createContext,
  forwardRef,
  isValidElement,
  useId,
  type ChangeEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  useContext,
} from 'react';
import { Checkbox, checkedDataState } from './checkbox.js';
import { cx } from './cx.js';

/**
 * `true` holds every checkbox of the fields inside disabled (radios stay live): what a
 * server-rendered screen with form posts provides until it hydrates. Radix's checkbox is a
 * button that only toggles through the script, so before it runs a click would change nothing
 * while the form posts what the page shows; disabled, the box says it cannot be changed yet.
 */
export const CheckboxesLocked = createContext(false);

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  /** `checkbox` (default) or `radio`. */
  type?: 'checkbox' | 'radio';
  /** Form value; also lets tests and custom CSS find the input by scope name. */
  value: string;
  /** Radio group name. */
  name?: string;
  /** `indeterminate` (checkboxes only) for a "select all" whose items are partly ticked. */
  checked: boolean | 'indeterminate';
  /** Locked: shown checked and not changeable (required scopes). */
  disabled?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** The label text. */
  label: ReactNode;
  /**
   * Secondary text under the label (scope value, role …); linked with `aria-describedby`.
   * Text is wrapped in `.ck-field__description`; an element is rendered as given.
   */
  description?: ReactNode;
  /** Badges after the label ("Required", "Previously granted"); also described. */
  badges?: ReactNode;
  /** Extra content below, outside the label (e.g. an organization's permissions). */
  children?: ReactNode;
  className?: string;
  /** Extra ids for `aria-describedby`. */
  describedBy?: string | undefined;
  /**
   * The field's own element: `div` (default), or `li` when the field is a list item itself,
   * which saves a wrapper per row in long lists.
   */
  as?: 'div' | 'li';
  /** Sets `data-required` on the field, for styling a required item. */
  required?: boolean | undefined;
}

/** A labelled checkbox or radio with description and badges; its ref is the field's element. */
export const CheckboxField = forwardRef<HTMLElement, CheckboxFieldProps>(function CheckboxField(props, ref) {
  const id = useId();
  const descriptionId = props.description || props.badges ? `${id}-desc` : undefined;
  const describedBy = [descriptionId, props.describedBy].filter(Boolean).join(' ') || undefined;
  const textId = `${id}-text`;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => props.onCheckedChange?.(event.currentTarget.checked);
  const Root = props.as ?? 'div';
  const locked = useContext(CheckboxesLocked);
  const radio = props.type === 'radio';
  const disabled = props.disabled || (locked && !radio);
  return (
    <Root
      // The element is a div or an li, both HTMLElements.
      ref={ref as Ref<HTMLDivElement & HTMLLIElement>}
      className={cx('ck-field', props.className)}
      data-state={checkedDataState(props.checked)}
      data-disabled={disabled ? '' : undefined}
      data-required={props.required ? '' : undefined}
    >
      {/* biome-ignore lint/a11y/noLabelWithoutControl: its control is the radio or the Checkbox (a button) inside */}
      <label className="ck-field__label">
        {radio ? (
          <input
            className="ck-field__input"
            type="radio"
            name={props.name}
            value={props.value}
            checked={props.checked === true}
            disabled={props.disabled}
            onChange={onChange}
            aria-describedby={describedBy}
          />
        ) : (
          <Checkbox
            className="ck-field__input ck-checkbox"
            value={props.value}
            checked={props.checked}
            disabled={disabled}
            onCheckedChange={(checked) => props.onCheckedChange?.(checked === true)}
            aria-labelledby={textId}
            aria-describedby={describedBy}
            // The mark is drawn by CSS (`.ck-checkbox::before`) from data-state.
          />
        )}
        <span id={textId} className="ck-field__text">
          {props.label}
        </span>
      </label>
      {descriptionId && (
        <span id={descriptionId} className="ck-field__meta">
          {/* An element is its own description (its class is the caller's); text gets a span. */}
          {isValidElement(props.description) ? (
            props.description
          ) : props.description ? (
            <span className="ck-field__description">{props.description}</span>
          ) : undefined}
          {props.badges}
        </span>
      )}
      {props.children}
    </Root>
  );
});

/** A small pill used for "Required", "Third-party app" … */
export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'info' | 'warning';
  children: ReactNode;
}): ReactElement {
  return (
    <span className="ck-badge" data-tone={tone}>
      {children}
    </span>
  );
}
