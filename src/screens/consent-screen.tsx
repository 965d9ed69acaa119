/**
 * `<ConsentScreen>`: the ready consent screen. Loads the step when not given, composes the
 * parts, and wires them to the client: Authorize → `client.consent()`, Cancel →
 * `client.deny()`, each followed by a top-level navigation; "Not you?" →
 * `client.switchAccount()` and the sign-in screen for the same interaction.
 */
import { Suspense, useCallback, useState, type ComponentType } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision, ConsentStep, InteractionStep } from '../protocol/interaction.js';
import { Consent } from '../consent/parts.js';
import { LazySignInScreen, loadSignIn } from './lazy-sign-in.js';
import { navigate, type RedirectHandler } from './navigate.js';
import { StepShell, StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';

// The parts `<ConsentScreen>` composes: every consent part but the Root and the single group.
const { Root: ConsentRoot, ResourceGroup: _group, ...composed } = Consent;

/**
 * The parts `<ConsentScreen>` composes, top to bottom. Replace any of them through the
 * `components` prop; a replacement may render the original part around its own markup, or
 * return `null` to leave the part out.
 */
export type ConsentComponents = { [Part in keyof typeof composed]: ComponentType };

/** The parts {@link ConsentScreen} renders when not replaced (the `Consent.*` parts). */
export const defaultConsentComponents: Readonly<ConsentComponents> = composed;

/** Props of {@link ConsentScreen}. */
export interface ConsentScreenProps {
  client: InteractionClient;
  /** The consent step; loaded with `client.load()` when absent. */
  step?: ConsentStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `location.replace` (`assign` to a connector). */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice, used when the request's `ui_locales` match no kit locale. */
  locale?: string | undefined;
  /** Controlled decision. */
  value?: ConsentDecision | undefined;
  /** Initial decision when uncontrolled. */
  defaultValue?: ConsentDecision | undefined;
  onValueChange?: ((value: ConsentDecision) => void) | undefined;
  /** Move focus to the heading when shown; defaults to whether the step had to be loaded. */
  autoFocusHeading?: boolean | undefined;
  /**
   * Replacements for any part, e.g. `{ AppHeader: MyHeader }`. Replacements read the state
   * through `useConsentContext()` or render the original `Consent.*` part.
   */
  components?: Partial<ConsentComponents> | undefined;
}

/**
 * The consent screen, ready to mount.
 *
 * @example
 * ```tsx
 * <ConsentScreen client={client} components={{ AppHeader: MyHeader, Remember: () => null }} />
 * ```
 */
export function ConsentScreen(props: ConsentScreenProps) {
  const { client, onRedirect, locale } = props;
  // The one holder of the step: the one given or loaded, then the sign-in step "Not you?" leads to.
  const loader = useStep<InteractionStep>(client, props.step, onRedirect);
  const [switched, setSwitched] = useState(false);
  const current = loader.step;
  const { setStep } = loader;

  const onAuthorize = useCallback(
    async (decision: ConsentDecision) => navigate(await client.consent(decision), onRedirect),
    [client, onRedirect],
  );
  const onDeny = useCallback(async () => navigate(await client.deny(), onRedirect), [client, onRedirect]);
  // The sign-in kit is its own chunk, fetched while the provider switches accounts. The account
  // the user just said is not theirs is not offered again ("Continue as …").
  const onSwitchAccount = useCallback(async () => {
    const [{ login, ...step }] = await Promise.all([client.switchAccount(), loadSignIn()]);
    const { session: _left, ...rest } = login;
    setSwitched(true);
    setStep({ ...step, login: rest });
  }, [client, setStep]);
  const parts = { ...defaultConsentComponents, ...props.components };

  if (current?.kind === 'login') {
    return (
      <Suspense
        fallback={
          <StepShellFallback
            locale={locale}
            loader={{ ...loader, error: undefined, errorCount: 0 }}
            className="ck-sign-in"
          />
        }
      >
        <LazySignInScreen
          client={client}
          step={current}
          onRedirect={onRedirect}
          locale={locale}
          autoFocusHeading
          // "Not you?": the account just left must not be offered again.
          initialView={switched ? 'identifier' : undefined}
        />
      </Suspense>
    );
  }
  if (current?.kind !== 'consent') return <StepShellFallback locale={locale} loader={loader} className="ck-consent" />;
  return (
    <StepShell step={current} locale={locale}>
      <ConsentRoot
        key={current.uid}
        step={current}
        value={props.value}
        defaultValue={props.defaultValue}
        onValueChange={props.onValueChange}
        onAuthorize={onAuthorize}
        onDeny={onDeny}
        onSwitchAccount={onSwitchAccount}
        autoFocusHeading={props.autoFocusHeading ?? loader.loaded}
      >
        <parts.AppHeader />
        <parts.Account />
        <parts.NothingNew />
        <parts.ProfileScopes />
        <parts.Claims />
        <parts.ResourceGroups />
        <parts.Organizations />
        <parts.Withheld />
        <parts.Remember />
        <parts.Notice />
        <parts.Error />
        <parts.Actions />
      </ConsentRoot>
    </StepShell>
  );
}
