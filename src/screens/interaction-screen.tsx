/**
 * `<InteractionScreen>`: what an interaction page mounts. Starts from the step the page embeds
 * (`initialStep`) or loads it, and renders the matching screen; each screen moves focus to its
 * heading when it replaces another step (or the loading state), so screen-reader users hear
 * where they are. The sign-in kit is a chunk of its own, fetched only for sign-in steps (call
 * `preloadStep(step)` before mounting to have it, the locale and the branding ready for the
 * first render).
 */
import { forwardRef, Suspense } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision, InteractionStep } from '../protocol/interaction.js';
import type { PartProps } from '../ui/part.js';
import { type ConsentComponents, ConsentScreen } from './consent-screen.js';
import type { ConsentDecisionEvent, ScreenErrorHandler, SignInEvent } from './events.js';
import { LazySignInScreen, loadedSignInScreen } from './lazy-sign-in.js';
import type { RedirectHandler } from './navigate.js';
import type { SignInComponents } from './sign-in-screen.js';
import { StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';

/** Props of {@link InteractionScreen}: what it passes on to the screen of the step. */
export interface InteractionScreenProps extends PartProps {
  /** Talks to the provider's interaction endpoints (`consent-kit/client`; see `InteractionClient`). */
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
  /** Replacements for parts of either screen: `{ consent: { AppHeader: MyHeader }, signIn: { Links: () => null } }`. */
  components?:
    | { consent?: Partial<ConsentComponents> | undefined; signIn?: Partial<SignInComponents> | undefined }
    | undefined;
  /** The consent decision, controlled (see `ConsentScreen`). */
  value?: ConsentDecision | undefined;
  /** The consent decision's initial value when uncontrolled. */
  defaultValue?: ConsentDecision | undefined;
  /** Called with every change of the decision (a scope, organization or Remember toggled). */
  onValueChange?: ((value: ConsentDecision) => void) | undefined;
  /** The consent screen's `onDecision`: a decision the provider accepted. */
  onDecision?: ((event: ConsentDecisionEvent) => void) | undefined;
  /** The sign-in screen's `onSignIn`: a sign-in the provider accepted. */
  onSignIn?: ((event: SignInEvent) => void) | undefined;
  /** Called with every failure either screen shows, loading included. */
  onError?: ScreenErrorHandler | undefined;
}

/**
 * Sign-in or consent, whichever the interaction is at. `className` and the ref go to the
 * outermost element of the screen shown: the kit root (`.ck-root`), or `.ck-scope` inside a
 * host's `ConsentKitProvider`, whose element is then the root.
 */
export const InteractionScreen = forwardRef<HTMLDivElement, InteractionScreenProps>(function InteractionScreen(
  { client, initialStep, onRedirect, locale, className, components, onError, onSignIn, ...consent },
  ref,
) {
  const loader = useStep(client, initialStep, onRedirect, onError);
  const step = loader.step;
  const shell = { ref, className, locale };
  if (!step) return <StepShellFallback {...shell} loader={loader} cardClassName="ck-consent" />;
  // A step the page came with is where the user starts: focus stays where the browser puts it.
  const autoFocusHeading = loader.loaded;
  const shared = { ...shell, client, onRedirect, onError, onSignIn, autoFocusHeading };
  if (step.kind === 'consent') {
    return (
      <ConsentScreen
        key={step.uid}
        {...shared}
        {...consent}
        step={step}
        components={components?.consent}
        signInComponents={components?.signIn}
      />
    );
  }
  const props = { ...shared, step, components: components?.signIn };
  // Rendered at once when its chunk is there already (preloadStep, or a sign-in earlier).
  const SignInScreen = loadedSignInScreen();
  if (SignInScreen) return <SignInScreen key={step.uid} {...props} />;
  return (
    <Suspense fallback={<StepShellFallback {...shell} loader={loader} cardClassName="ck-sign-in" />}>
      <LazySignInScreen key={step.uid} {...props} />
    </Suspense>
  );
});
