/**
 * `Consent.ResourceGroup`: the scopes of one API resource, under the API's name with its
 * indicator shown (two APIs may share a display name; the indicator tells them apart), a
 * count of what is selected, a disclosure button to expand or collapse the list, and "select
 * all" for the optional scopes. `Consent.ResourceGroups` renders one group per resource.
 */
import { forwardRef, type ReactElement, useId } from 'react';
import type { ResourceRequest } from '../protocol/interaction.js';
import { CheckboxField } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText, tNodes } from '../ui/provider-text.js';
import { useControllableState } from '../ui/use-controllable-state.js';
import { useConsentContext } from './context.js';
import { ScopeList } from './scope-list.js';

/** Props of {@link ConsentResourceGroup}. */
export interface ConsentResourceGroupProps extends PartProps {
  /** The resource to render. */
  resource: ResourceRequest;
  /**
   * Expanded at first (uncontrolled). Default: expanded when it is the request's only
   * resource, collapsed otherwise, so a long request opens as a short list of APIs.
   */
  defaultOpen?: boolean | undefined;
  /** Expanded (controlled). */
  open?: boolean | undefined;
  /** Called when the user expands or collapses the group. */
  onOpenChange?: ((open: boolean) => void) | undefined;
}

// ---------------------------------------------------------------------------------------------
// Consent.ResourceGroup
// ---------------------------------------------------------------------------------------------

/**
 * One API resource and its scope checkboxes. The list is not rendered while collapsed (the
 * count in the toggle still says what is selected), which keeps large requests quick.
 */
export const ConsentResourceGroup = forwardRef<HTMLElement, ConsentResourceGroupProps>(function ConsentResourceGroup(
  { resource, defaultOpen, open, onOpenChange, className },
  ref,
) {
  const { step, state, t, status } = useConsentContext('Consent.ResourceGroup');
  const id = useId();
  const [expanded, setExpanded] = useControllableState({
    value: open,
    defaultValue: () => defaultOpen ?? step.consent.resources.length === 1,
    onValueChange: onOpenChange,
    caller: 'Consent.ResourceGroup',
  });
  const name = resource.name?.trim() || resource.indicator;
  if (resource.scopes.length === 0) return null;

  const { indicator, scopes } = resource;
  const selected = scopes.filter((s) => s.required || state.isScopeGranted(s.name, indicator)).length;
  const optional = scopes.filter((s) => !s.required);
  const optionalSelected = optional.filter((s) => state.isScopeGranted(s.name, indicator)).length;
  const toggle = () => setExpanded(!expanded);

  return (
    <section
      ref={ref}
      className={cx('ck-consent__resource ck-consent__section', className)}
      data-kind="resource"
      data-resource={indicator}
      data-state={expanded ? 'open' : 'closed'}
      aria-labelledby={`${id}-name`}
    >
      <h2 className="ck-consent__section-title ck-consent__resource-title">
        <button
          type="button"
          className="ck-consent__resource-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-panel`}
          onClick={toggle}
        >
          <span id={`${id}-name`} className="ck-consent__resource-name">
            <ProviderText text={name} />
          </span>
          <span className="ck-consent__resource-count">
            {t('consent.resource.count', { count: scopes.length, selected })}
          </span>
          <span className="ck-consent__chevron" aria-hidden="true" />
        </button>
      </h2>
      {name !== indicator && (
        // Only the indicator is code: the words around it are the language's, in its own font.
        <p className="ck-consent__indicator">
          {tNodes(t, 'consent.resource.indicator', {
            indicator: (
              <code className="ck-consent__indicator-value">
                <ProviderText text={indicator} />
              </code>
            ),
          })}
        </p>
      )}
      <FullText texts={[name, indicator]} label={t('common.fullText')} />
      <div id={`${id}-panel`} className="ck-consent__resource-panel" hidden={!expanded}>
        {expanded && optional.length > 1 && (
          <CheckboxField
            className="ck-consent__select-all"
            value="select-all"
            checked={optionalSelected === optional.length ? true : optionalSelected > 0 ? 'indeterminate' : false}
            disabled={status !== 'idle'}
            onCheckedChange={(checked) => state.setResourceGranted(indicator, checked)}
            label={tNodes(t, 'consent.resource.selectAll', { api: <ProviderText text={name} /> })}
          />
        )}
        {expanded && <ScopeList scopes={scopes} resource={indicator} part="Consent.ResourceGroup" />}
      </div>
    </section>
  );
});

// ---------------------------------------------------------------------------------------------
// Consent.ResourceGroups
// ---------------------------------------------------------------------------------------------

/** Props of {@link ConsentResourceGroups}. */
export interface ConsentResourceGroupsProps extends PartProps {
  /** Expand every group at first (default: only a lone group is expanded). */
  defaultOpen?: boolean | undefined;
}

/**
 * One {@link ConsentResourceGroup} per requested resource, in the request's order. It renders no
 * element of its own (so it takes no ref): `className` goes to every group.
 */
export function ConsentResourceGroups({ defaultOpen, className }: ConsentResourceGroupsProps): ReactElement {
  const { step } = useConsentContext('Consent.ResourceGroups');
  return (
    <>
      {step.consent.resources.map((resource) => (
        <ConsentResourceGroup
          key={resource.indicator}
          resource={resource}
          defaultOpen={defaultOpen}
          className={className}
        />
      ))}
    </>
  );
}
