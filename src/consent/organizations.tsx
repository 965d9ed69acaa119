/**
 * `Consent.Organizations`: which organizations the app may access, each with the user's role
 * and the organization permissions that come with it. Radios for single selection, checkboxes
 * for multiple; a filter box above more than {@link ORGANIZATION_FILTER_THRESHOLD} options.
 * Renders nothing when the request has no organization part.
 */
import { forwardRef, memo, useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { OrganizationOption } from '../protocol/interaction.js';
import { CheckboxField } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText, tNodes } from '../ui/provider-text.js';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { useCommitEffect, useFocusOnChange } from '../ui/use-focus.js';
import { useHydrated } from '../ui/use-hydrated.js';
import { useConsentContext } from './context.js';
import { providerScopeLabel } from './scope-label.js';
import type { ConsentState } from './use-consent.js';

/** Above this many organizations a filter box is shown. */
export const ORGANIZATION_FILTER_THRESHOLD = 8;

/**
 * The organization choice: a `<fieldset>`, or a `<section>` explaining that the user belongs to
 * none (the ref is whichever shows).
 */
export const ConsentOrganizations = forwardRef<HTMLElement, PartProps>(function ConsentOrganizations(
  { className },
  ref,
) {
  const { step, state, t, language, status, ids, organizationInvalid, organizationAttempts } =
    useConsentContext('Consent.Organizations');
  const legendId = useId();
  const rowIds = useId();
  const message = useRef<HTMLParagraphElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const request = step.consent.organizations;
  const app = <ProviderText text={step.client.name} reveal />;

  // Each failed attempt moves focus to the message, even when it was already showing.
  useFocusOnChange(message, organizationAttempts, organizationAttempts > 0);
  // A server-rendered screen works before its script runs: a radio chosen by then is in the
  // page, not in the state. Taken over once, when the screen hydrates.
  useCommitEffect(() => {
    const chosen = list.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (chosen && !state.isOrganizationSelected(chosen.value)) state.setOrganizationSelected(chosen.value, true);
  }, []);
  // The filter needs the script: until then it is disabled, so Enter in it cannot submit the form.
  const hydrated = useHydrated();

  if (!request) return null;

  if (request.options.length === 0) {
    return (
      <section
        ref={ref}
        className={cx('ck-consent__organizations ck-consent__section', className)}
        data-empty=""
        aria-labelledby={legendId}
      >
        <h2 id={legendId} className="ck-consent__section-title">
          {t('consent.organizations.heading')}
        </h2>
        <p className="ck-consent__organizations-empty">{tNodes(t, 'consent.organizations.none', { app })}</p>
      </section>
    );
  }

  const single = request.selection === 'single';
  const filterable = request.options.length > ORGANIZATION_FILTER_THRESHOLD;
  const needle = query.trim().toLocaleLowerCase();
  const matches = (o: (typeof request.options)[number]) =>
    o.name.toLocaleLowerCase().includes(needle) || !!o.role?.toLocaleLowerCase().includes(needle);
  // Chosen organizations stay listed whatever the filter, so a choice never disappears.
  const shown = needle
    ? request.options.filter((o) => state.isOrganizationSelected(o.id) || matches(o))
    : request.options;
  const noMatch = needle !== '' && !request.options.some(matches);
  // Once per list, not per row.
  const selected = new Set(state.value.organizationIds);
  const permissionsText = t('consent.organizations.permissions');
  const noPermissionsText = t('consent.organizations.noPermissions');
  // "Your role: {{role}}" around a marker, split once per list: each row puts its role in.
  const [roleBefore = '', roleAfter = ''] = t('consent.organizations.role', { role: '\u0000' }).split('\u0000');
  const fullText = t('common.fullText');
  // Enter in the filter must not submit the consent form.
  const onFilterKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };
  return (
    <fieldset
      ref={ref as Ref<HTMLFieldSetElement>}
      className={cx('ck-consent__organizations ck-consent__section', className)}
      data-selection={request.selection}
      data-invalid={organizationInvalid ? '' : undefined}
      aria-describedby={organizationInvalid ? ids.organizationMessage : undefined}
    >
      <legend className="ck-consent__section-title">{t('consent.organizations.heading')}</legend>
      <p className="ck-consent__section-hint">
        {tNodes(t, single ? 'consent.organizations.hintSingle' : 'consent.organizations.hintMultiple', { app })}
      </p>
      {filterable && (
        <input
          type="search"
          disabled={!hydrated}
          className="ck-input ck-consent__organization-filter"
          aria-label={t('consent.organizations.filter')}
          placeholder={t('consent.organizations.filter')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onFilterKeyDown}
        />
      )}
      {filterable && noMatch && (
        <p className="ck-consent__section-hint" role="status">
          {tNodes(t, 'consent.organizations.noMatch', { query: <ProviderText text={query.trim()} /> })}
        </p>
      )}
      <ul ref={list} className="ck-consent__organization-list" role="list">
        {shown.map((option) => (
          <OrganizationRow
            key={option.id}
            option={option}
            single={single}
            rowIds={rowIds}
            checked={selected.has(option.id)}
            disabled={status !== 'idle'}
            roleBefore={roleBefore}
            roleAfter={roleAfter}
            permissionsText={permissionsText}
            fullText={fullText}
            noPermissionsText={noPermissionsText}
            language={language}
            messageId={organizationInvalid ? ids.organizationMessage : undefined}
            setOrganizationSelected={state.setOrganizationSelected}
          />
        ))}
      </ul>
      {organizationInvalid && (
        // `autoFocus` reaches server-rendered markup only: the message a refused form post left.
        // biome-ignore lint/a11y/noAutofocus: the error on arrival is where the user must look first
        <p id={ids.organizationMessage} ref={message} tabIndex={-1} className="ck-consent__field-error" autoFocus>
          {t('consent.organizations.required')}
        </p>
      )}
    </fieldset>
  );
});

