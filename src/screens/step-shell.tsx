/**
 * What every screen renders around its step: the kit provider in the step's languages
 * (`ui_locales`, then the host's locale) with the step's provider branding over the theme, and
 * the brand logo above the card when the branding has one. Before a step, the fallback.
 */
import type { ReactNode } from 'react';
import { BrandLogo } from '../kit/brand-logo.js';
import { ConsentKitProvider } from '../kit/provider.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { requestBranding } from '../theme/request.js';
import { StepFallback, type StepFallbackProps } from './step-fallback.js';

/** Props of {@link StepShell}. */
export interface StepShellProps {
  step: InteractionStep;
  /** The host's language choice. */
  locale: string | undefined;
  children: ReactNode;
}

/** The provider and brand logo around a screen's step. */
export function StepShell({ step, locale, children }: StepShellProps) {
  // The app's and organization's branding over the operator's theme (organization wins).
  const branding = requestBranding(step);
  return (
    <ConsentKitProvider locale={locale} uiLocales={step.uiLocales} branding={branding}>
      {(branding?.organization?.logo ?? branding?.app?.logo) && <BrandLogo />}
      {children}
    </ConsentKitProvider>
  );
}

/** The loading skeleton or load error, in the host's language (no step yet, so no `ui_locales`). */
export function StepShellFallback({ locale, ...props }: StepFallbackProps & { locale: string | undefined }) {
  return (
    <ConsentKitProvider locale={locale}>
      <StepFallback {...props} />
    </ConsentKitProvider>
  );
}
