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
import type { InteractionStep } from '../protocol/interaction.js';
import { ConsentScreen } from './consent-screen.js';
import { LazySignInScreen, loadedSignInScreen } from './lazy-sign-in.js';
import type { RedirectHandler } from './navigate.js';
import { StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';

/** Props of {@link InteractionScreen}. */
export interface InteractionScreenProps {
  client: InteractionClient;
  /**
   * The step the server embedded in the page (`readEmbeddedStep()` from `consent-kit/client`):
   * shown at once, with no details request. Loaded with `client.load()` when absent.
   */
  initialStep?: InteractionStep | undefined;
  /** Performs the navigation after `safeHttpUrl`; defaults to `location.replace` (`assign` to a connector). */
  onRedirect?: RedirectHandler | undefined;
  /** The host's language choice. */
  locale?: string | undefined;
}

/** Sign-in or consent, whichever the interaction is at. */
export function InteractionScreen({ client, initialStep, onRedirect, locale }: InteractionScreenProps) {
  const loader = useStep(client, initialStep, onRedirect);
  const step = loader.step;
  if (!step) return <StepShellFallback locale={locale} loader={loader} className="ck-consent" />;
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
  const SignInScreen = loadedSignInScreen();
  if (SignInScreen) return <SignInScreen key={step.uid} {...props} />;
  return (
    <Suspense fallback={<StepShellFallback locale={locale} loader={loader} className="ck-sign-in" />}>
      <LazySignInScreen key={step.uid} {...props} />
    </Suspense>
  );
}
