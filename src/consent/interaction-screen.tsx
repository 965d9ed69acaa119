/**
 * `<InteractionScreen>`: what an interaction page mounts. Loads the current step and renders
 * the matching screen; each screen moves focus to its heading when it replaces another step
 * (or the loading state), so screen-reader users hear where they are.
 */
import type { InteractionClient } from '../client/types.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { SignIn } from '../login/sign-in.js';
import type { RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import { ConsentScreen } from './consent-screen.js';

/** Props of {@link InteractionScreen}. */
export interface InteractionScreenProps {
  client: InteractionClient;
  /** Performs the navigation after `safeHttpUrl`; defaults to `window.location.assign`. */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
}

/** Sign-in or consent, whichever the interaction is at. */
export function InteractionScreen({ client, onRedirect, locale }: InteractionScreenProps) {
  const loader = useStep(client, undefined, onRedirect);
  const step = loader.step;
  if (!step) {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-consent" />
      </ConsentKitProvider>
    );
  }
  return step.kind === 'login' ? (
    <SignIn key={step.uid} client={client} step={step} onRedirect={onRedirect} locale={locale} autoFocusHeading />
  ) : (
    <ConsentScreen key={step.uid} client={client} step={step} onRedirect={onRedirect} locale={locale} autoFocusHeading />
  );
}
