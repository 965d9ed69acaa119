/**
 * The branding a step carries, in theme terms. No color math here: the screens hand it to
 * their provider, which loads the theme compiler only when there is something to apply.
 */
import type { InteractionStep, ProviderBranding } from '../protocol/interaction.js';
import type { Branding } from './model.js';

/** The app's and the organization's branding of one request (see `resolveBranding`). */
export interface RequestBranding {
  app?: Branding | undefined;
  organization?: Branding | undefined;
}

function toBranding(branding: ProviderBranding | undefined, name: string): Branding | undefined {
  if (!branding || (!branding.brand && !branding.logo)) return undefined;
  return { brand: branding.brand, logo: branding.logo, name };
}

/** The step's provider branding, or `undefined` when it carries none. */
export function requestBranding(step: Pick<InteractionStep, 'client' | 'organization'>): RequestBranding | undefined {
  const app = toBranding(step.client.branding, step.client.name);
  const organization = step.organization && toBranding(step.organization.branding, step.organization.name);
  return app || organization ? { app, organization } : undefined;
}
