/**
 * `Consent.Root`: owns the consent state (through `useConsent`) and the submission (through
 * `useSubmission`), renders the `<form>`, and shares both with the parts.
 */
import { type FormEvent, forwardRef, type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { useKitTranslation } from '../i18n/translation.js';
import { InteractionError } from '../protocol/errors.js';
import { decisionFormFields } from '../protocol/form.js';
import type { ConsentDecision, ConsentStep } from '../protocol/interaction.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { CheckboxesLocked } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import { ActionsForm, type NativeFormTarget, nativeFormTarget, TokenField } from '../ui/native-form.js';
import { useHydrated } from '../ui/use-hydrated.js';
import { useSubmission } from '../ui/use-submission.js';
import { type ConsentAction, ConsentProvider } from './context.js';
import { useConsent } from './use-consent.js';

// ---------------------------------------------------------------------------------------------
// Props
// ---------------------------------------------------------------------------------------------

/** Props of {@link ConsentRoot}. */
export interface ConsentRootProps {
  /** The consent step to render. */
  step: ConsentStep;
  /** Controlled decision. */
  value?: ConsentDecision | undefined;
  /** Initial decision when uncontrolled. */
  defaultValue?: ConsentDecision | undefined;
  /** Called with every change of the decision (a scope, organization or Remember toggled). */
  onValueChange?: ((value: ConsentDecision) => void) | undefined;
  /**
   * Sends the decision. Resolving means the decision is final (the page is navigating away):
   * the buttons stay disabled. Rejecting shows the error with a Retry.
   */
  onAuthorize: (decision: ConsentDecision) => Promise<void> | void;
  /** Refuses the request (the app receives `access_denied`); same contract as `onAuthorize`. */
  onDeny: () => Promise<void> | void;
  /** Leaves the account ("Not you?"). Without it the button is not shown. */
  onSwitchAccount?: (() => Promise<void> | void) | undefined;
  /** Move focus to the heading on mount; screens set it when the step just changed. */
  autoFocusHeading?: boolean | undefined;
  /** Extra class names on the `<form>`, after its stable `ck-consent` class. */
  className?: string | undefined;
  /** The parts to render (`Consent.AppHeader`, `Consent.Actions`, …), in the order shown. */
  children?: ReactNode;
}

// ---------------------------------------------------------------------------------------------
// Component
// ---------------------------------------------------------------------------------------------

/** The root of the consent parts: the `<form>` (the ref's element). */
export const ConsentRoot = forwardRef<HTMLFormElement, ConsentRootProps>(function ConsentRoot(props, ref) {
  const { step, onAuthorize, onDeny, onSwitchAccount } = props;
  const { t, language } = useKitTranslation();
  // A decision posted as a plain HTML form that the bridge refused: its choices and why.
  const attempt = step.consent.attempt;
  const state = useConsent({
    request: step.consent,
    value: props.value,
    defaultValue: attempt?.decision ?? props.defaultValue,
    onValueChange: props.onValueChange,
  });
  // No organization chosen where one must be: said next to the choice, as a click on Authorize would.
  const arrivedWithoutOrganization = attempt?.error === 'invalid_organization' && state.organizationMissing;
  const submission = useSubmission<ConsentAction>(
    attempt && !arrivedWithoutOrganization
      ? new InteractionError(attempt.error, 'the decision posted as a form was refused')
      : undefined,
  );
  const [organizationAttempts, setOrganizationAttempts] = useState(arrivedWithoutOrganization ? 1 : 0);
  const id = useId();
  const ids = useMemo(() => ({ heading: `${id}-heading`, organizationMessage: `${id}-org-message` }), [id]);
  const form = useMemo<NativeFormTarget | undefined>(
    () => nativeFormTarget(step.form, `${id}-actions`),
    [step.form, id],
  );

  const { value: decision, blocked, organizationMissing } = state;
  const { run: submit, isLocked } = submission;
  const run = useCallback(
    (action: ConsentAction) => {
      if (isLocked()) return;
      if (action === 'authorize' && blocked) return;
      if (action === 'authorize' && organizationMissing) {
        setOrganizationAttempts((n) => n + 1);
        return;
      }
      const operation =
        action === 'authorize' ? () => onAuthorize(decision) : action === 'deny' ? onDeny : onSwitchAccount;
      // Success ends the screen (navigation, or a new step that unmounts this Root).
      if (operation) submit(action, operation);
    },
    [isLocked, submit, blocked, organizationMissing, decision, onAuthorize, onDeny, onSwitchAccount],
  );
  const { failedAction } = submission;
  const retry = useCallback(() => failedAction && run(failedAction), [failedAction, run]);
  const authorize = useCallback(() => run('authorize'), [run]);
  const deny = useCallback(() => run('deny'), [run]);
  const switchAccount = useCallback(() => run('switchAccount'), [run]);

  const hydrated = useHydrated();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run('authorize');
  };

  return (
    <ConsentProvider
      value={{
        step,
        state,
        t,
        language,
        status: submission.status,
        pending: submission.pending,
        error: submission.error,
        errorCount: submission.errorCount,
        retry,
        authorize,
        deny,
        switchAccount: onSwitchAccount ? switchAccount : undefined,
        organizationInvalid: organizationAttempts > 0 && organizationMissing,
        organizationAttempts,
        autoFocusHeading: props.autoFocusHeading ?? false,
        ids,
        form,
      }}
    >
      <form
        ref={ref}
        className={cx('ck-consent', 'ck-card', props.className)}
        aria-labelledby={ids.heading}
        aria-busy={submission.status === 'submitting' || undefined}
        data-state={submission.status}
        data-third-party={step.client.party === 'third' ? '' : undefined}
        noValidate
        onSubmit={onSubmit}
        // Before the page's script runs, Authorize posts the decision as a form (see NativeForm).
        method={form && 'post'}
        action={form && `${form.action}/${KIT_ENDPOINTS.consent}`}
      >
        {/*
          Server-rendered without form posts, the controls are disabled until hydrated (see
          useHydrated); with them, the buttons, links and radios work at once, the checkboxes
          (script-driven buttons) not until then.
        */}
        <fieldset className="ck-controls" disabled={!hydrated && !form}>
          {form && (
            <DecisionFields
              form={form}
              decision={decision}
              radios={step.consent.organizations?.selection === 'single'}
            />
          )}
          <CheckboxesLocked.Provider value={!hydrated && !!form}>{props.children}</CheckboxesLocked.Provider>
        </fieldset>
      </form>
      {form && <ActionsForm target={form} />}
    </ConsentProvider>
  );
});

/**
 * The decision as hidden form fields (`decisionFormFields`): what Authorize posts before the
 * page's script runs is what the screen shows, whichever parts are composed. A single
 * organization choice is left to the radio buttons of `Consent.Organizations`, which work
 * without a script.
 */
function DecisionFields({
  form,
  decision,
  radios,
}: {
  form: NativeFormTarget;
  decision: ConsentDecision;
  radios: boolean;
}) {
  return (
    <>
      <TokenField target={form} />
      {decisionFormFields(decision, { organizations: !radios }).map(([name, value]) => (
        <input key={`${name}\0${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
