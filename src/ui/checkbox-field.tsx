/**
 * `<CheckboxField>`: a native checkbox or radio inside a real `<label>`, so the whole row is
 * the hit target, the accessible name comes for free, and no ARIA widget code ships.
 */
import { useId, type ChangeEvent, type ReactNode } from 'react';
import { cx } from './cx.js';

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps {
  /** `checkbox` (default) or `radio`. */
  type?: 'checkbox' | 'radio';
  /** Form value; also lets tests and custom CSS find the input by scope name. */
  value: string;
  /** Radio group name. */
  name?: string;
  checked: boolean;
  /** Locked: shown checked and not changeable (required scopes). */
  disabled?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** The label text. */
  label: ReactNode;
  /** Secondary text under the label (scope value, role …); linked with `aria-describedby`. */
  description?: ReactNode;
  /** Badges after the label ("Required", "Previously granted"); also described. */
  badges?: ReactNode;
  /** Extra content below, outside the label (e.g. an organization's permissions). */
  children?: ReactNode;
  className?: string;
  /** Extra ids for `aria-describedby`. */
  describedBy?: string | undefined;
}

/** A labelled native checkbox or radio with description and badges. */
export function CheckboxField(props: CheckboxFieldProps) {
  const id = useId();
  const descriptionId = props.description || props.badges ? `${id}-desc` : undefined;
  const describedBy = [descriptionId, props.describedBy].filter(Boolean).join(' ') || undefined;
  const onChange = (event: ChangeEvent<HTMLInputElement>) => props.onCheckedChange?.(event.currentTarget.checked);
  return (
    <div
      className={cx('ck-field', props.className)}
      data-state={props.checked ? 'checked' : 'unchecked'}
      data-disabled={props.disabled ? '' : undefined}
    >
      <label className="ck-field__label">
        <input
          className="ck-field__input"
          type={props.type ?? 'checkbox'}
          name={props.name}
          value={props.value}
          checked={props.checked}
          disabled={props.disabled}
          onChange={onChange}
          aria-describedby={describedBy}
        />
        <span className="ck-field__text">{props.label}</span>
      </label>
      {descriptionId && (
        <span id={descriptionId} className="ck-field__meta">
          {props.description && <span className="ck-field__description">{props.description}</span>}
          {props.badges}
        </span>
      )}
      {props.children}
    </div>
  );
}

/** A small pill used for "Required", "Third-party app" … */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'info' | 'warning'; children: ReactNode }) {
  return (
    <span className="ck-badge" data-tone={tone}>
      {children}
    </span>
  );
}
