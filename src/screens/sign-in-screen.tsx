/**
 * `<SignInScreen>`: the ready sign-in screen. Composes the parts and wires them to the client:
 * each method (`signIn`, `verifyCode`, `startConnector`, `continueSession`) ends in a
 * top-level navigation to the redirect it returns.
 */
import { useMemo } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { LoginStep } from '../protocol/interaction.js';
import { navigate, type RedirectHandler } from './navigate.js';
import { StepShell, StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';
import { SignIn } from '../sign-in/parts.js';
import type { SignInView, UseSignInOptions } from '../sign-in/use-sign-in.js';

/** Props of {@link SignInScreen}. */
export interface SignInScreenProps {
  client: InteractionClient;
  /** The login step; loaded with `client.load()` when absent. */
  step?: LoginStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `location.replace` (`assign` to a connector). */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
  /** Move focus to the heading when shown (set by screens that replace a previous step). */
  autoFocusHeading?: boolean | undefined;
  /** The first view (see `useSignIn`); the consent screen's "Not you?" passes `identifier`. */
  initialView?: SignInView | undefined;
}

/** The client calls of the sign-in parts, each followed by the navigation it returns. */
export function signInActions(
  client: InteractionClient,
  onRedirect: RedirectHandler | undefined,
): Omit<UseSignInOptions, 'step' | 'initialView'> {
  const { sendCode, verifyCode, startConnector, continueSession, identify } = client;
  return {
    onSubmit: async (submission) => navigate(await client.signIn(submission), onRedirect),
    onSendCode: sendCode && ((request) => sendCode.call(client, request)),
    onVerifyCode: verifyCode && (async (submission) => navigate(await verifyCode.call(client, submission), onRedirect)),
    // To the connector's provider with a new history entry: Back returns to this page.
    onConnector:
      startConnector && (async (request) => navigate(await startConnector.call(client, request), onRedirect, true)),
    onContinueSession: continueSession && (async () => navigate(await continueSession.call(client), onRedirect)),
    onIdentify: identify && ((request) => identify.call(client, request)),
  };
}

/** The sign-in screen. */
export function SignInScreen({ client, step, onRedirect, locale, autoFocusHeading, initialView }: SignInScreenProps) {
  const loader = useStep<LoginStep>(client, step, onRedirect);
  const current = loader.step;
  const actions = useMemo(() => signInActions(client, onRedirect), [client, onRedirect]);
  if (current?.kind !== 'login') return <StepShellFallback locale={locale} loader={loader} className="ck-sign-in" />;
  return (
    <StepShell step={current} locale={locale}>
      <SignIn.Root
        key={current.uid}
        step={current}
        {...actions}
        initialView={initialView}
        autoFocusHeading={autoFocusHeading ?? loader.loaded}
      >
        <SignIn.Header />
        <SignIn.Error />
        <SignIn.Account />
        <SignIn.Identifier />
        <SignIn.Password />
        <SignIn.Code />
        <SignIn.Submit />
        <SignIn.Alternatives />
        <SignIn.Connectors />
        <SignIn.Links />
      </SignIn.Root>
    </StepShell>
  );
}
