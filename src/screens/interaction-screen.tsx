/**
 * `<InteractionScreen>`: what an interaction page mounts. Loads the current step and renders
 * the matching screen; each screen moves focus to its heading when it replaces another step
 * (or the loading state), so screen-reader users hear where they are.
 */
import type { InteractionClient } from '../client/types.js';
import { SignInScreen } from './sign-in-screen.js';
import type { RedirectHandler } from './navigate.js';
import { StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';
import { ConsentScreen } from './consent-screen.js';

/** Props of {@link InteractionScreen}. */
export interface InteractionScreenProps {
  client: InteractionClient;
  /** Performs the navigation after `safeHttpUrl`; defaults to `location.replace` (`assign` to a connector). */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
}

/** Sign-in or consent, whichever the interaction is at. */
export function InteractionScreen({ client, onRedirect, locale }: InteractionScreenProps) {
  const loader = useStep(client, undefined, onRedirect);
  const step = loader.step;
  if (!step) return <StepShellFallback locale={locale} loader={loader} className="ck-consent" />;
  return step.kind === 'login' ? (
    <SignInScreen key={step.uid} client={client} step={step} onRedirect={onRedirect} locale={locale} autoFocusHeading />
  ) : (
    <ConsentScreen
      key={step.uid}
      client={client}
      step={step}
      onRedirect={onRedirect}
      locale={locale}
      autoFocusHeading
    />
  );
}