interface OrganizationRowProps {
  option: OrganizationOption;
  single: boolean;
  /** Prefix of the row's element ids. */
  rowIds: string;
  checked: boolean;
  disabled: boolean;
  /** "Your role: " and what follows the role, in the language shown. */
  roleBefore: string;
  roleAfter: string;
  permissionsText: string;
  fullText: string;
  noPermissionsText: string;
  language: string;
  /** The "choose an organization" message's id while it shows. */
  messageId: string | undefined;
  setOrganizationSelected: ConsentState['setOrganizationSelected'];
}

/**
 * One organization with its permissions. Memoized on strings, booleans and stable callbacks,
 * so choosing one organization re-renders that row only.
 */
const OrganizationRow = memo(function OrganizationRow(props: OrganizationRowProps) {
  const { option, single, rowIds } = props;
  const permissionsId = `${rowIds}-${option.id}-permissions`;
  const permissions = option.permissions.map((permission) => providerScopeLabel(permission, props.language));
  return (
    <li className="ck-consent__organization">
      <CheckboxField
        type={single ? 'radio' : 'checkbox'}
        // The form field of the choice: a radio works before the page's script runs.
        name={single ? KIT_FORM_FIELDS.organization : undefined}
        value={option.id}
        checked={props.checked}
        disabled={props.disabled}
        onCheckedChange={(checked) => props.setOrganizationSelected(option.id, checked)}
        label={<ProviderText text={option.name} />}
        description={
          option.role ? (
            <span className="ck-field__description">
              {props.roleBefore}
              <ProviderText text={option.role} />
              {props.roleAfter}
            </span>
          ) : undefined
        }
        describedBy={props.messageId ? `${permissionsId} ${props.messageId}` : permissionsId}
      >
        <div id={permissionsId} className="ck-consent__organization-permissions">
          {option.permissions.length > 0 ? (
            <>
              <span className="ck-consent__organization-permissions-title">{props.permissionsText}</span>
              <ul role="list">
                {option.permissions.map((permission, i) => (
                  <li key={permission.name}>
                    <ProviderText text={permissions[i]!} />
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <span>{props.noPermissionsText}</span>
          )}
        </div>
        <FullText texts={[option.name, option.role, ...permissions]} label={props.fullText} />
      </CheckboxField>
    </li>
  );
});
