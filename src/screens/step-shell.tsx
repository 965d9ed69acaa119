/**
 * What every screen renders around its step: the kit provider in the step's languages
 * (`ui_locales`, then the host's locale) with the step's provider branding over the theme, and
 * the brand logo above the card when the branding has one. Before a step, the fallback. The
 * screen's `className` and ref go to the provider's root element, the screen's outermost.
 */
import { forwardRef, type ReactNode } from 'react';
import { BrandLogo } from '../kit/brand-logo.js';
import { ConsentKitProvider } from '../kit/provider.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { requestBranding } from '../theme/request.js';
import type { PartProps } from '../ui/part.js';
import { StepFallback, type StepFallbackProps } from './step-fallback.js';

/** Props of {@link StepShell}. */
export interface StepShellProps extends PartProps {
  step: InteractionStep;
  /** The host's language choice. */
  locale: string | undefined;
  children: ReactNode;
}

/** The provider and brand logo around a screen's step. */
export const StepShell = forwardRef<HTMLDivElement, StepShellProps>(function StepShell(
  { step, locale, className, children },
  ref,
) {
  // The app's and organization's branding over the operator's theme (organization wins).
  const branding = requestBranding(step);
  return (
    <ConsentKitProvider ref={ref} className={className} locale={locale} uiLocales={step.uiLocales} branding={branding}>
      {(branding?.organization?.logo ?? branding?.app?.logo) && <BrandLogo />}
      {children}
    </ConsentKitProvider>
  );
});

/** Props of {@link StepShellFallback}. */
export interface StepShellFallbackProps extends PartProps {
  loader: StepFallbackProps['loader'];
  /** The host's language choice. */
  locale: string | undefined;
  /** The class of the card, the screen's own (`ck-consent`, `ck-sign-in`). */
  cardClassName: string;
}

/** The loading skeleton or load error, in the host's language (no step yet, so no `ui_locales`). */
export const StepShellFallback = forwardRef<HTMLDivElement, StepShellFallbackProps>(function StepShellFallback(
  { locale, className, loader, cardClassName },
  ref,
) {
  return (
    <ConsentKitProvider ref={ref} className={className} locale={locale}>
      <StepFallback loader={loader} className={cardClassName} />
    </ConsentKitProvider>
  );
});
