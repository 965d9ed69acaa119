/**
 * `<ConsentScreen>`: the ready consent screen. Loads the step when not given, composes the
 * parts, and wires them to the client: Authorize → `client.consent()`, Cancel →
 * `client.deny()`, each followed by a top-level navigation; "Not you?" →
 * `client.switchAccount()` and the sign-in screen for the same interaction.
 */
import { useCallback, useState } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision, ConsentStep, InteractionStep, LoginStep } from '../protocol/interaction.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { SignIn } from '../login/sign-in.js';
import { navigate, type RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import { ConsentAccount } from './account.js';
import { ConsentActions } from './actions.js';
import { ConsentAppHeader } from './app-header.js';
import { ConsentRoot } from './consent-root.js';
import { ConsentError } from './error.js';
import { ConsentNotice } from './notice.js';
import { ConsentOrganizations } from './organizations.js';
import { ConsentProfileScopes } from './profile-scopes.js';
import { ConsentRemember } from './remember.js';
import { ConsentResourceGroups } from './resource-group.js';
import { ConsentWithheld } from './withheld.js';

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
}

/** The consent screen. */
export function ConsentScreen(props: ConsentScreenProps) {
  const { client, onRedirect, locale } = props;
  const loader = useStep<InteractionStep>(client, props.step);
  // After "Not you?", the same interaction continues as a sign-in.
  const [signIn, setSignIn] = useState<LoginStep>();
  const current = loader.step;

  const onAuthorize = useCallback(
    async (decision: ConsentDecision) => navigate(await client.consent(decision), onRedirect),
    [client, onRedirect],
  );
  const onCancel = useCallback(async () => navigate(await client.deny(), onRedirect), [client, onRedirect]);
  const onSwitchAccount = useCallback(async () => setSignIn(await client.switchAccount()), [client]);

  const login = signIn ?? (current?.kind === 'login' ? current : undefined);
  if (login) {
    return <SignIn client={client} step={login} onRedirect={onRedirect} locale={locale} autoFocusHeading />;
  }
  if (!current || current.kind !== 'consent') {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-consent" />
      </ConsentKitProvider>
    );
  }
  return (
    <ConsentKitProvider locale={locale} uiLocales={current.uiLocales}>
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
        <ConsentAppHeader />
        <ConsentAccount />
        <ConsentProfileScopes />
        <ConsentResourceGroups />
        <ConsentOrganizations />
        <ConsentWithheld />
        <ConsentRemember />
        <ConsentNotice />
        <ConsentError />
        <ConsentActions />
      </ConsentRoot>
    </ConsentKitProvider>
  );
}
