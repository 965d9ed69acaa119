/**
 * `Consent.ResourceGroup`: the scopes of one API resource, under the API's name with its
 * indicator shown (two APIs may share a display name; the indicator tells them apart).
 * `Consent.ResourceGroups` renders one group per requested resource.
 */
import { useId } from 'react';
import type { ResourceRequest } from '../protocol/interaction.js';
import { useConsentContext } from './context.js';
import { ScopeList } from './scope-list.js';

/** Props of {@link ConsentResourceGroup}. */
export interface ConsentResourceGroupProps {
  /** The resource to render. */
  resource: ResourceRequest;
}

// ---------------------------------------------------------------------------------------------
// Consent.ResourceGroup
// ---------------------------------------------------------------------------------------------

/** One API resource and its scope checkboxes. */
export function ConsentResourceGroup({ resource }: ConsentResourceGroupProps) {
  const { t } = useConsentContext('Consent.ResourceGroup');
  const headingId = useId();
  const name = resource.name?.trim() || resource.indicator;
  if (resource.scopes.length === 0) return null;
  return (
    <section
      className="ck-consent__resource ck-consent__section"
      data-kind="resource"
      data-resource={resource.indicator}
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="ck-consent__section-title">
        {name}
      </h2>
      {name !== resource.indicator && (
        <p className="ck-consent__indicator">{t('consent.resource.indicator', { indicator: resource.indicator })}</p>
      )}
      <ScopeList scopes={resource.scopes} resource={resource.indicator} part="Consent.ResourceGroup" />
    </section>
  );
}

// ---------------------------------------------------------------------------------------------
// Consent.ResourceGroups
// ---------------------------------------------------------------------------------------------

/** One {@link ConsentResourceGroup} per requested resource, in the request's order. */
export function ConsentResourceGroups() {
  const { step } = useConsentContext('Consent.ResourceGroups');
  return (
    <>
      {step.consent.resources.map((resource) => (
        <ConsentResourceGroup key={resource.indicator} resource={resource} />
      ))}
    </>
  );
}
