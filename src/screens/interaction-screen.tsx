/**
 * `<InteractionScreen>`: what an interaction page mounts. Loads the current step and renders
 * the matching screen; each screen moves focus to its heading when it replaces another step
 * (or the loading state), so screen-reader users hear where they are.
 */
import { forwardRef } from 'react';
import type { InteractionClient } from '../client/types.js';
import type { ConsentDecision } from '../protocol/interaction.js';
import type { PartProps } from '../ui/part.js';
import { type ConsentComponents, ConsentScreen } from './consent-screen.js';
import type { ConsentDecisionEvent, ScreenErrorHandler, SignInEvent } from './events.js';
import type { RedirectHandler } from './navigate.js';
import { type SignInComponents, SignInScreen } from './sign-in-screen.js';
import { StepShellFallback } from './step-shell.js';
import { useStep } from './use-step.js';

/** Props of {@link InteractionScreen}: what it passes on to the screen of the step. */
export interface InteractionScreenProps extends PartProps {
  client: InteractionClient;
  /** Performs the navigation after `safeHttpUrl`; defaults to `window.location.assign`. */
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
 * outermost element of the screen shown (the kit root, `.ck-root`).
 */
export const InteractionScreen = forwardRef<HTMLDivElement, InteractionScreenProps>(function InteractionScreen(
  { client, onRedirect, locale, className, components, onError, onSignIn, ...consent },
  ref,
) {
  const loader = useStep(client, undefined, onRedirect, onError);
  const step = loader.step;
  const shared = { ref, className, client, onRedirect, locale, onError, onSignIn, autoFocusHeading: true };
  if (!step)
    return (
      <StepShellFallback ref={ref} className={className} locale={locale} loader={loader} cardClassName="ck-consent" />
    );
  return step.kind === 'login' ? (
    <SignInScreen key={step.uid} {...shared} step={step} components={components?.signIn} />
  ) : (
    <ConsentScreen
      key={step.uid}
      {...shared}
      {...consent}
      step={step}
      components={components?.consent}
      signInComponents={components?.signIn}
    />
  );
});
