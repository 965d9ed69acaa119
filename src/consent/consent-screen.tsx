/**
 * `<ConsentScreen>`: the ready consent screen. Loads the step when not given, composes the
 * parts, and wires them to the client: Authorize → `client.consent()`, Cancel →
 * `client.deny()`, each followed by a top-level navigation; "Not you?" →
 * `client.switchAccount()` and the sign-in screen for the same interaction.
 */
import { Suspense, useCallback, useState, type ComponentType } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision, ConsentStep, InteractionStep, LoginStep } from '../protocol/interaction.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { BrandLogo } from '../theme/brand-logo.js';
import { requestBranding } from '../theme/request.js';
import { LazySignIn as SignIn, loadSignIn } from '../login/lazy.js';
import { navigate, type RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import { ConsentAccount } from './account.js';
import { ConsentActions } from './actions.js';
import { ConsentAppHeader } from './app-header.js';
import { ConsentClaims } from './claims.js';
import { ConsentRoot } from './consent-root.js';
import { ConsentError } from './error.js';
import { ConsentNothingNew } from './nothing-new.js';
import { ConsentNotice } from './notice.js';
import { ConsentOrganizations } from './organizations.js';
import { ConsentProfileScopes } from './profile-scopes.js';
import { ConsentRemember } from './remember.js';
import { ConsentResourceGroups } from './resource-group.js';
import { ConsentWithheld } from './withheld.js';

/**
 * The parts `<ConsentScreen>` composes, top to bottom. Replace any of them through the
 * `components` prop; a replacement may render the original part around its own markup, or
 * return `null` to leave the part out.
 */
export interface ConsentComponents {
  AppHeader: ComponentType;
  Account: ComponentType;
  ProfileScopes: ComponentType;
  Claims: ComponentType;
  ResourceGroups: ComponentType;
  Organizations: ComponentType;
  Withheld: ComponentType;
  NothingNew: ComponentType;
  Remember: ComponentType;
  Notice: ComponentType;
  Error: ComponentType;
  Actions: ComponentType;
}

/** The parts {@link ConsentScreen} renders when not replaced. */
export const defaultConsentComponents: Readonly<ConsentComponents> = {
  AppHeader: ConsentAppHeader,
  Account: ConsentAccount,
  ProfileScopes: ConsentProfileScopes,
  Claims: ConsentClaims,
  ResourceGroups: ConsentResourceGroups,
  Organizations: ConsentOrganizations,
  Withheld: ConsentWithheld,
  NothingNew: ConsentNothingNew,
  Remember: ConsentRemember,
  Notice: ConsentNotice,
  Error: ConsentError,
  Actions: ConsentActions,
};

/** Props of {@link ConsentScreen}. */
export interface ConsentScreenProps {
  client: InteractionClient;
  /** The consent step; loaded with `client.load()` when absent. */
  step?: ConsentStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `window.location.assign`. */
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
  const loader = useStep<InteractionStep>(client, props.step, onRedirect);
  // After "Not you?", the same interaction continues as a sign-in.
  const [signIn, setSignIn] = useState<LoginStep>();
  const current = loader.step;

  const onAuthorize = useCallback(
    async (decision: ConsentDecision) => navigate(await client.consent(decision), onRedirect),
    [client, onRedirect],
  );
  const onCancel = useCallback(async () => navigate(await client.deny(), onRedirect), [client, onRedirect]);
  // The sign-in kit is its own chunk, fetched while the provider switches accounts.
  const onSwitchAccount = useCallback(async () => {
    const [step] = await Promise.all([client.switchAccount(), loadSignIn()]);
    setSignIn(step);
  }, [client]);
  const parts = { ...defaultConsentComponents, ...props.components };

  const login = signIn ?? (current?.kind === 'login' ? current : undefined);
  if (login) {
    return (
      <Suspense
        fallback={
          <ConsentKitProvider locale={locale}>
            <StepFallback loader={{ ...loader, error: undefined, errorCount: 0 }} className="ck-sign-in" />
          </ConsentKitProvider>
        }
      >
        <SignIn
          client={client}
          step={login}
          onRedirect={onRedirect}
          locale={locale}
          autoFocusHeading
          initialView={signIn ? 'identifier' : undefined}
        />
      </Suspense>
    );
  }
  if (!current || current.kind !== 'consent') {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-consent" />
      </ConsentKitProvider>
    );
  }
  // The app's and organization's branding over the operator's theme (organization wins).
  const branding = requestBranding(current);
  return (
    <ConsentKitProvider locale={locale} uiLocales={current.uiLocales} branding={branding}>
      {(branding?.organization?.logo ?? branding?.app?.logo) && <BrandLogo />}
      <ConsentRoot
        key={current.uid}
        step={current}
        value={props.value}
        defaultValue={props.defaultValue}
        onValueChange={props.onValueChange}
        onAuthorize={onAuthorize}
        onCancel={onCancel}
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
    </ConsentKitProvider>
  );
}
