/**
 * `<ConsentScreen>`: the ready consent screen. Loads the step when not given, composes the
 * parts, and wires them to the client: Authorize → `client.consent()`, Cancel →
 * `client.deny()`, each followed by a top-level navigation; "Not you?" →
 * `client.switchAccount()` and the sign-in screen for the same interaction.
 */
import { type ComponentType, forwardRef, type RefObject, Suspense, useCallback, useRef, useState } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision, ConsentStep, InteractionStep } from '../protocol/interaction.js';
import { Consent } from '../consent/parts.js';
import type { PartProps } from '../ui/part.js';
import { type ConsentDecisionEvent, notifyHost, type ScreenErrorHandler, type SignInEvent } from './events.js';
import { LazySignInScreen, loadSignIn } from './lazy-sign-in.js';
import { navigate, type RedirectHandler } from './navigate.js';
import type { SignInComponents } from './sign-in-screen.js';
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
export interface ConsentScreenProps extends PartProps {
  /** Talks to the provider's interaction endpoints (`consent-kit/client`; see `InteractionClient`). */
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
  /** Called with every change of the decision (a scope, organization or Remember toggled). */
  onValueChange?: ((value: ConsentDecision) => void) | undefined;
  /** Move focus to the heading when shown; defaults to whether the step had to be loaded. */
  autoFocusHeading?: boolean | undefined;
  /**
   * Replacements for any part, e.g. `{ AppHeader: MyHeader }`. Replacements read the state
   * through `useConsentContext()` or render the original `Consent.*` part.
   */
  components?: Partial<ConsentComponents> | undefined;
  /**
   * Called when the provider accepted a decision (Authorize or Cancel), with the decision and
   * where the browser goes next, just before it goes there.
   */
  onDecision?: ((event: ConsentDecisionEvent) => void) | undefined;
  /** Called with every failure the screen shows (loading, Authorize, Cancel, "Not you?"). */
  onError?: ScreenErrorHandler | undefined;
  /** Replacements for parts of the sign-in screen "Not you?" leads to (see `SignInScreen`). */
  signInComponents?: Partial<SignInComponents> | undefined;
  /** `onSignIn` of the sign-in screen "Not you?" leads to. */
  onSignIn?: ((event: SignInEvent) => void) | undefined;
}

/** Runs a client call, telling the host about its failure before the screen shows it. */
async function reporting<T>(
  events: RefObject<ConsentScreenProps>,
  action: 'authorize' | 'deny' | 'switchAccount',
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    notifyHost(events.current.onError, error, { action });
    throw error;
  }
}

/**
 * The consent screen, ready to mount. `className` and the ref go to its outermost element (the
 * kit root `.ck-root`, or `.ck-scope` inside a host's provider), whatever it shows: loading,
 * the consent form, or the sign-in screen after "Not you?".
 *
 * @example
 * ```tsx
 * <ConsentScreen client={client} components={{ AppHeader: MyHeader, Remember: () => null }} />
 * ```
 */
export const ConsentScreen = forwardRef<HTMLDivElement, ConsentScreenProps>(function ConsentScreen(props, ref) {
  const { client, onRedirect, locale, className } = props;
  // The host's callbacks as of the last render, read when an action ends: a new function per
  // render must not make new actions (and re-render every part).
  const events = useRef(props);
  events.current = props;
  // The one holder of the step: the one given or loaded, then the sign-in step "Not you?" leads to.
  const loader = useStep<InteractionStep>(client, props.step, onRedirect, props.onError);
  const [switched, setSwitched] = useState(false);
  const current = loader.step;
  const { setStep } = loader;

  const onAuthorize = useCallback(
    async (decision: ConsentDecision) => {
      const redirect = await reporting(events, 'authorize', () => client.consent(decision));
      notifyHost(events.current.onDecision, { action: 'authorize', decision, redirect });
      navigate(redirect, onRedirect);
    },
    [client, onRedirect],
  );
  const onDeny = useCallback(async () => {
    const redirect = await reporting(events, 'deny', () => client.deny());
    notifyHost(events.current.onDecision, { action: 'deny', redirect });
    navigate(redirect, onRedirect);
  }, [client, onRedirect]);
  // The sign-in kit is its own chunk, fetched while the provider switches accounts. The account
  // the user just said is not theirs is not offered again ("Continue as …").
  const onSwitchAccount = useCallback(async () => {
    const [{ login, ...step }] = await reporting(events, 'switchAccount', () =>
      Promise.all([client.switchAccount(), loadSignIn()]),
    );
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
            ref={ref}
            className={className}
            locale={locale}
            loader={{ ...loader, error: undefined, errorCount: 0 }}
            cardClassName="ck-sign-in"
          />
        }
      >
        <LazySignInScreen
          ref={ref}
          className={className}
          client={client}
          step={current}
          onRedirect={onRedirect}
          locale={locale}
          autoFocusHeading
          // "Not you?": the account just left must not be offered again.
          initialView={switched ? 'identifier' : undefined}
          components={props.signInComponents}
          onSignIn={props.onSignIn}
          onError={props.onError}
        />
      </Suspense>
    );
  }
  if (current?.kind !== 'consent') {
    return (
      <StepShellFallback ref={ref} className={className} locale={locale} loader={loader} cardClassName="ck-consent" />
    );
  }
  return (
    <StepShell ref={ref} className={className} step={current} locale={locale}>
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
});
