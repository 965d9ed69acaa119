/**
 * The kit protocol as plain HTML form posts (`application/x-www-form-urlencoded`): what a
 * server-rendered screen submits before its script has run (see `NativeForm`). The endpoints
 * are the JSON ones (`KIT_ENDPOINTS`); each body field becomes one form field per value, so a
 * form post and a JSON post of the same choices ask the bridge for the same thing.
 *
 * | endpoint      | fields                                                                 |
 * |---------------|------------------------------------------------------------------------|
 * | `login`       | `identifier`, `password` (without a password: go on from the identifier, as the screen's Continue does) |
 * | `send-code`   | `identifier`                                                           |
 * | `verify-code` | `identifier`, `code`                                                   |
 * | `connector`   | `connector` (its id), `identifier` (optional)                          |
 * | `continue`, `abort`, `switch-account` | none                                           |
 * | `consent`     | `scope` per granted OIDC scope, `resource:<indicator>` per granted API scope of that resource, `organization` per chosen organization, `claim` per approved claim, `remember=true` |
 *
 * Every form post also carries `csrf_token` (the step's `form.token`) and may carry `view`
 * (the sign-in view it was sent from, to show again if it fails).
 */
import type { ConsentDecision } from './interaction.js';

/** The field names of the kit's form posts. */
export const KIT_FORM_FIELDS = {
  /** The interaction's synchronizer token (`NativeForm.token`), in every form post. */
  token: 'csrf_token',
  /** The sign-in view the form was sent from (`identifier`, `password`, `code`). */
  view: 'view',
  identifier: 'identifier',
  password: 'password',
  code: 'code',
  /** The id of the connector to start. */
  connector: 'connector',
  /** A granted OIDC scope (one field per scope). */
  scope: 'scope',
  /** Prefix of a granted API scope's field: `resource:<indicator>` = the scope. */
  resourcePrefix: 'resource:',
  /** A chosen organization's id (one field per organization). */
  organization: 'organization',
  /** An approved claim (one field per claim). */
  claim: 'claim',
  /** `true` to remember the decision. */
  remember: 'remember',
} as const;

/**
 * The form fields of a consent decision, in the decision's order. `organizations: false` leaves
 * the organizations out, for a form whose own radio buttons carry the choice.
 */
export function decisionFormFields(
  decision: ConsentDecision,
  options: { organizations?: boolean } = {},
): [name: string, value: string][] {
  const F = KIT_FORM_FIELDS;
  const fields: [string, string][] = decision.profileScopes.map((scope) => [F.scope, scope]);
  for (const [indicator, scopes] of Object.entries(decision.resources)) {
    for (const scope of scopes) fields.push([F.resourcePrefix + indicator, scope]);
  }
  if (options.organizations !== false) for (const id of decision.organizationIds) fields.push([F.organization, id]);
  for (const claim of decision.claims ?? []) fields.push([F.claim, claim]);
  if (decision.remember) fields.push([F.remember, 'true']);
  return fields;
}

/**
 * The consent decision a form post carries (the inverse of {@link decisionFormFields}). Not
 * checked against anything: the bridge checks it against the offer like a JSON decision.
 */
export function decisionFromForm(fields: Iterable<[string, string]>): ConsentDecision {
  const F = KIT_FORM_FIELDS;
  const profileScopes: string[] = [];
  // A Map, not an object: an indicator is the sender's text (`__proto__` included).
  const resources = new Map<string, string[]>();
  const organizationIds: string[] = [];
  const claims: string[] = [];
  let remember = false;
  for (const [name, value] of fields) {
    if (name === F.scope) profileScopes.push(value);
    else if (name.startsWith(F.resourcePrefix)) {
      const indicator = name.slice(F.resourcePrefix.length);
      resources.set(indicator, [...(resources.get(indicator) ?? []), value]);
    } else if (name === F.organization) organizationIds.push(value);
    else if (name === F.claim) claims.push(value);
    else if (name === F.remember) remember = value === 'true';
  }
  return { profileScopes, resources: Object.fromEntries(resources), organizationIds, claims, remember };
}
