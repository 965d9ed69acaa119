/**
 * `<InteractionScreen>`: what an interaction page mounts. Starts from the step the page embeds
 * (`initialStep`) or loads it, and renders the matching screen; each screen moves focus to its
 * heading when it replaces another step (or the loading state), so screen-reader users hear
 * where they are. The sign-in kit is a chunk of its own, fetched only for sign-in steps (call
 * `preloadStep(step)` before mounting to have it, the locale and the branding ready for the
 * first render).
 */
import { Suspense } from 'react';
import type { InteractionClient } from '../client/types.js';
import { ConsentKitProvider } from '../i18n/provider.js';
import { LazySignIn, loadedSignIn } from '../login/lazy.js';
import type { InteractionStep } from '../protocol/interaction.js';
import type { RedirectHandler } from '../ui/navigate.js';
import { StepFallback } from '../ui/step-fallback.js';
import { useStep } from '../ui/use-step.js';
import { ConsentScreen } from './consent-screen.js';

/** Props of {@link InteractionScreen}. */
export interface InteractionScreenProps {
  client: InteractionClient;
  /**
   * The step the server embedded in the page (`readEmbeddedStep()` from `consent-kit/client`):
   * shown at once, with no details request. Loaded with `client.load()` when absent.
   */
  initialStep?: InteractionStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `window.location.assign`. */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
}

/** Sign-in or consent, whichever the interaction is at. */
export function InteractionScreen({ client, initialStep, onRedirect, locale }: InteractionScreenProps) {
  const loader = useStep(client, initialStep, onRedirect);
  const step = loader.step;
  if (!step) {
    return (
      <ConsentKitProvider locale={locale}>
        <StepFallback loader={loader} className="ck-consent" />
      </ConsentKitProvider>
    );
  }
  // A step the page came with is where the user starts: focus stays where the browser puts it.
  const autoFocusHeading = loader.loaded;
  if (step.kind === 'consent') {
    return (
      <ConsentScreen
        key={step.uid}
        client={client}
        step={step}
        onRedirect={onRedirect}
        locale={locale}
        autoFocusHeading={autoFocusHeading}
      />
    );
  }
  const props = { client, step, onRedirect, locale, autoFocusHeading };
  // Rendered at once when its chunk is there already (preloadStep, or a sign-in earlier).
  const SignIn = loadedSignIn();
  if (SignIn) return <SignIn key={step.uid} {...props} />;
  return (
    <Suspense
      fallback={
        <ConsentKitProvider locale={locale}>
          <StepFallback loader={loader} className="ck-sign-in" />
        </ConsentKitProvider>
      }
    >
      <LazySignIn key={step.uid} {...props} />
    </Suspense>
  );
}
