/**
 * The list of scope checkboxes shared by profile scopes and API resources. Internal: hosts
 * compose `Consent.ProfileScopes` and `Consent.ResourceGroup` instead.
 *
 * Rows are memoized and take only strings, booleans and stable callbacks: ticking one scope,
 * or the language provider settling after mount (a new `t` with the same strings), re-renders
 * the rows that changed, not every row of a large request.
 */
import { memo, type ReactElement } from 'react';
import type { ScopeItem } from '../protocol/interaction.js';
import { Badge, CheckboxField } from '../ui/checkbox-field.js';
import { FullText, ProviderText, TEXT_MAX } from '../ui/provider-text.js';
import { useConsentContext } from './context.js';
import type { ConsentState } from './use-consent.js';
import { scopeLabel } from './scope-label.js';

/** Props of {@link ScopeList}. */
export interface ScopeListProps {
  scopes: readonly ScopeItem[];
  /** Resource indicator; absent for profile scopes. */
  resource?: string | undefined;
  /** The part name for context errors. */
  part: string;
}

/** One checkbox per scope; required scopes are checked and locked, with "Required" said aloud. */
export function ScopeList({ scopes, resource, part }: ScopeListProps): ReactElement {
  const { state, t, language, status } = useConsentContext(part);
  const locked = status !== 'idle';
  const profile = resource === undefined;
  // Once per list, not per row.
  const granted = new Set(resource === undefined ? state.value.profileScopes : state.value.resources[resource]);
  const requiredText = t('common.required');
  const grantedText = t('common.previouslyGranted');
  const fullText = t('common.fullText');
  return (
    <ul className="ck-consent__scope-list" role="list">
      {scopes.map((scope) => (
        <ScopeRow
          key={scope.name}
          scope={scope}
          resource={resource}
          label={scopeLabel(scope, t, language, profile)}
          checked={scope.required || granted.has(scope.name)}
          locked={locked}
          requiredText={requiredText}
          grantedText={grantedText}
          fullText={fullText}
          setScopeGranted={state.setScopeGranted}
        />
      ))}
    </ul>
  );
}

interface ScopeRowProps {
  scope: ScopeItem;
  resource: string | undefined;
  label: string;
  checked: boolean;
  locked: boolean;
  requiredText: string;
  grantedText: string;
  /** The label of the disclosure that shows cut provider text in full. */
  fullText: string;
  setScopeGranted: ConsentState['setScopeGranted'];
}

/** One scope: the field is the list item itself. */
const ScopeRow = memo(function ScopeRow(props: ScopeRowProps) {
  const { scope, resource, label } = props;
  // Show the raw scope value too when the label is a description: it is what the app will
  // receive and what an administrator would recognize.
  const showName = label !== scope.name && resource !== undefined;
  return (
    <CheckboxField
      as="li"
      className="ck-consent__scope"
      required={scope.required}
      value={scope.name}
      checked={props.checked}
      disabled={scope.required || props.locked}
      onCheckedChange={(checked) => props.setScopeGranted(scope.name, checked, resource)}
      label={<ProviderText text={label} max={TEXT_MAX} />}
      description={
        showName ? (
          <code className="ck-field__description ck-consent__scope-name">
            <ProviderText text={scope.name} max={TEXT_MAX} />
          </code>
        ) : undefined
      }
      badges={
        scope.required || scope.granted ? (
          <>
            {scope.required && <Badge>{props.requiredText}</Badge>}
            {scope.granted && <Badge tone="info">{props.grantedText}</Badge>}
          </>
        ) : undefined
      }
    >
      <FullText texts={[label, showName ? scope.name : undefined]} max={TEXT_MAX} label={props.fullText} />
    </CheckboxField>
  );
});
