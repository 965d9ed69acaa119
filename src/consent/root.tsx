/**
 * `Consent.Root`: owns the consent state (through `useConsent`) and the submission (through
 * `useSubmission`), renders the `<form>`, and shares both with the parts.
 */
import { type FormEvent, type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { useKitTranslation } from '../i18n/translation.js';
import type { ConsentDecision, ConsentStep } from '../protocol/interaction.js';
import { cx } from '../ui/cx.js';
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
  className?: string | undefined;
  children?: ReactNode;
}

// ---------------------------------------------------------------------------------------------
// Component
// ---------------------------------------------------------------------------------------------

/** The root of the consent parts. */
export function ConsentRoot(props: ConsentRootProps) {
  const { step, onAuthorize, onDeny, onSwitchAccount } = props;
  const { t, language } = useKitTranslation();
  const state = useConsent({
    request: step.consent,
    value: props.value,
    defaultValue: props.defaultValue,
    onValueChange: props.onValueChange,
  });
  const submission = useSubmission<ConsentAction>();
  const [organizationAttempts, setOrganizationAttempts] = useState(0);
  const id = useId();
  const ids = useMemo(() => ({ heading: `${id}-heading`, organizationMessage: `${id}-org-message` }), [id]);

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
      }}
    >
      <form
        className={cx('ck-consent', 'ck-card', props.className)}
        aria-labelledby={ids.heading}
        aria-busy={submission.status === 'submitting' || undefined}
        data-state={submission.status}
        data-third-party={step.client.party === 'third' ? '' : undefined}
        noValidate
        onSubmit={onSubmit}
      >
        {/* Disabled until hydrated (server-rendered markup): see useHydrated. */}
        <fieldset className="ck-controls" disabled={!hydrated}>
          {props.children}
        </fieldset>
      </form>
    </ConsentProvider>
  );
}
