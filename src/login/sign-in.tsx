/**
 * `<SignIn>`: the ready sign-in screen. Composes the parts and wires them to the client:
 * `client.signIn()` then a top-level navigation to the returned redirect.
 */
import { useCallback } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { LoginStep, LoginSubmission } from '../protocol/interaction.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { navigate, type RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import { SignInError, SignInHeader, SignInIdentifier, SignInPassword, SignInRoot, SignInSubmit } from './sign-in-parts.js';

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
}

/** The sign-in screen. */
export function SignIn({ client, step, onRedirect, locale, autoFocusHeading }: SignInProps) {
  const loader = useStep<LoginStep>(client, step);
  const current = loader.step;
  const onSubmit = useCallback(
    async (submission: LoginSubmission) => navigate(await client.signIn(submission), onRedirect),
    [client, onRedirect],
  );
  if (!current || current.kind !== 'login') {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-sign-in" />
      </ConsentKitProvider>
    );
  }
  return (
    <ConsentKitProvider locale={locale} uiLocales={current.uiLocales}>
      <SignInRoot
        key={current.uid}
        step={current}
        onSubmit={onSubmit}
        autoFocusHeading={autoFocusHeading ?? loader.loaded}
      >
        <SignInHeader />
        <SignInError />
        <SignInIdentifier />
        <SignInPassword />
        <SignInSubmit />
      </SignInRoot>
    </ConsentKitProvider>
  );
}

/**
 * The sign-in parts, Radix style: `SignIn.Root`, `SignIn.Header`, `SignIn.Identifier`,
 * `SignIn.Password`, `SignIn.Error`, `SignIn.Submit`.
 */
export const SignInParts = {
  Root: SignInRoot,
  Header: SignInHeader,
  Identifier: SignInIdentifier,
  Password: SignInPassword,
  Error: SignInError,
  Submit: SignInSubmit,
};
