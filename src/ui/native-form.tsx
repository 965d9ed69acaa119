/**
 * Plain HTML form posts for server-rendered screens (a step's `form`, see `NativeForm`): what
 * lets the markup work before the page's script has run, like the server-rendered pages the kit
 * replaces. A screen's own form posts its main action (Continue, Sign in, Authorize) to its
 * endpoint; every other action that posts (Cancel, "Not you?", a connector, "Continue as") is a
 * submit button of a hidden second form, so the main form's default button (the one Enter
 * presses) is always its own submit button, wherever a host puts the other parts. Once hydrated,
 * the click handlers run and cancel the native submission: the screen posts JSON as always.
 */
import type { MouseEvent, ReactNode } from 'react';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { isSameOriginPath } from '../protocol/url.js';
import type { NativeForm } from '../protocol/interaction.js';

/** A step's form posts, with the id of the screen's hidden form for its other actions. */
export interface NativeFormTarget extends NativeForm {
  /** The id of the hidden form ({@link ActionsForm}). */
  id: string;
}

/**
 * The target of a step's form posts, with `id` for its hidden form; `undefined` without form
 * posts, or when the action is not a path on the page's own origin (a step a host handed over
 * unchecked): the screen then never posts natively, so nothing typed leaves for elsewhere.
 */
export function nativeFormTarget(form: NativeForm | undefined, id: string): NativeFormTarget | undefined {
  return form && isSameOriginPath(form.action) ? { ...form, id } : undefined;
}

/** Button props for an action that posts `endpoint` before hydration and runs `run` after. */
export interface NativeButtonProps {
  type?: 'submit';
  form?: string;
  formAction?: string;
  onClick(event: MouseEvent<HTMLButtonElement>): void;
}

/**
 * The props of a button for an action: without `target`, a click runs `run`; with it, the
 * button also submits the hidden form to `<action>/<endpoint>` while the page has no script, and
 * a click once hydrated runs `run` instead of submitting.
 */
export function nativeButton(
  target: NativeFormTarget | undefined,
  endpoint: string,
  run: () => unknown,
): NativeButtonProps {
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    run();
  };
  return target
    ? { type: 'submit', form: target.id, formAction: `${target.action}/${endpoint}`, onClick }
    : { onClick };
}

/** The token field every form post carries. */
export function TokenField({ target }: { target: NativeFormTarget }) {
  return <input type="hidden" name={KIT_FORM_FIELDS.token} value={target.token} />;
}

/**
 * The hidden form the screen's other actions submit (see {@link nativeButton}), rendered after
 * the screen's own form (forms cannot nest). `children`: extra hidden fields.
 */
export function ActionsForm({ target, children }: { target: NativeFormTarget; children?: ReactNode }) {
  return (
    <form id={target.id} method="post" hidden>
      <TokenField target={target} />
      {children}
    </form>
  );
}
