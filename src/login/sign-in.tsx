/**
 * `<SignIn>`: the ready sign-in screen. Composes the parts and wires them to the client:
 * each method (`signIn`, `verifyCode`, `startConnector`, `continueSession`) ends in a
 * top-level navigation to the redirect it returns.
 */
import { useMemo } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { LoginStep } from '../protocol/interaction.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { BrandLogo } from '../theme/brand-logo.js';
import { requestBranding } from '../theme/request.js';
import { navigate, type RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import {
  SignInAccount,
  SignInAlternatives,
  SignInCode,
  SignInConnectors,
  SignInError,
  SignInHeader,
  SignInIdentifier,
  SignInLinks,
  SignInPassword,
  SignInRoot,
  SignInSubmit,
} from './sign-in-parts.js';
import type { SignInView, UseSignInOptions } from './use-sign-in.js';

/** Props of {@link SignIn}. */
export interface SignInProps {
  client: InteractionClient;
  /** The login step; loaded with `client.load()` when absent. */
  step?: LoginStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `window.location.assign`. */
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
  const { sendCode, verifyCode, startConnector, continueSession } = client;
  return {
    onSubmit: async (submission) => navigate(await client.signIn(submission), onRedirect),
    onSendCode: sendCode && ((request) => sendCode.call(client, request)),
    onVerifyCode: verifyCode && (async (submission) => navigate(await verifyCode.call(client, submission), onRedirect)),
    onConnector: startConnector && (async (request) => navigate(await startConnector.call(client, request), onRedirect)),
    onContinueSession: continueSession && (async () => navigate(await continueSession.call(client), onRedirect)),
  };
}

/** The sign-in screen. */
export function SignIn({ client, step, onRedirect, locale, autoFocusHeading, initialView }: SignInProps) {
  const loader = useStep<LoginStep>(client, step, onRedirect);
  const current = loader.step;
  const actions = useMemo(() => signInActions(client, onRedirect), [client, onRedirect]);
  if (!current || current.kind !== 'login') {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-sign-in" />
      </ConsentKitProvider>
    );
  }
  // The app's and organization's branding over the operator's theme (organization wins).
  const branding = requestBranding(current);
  return (
    <ConsentKitProvider locale={locale} uiLocales={current.uiLocales} branding={branding}>
      {(branding?.organization?.logo ?? branding?.app?.logo) && <BrandLogo />}
      <SignInRoot
        key={current.uid}
        step={current}
        {...actions}
        initialView={initialView}
        autoFocusHeading={autoFocusHeading ?? loader.loaded}
      >
        <SignInHeader />
        <SignInError />
        <SignInAccount />
        <SignInIdentifier />
        <SignInPassword />
        <SignInCode />
        <SignInSubmit />
        <SignInAlternatives />
        <SignInConnectors />
        <SignInLinks />
      </SignInRoot>
    </ConsentKitProvider>
  );
}

/** The sign-in parts, Radix style. */
export const SignInParts = {
  Root: SignInRoot,
  Header: SignInHeader,
  Error: SignInError,
  Account: SignInAccount,
  Identifier: SignInIdentifier,
  Password: SignInPassword,
  Code: SignInCode,
  Submit: SignInSubmit,
  Alternatives: SignInAlternatives,
  Connectors: SignInConnectors,
  Links: SignInLinks,
};
