/**
 * `Consent.Root`: owns the consent state (through `useConsent`) and the submission lifecycle,
 * renders the `<form>`, and shares both with the parts.
 */
import { useCallback, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ConsentDecision, ConsentStep } from '../protocol/interaction.js';
import { useKitTranslation } from '../i18n/provider.js';
import { cx } from '../ui/cx.js';
import { isFatal } from '../ui/errors.js';
import { ConsentContext, type ConsentAction, type ConsentContextValue, type ConsentStatus } from './context.js';
import { useConsent } from './use-consent.js';
import { useHydrated } from '../ui/use-hydrated.js';

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
  /** Refuses the request; same contract as `onAuthorize`. */
  onCancel: () => Promise<void> | void;
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
  const { step, onAuthorize, onCancel, onSwitchAccount } = props;
  const { t } = useKitTranslation();
  const state = useConsent({
    request: step.consent,
    value: props.value,
    defaultValue: props.defaultValue,
    onValueChange: props.onValueChange,
  });
  const [status, setStatus] = useState<ConsentStatus>('idle');
  const [pending, setPending] = useState<ConsentAction>();
  const [failure, setFailure] = useState<{ error: unknown; action: ConsentAction; count: number }>();
  const [organizationAttempts, setOrganizationAttempts] = useState(0);
  // The guard is a ref, not state: two clicks in the same frame both see the old state, but
  // the second sees the ref the first one set.
  const busy = useRef(false);
  const latestDecision = useRef(state.value);
  latestDecision.current = state.value;
  const id = useId();
  const ids = useMemo(() => ({ heading: `${id}-heading`, organizationMessage: `${id}-org-message` }), [id]);

  const run = useCallback(
    (action: ConsentAction) => {
      if (busy.current) return;
      if (action === 'authorize' && state.blocked) return;
      if (action === 'authorize' && state.organizationMissing) {
        setOrganizationAttempts((n) => n + 1);
        return;
      }
      const operation =
        action === 'authorize'
          ? () => onAuthorize(latestDecision.current)
          : action === 'cancel'
            ? onCancel
            : onSwitchAccount;
      if (!operation) return;
      busy.current = true;
      setPending(action);
      setStatus('submitting');
      setFailure(undefined);
      Promise.resolve()
        .then(operation)
        .then(
          () => {
            // Success ends the screen (navigation or a new step): keep everything locked.
            // Switching accounts unmounts this Root, so nothing here needs to change for it.
            setStatus('done');
          },
          (error: unknown) => {
            setFailure((previous) => ({ error, action, count: (previous?.count ?? 0) + 1 }));
            setPending(undefined);
            if (isFatal(error)) {
              // Expired: nothing can succeed any more, so the guard stays closed.
              setStatus('expired');
            } else {
              busy.current = false;
              setStatus('idle');
            }
          },
        );
    },
    [state.blocked, state.organizationMissing, onAuthorize, onCancel, onSwitchAccount],
  );

  const value: ConsentContextValue = {
    step,
    state,
    t,
    status,
    pending,
    error: failure?.error,
    errorCount: failure?.count ?? 0,
    retry: () => failure && run(failure.action),
    authorize: () => run('authorize'),
    cancel: () => run('cancel'),
    switchAccount: onSwitchAccount ? () => run('switchAccount') : undefined,
    organizationInvalid: organizationAttempts > 0 && state.organizationMissing,
    organizationAttempts,
    autoFocusHeading: props.autoFocusHeading ?? false,
    ids,
  };

  const hydrated = useHydrated();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    run('authorize');
  };

  return (
    <ConsentContext.Provider value={value}>
      <form
        className={cx('ck-consent', 'ck-card', props.className)}
        aria-labelledby={ids.heading}
        aria-busy={status === 'submitting' || undefined}
        data-state={status}
        data-third-party={step.client.party === 'third' ? '' : undefined}
        noValidate
        onSubmit={onSubmit}
      >
        {/* Disabled until hydrated (server-rendered markup): see useHydrated. */}
        <fieldset className="ck-controls" disabled={!hydrated}>
          {props.children}
        </fieldset>
      </form>
    </ConsentContext.Provider>
  );
}
