/**
 * The list of scope checkboxes shared by profile scopes and API resources. Internal: hosts
 * compose `Consent.ProfileScopes` and `Consent.ResourceGroup` instead.
 */
import type { ScopeItem } from '../protocol/interaction.js';
import { Badge, CheckboxField } from '../ui/checkbox-field.js';
import { useConsentContext } from './context.js';
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
export function ScopeList({ scopes, resource, part }: ScopeListProps) {
  const { state, t, status } = useConsentContext(part);
  const locked = status !== 'idle';
  const profile = resource === undefined;
  return (
    <ul className="ck-consent__scope-list" role="list">
      {scopes.map((scope) => {
        const label = scopeLabel(scope, t, profile);
        // Show the raw scope value too when the label is a description: it is what the app
        // will receive and what an administrator would recognize.
        const showName = label !== scope.name && !profile;
        return (
          <li key={scope.name} className="ck-consent__scope" data-required={scope.required ? '' : undefined}>
            <CheckboxField
              value={scope.name}
              checked={scope.required || state.isScopeGranted(scope.name, resource)}
              disabled={scope.required || locked}
              onCheckedChange={(checked) => state.setScopeGranted(scope.name, checked, resource)}
              label={label}
              description={showName ? <code className="ck-consent__scope-name">{scope.name}</code> : undefined}
              badges={
                scope.required || scope.granted ? (
                  <>
                    {scope.required && <Badge>{t('common.required')}</Badge>}
                    {scope.granted && <Badge tone="info">{t('common.previouslyGranted')}</Badge>}
                  </>
                ) : undefined
              }
            />
          </li>
        );
      })}
    </ul>
  );
}
