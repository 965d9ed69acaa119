/**
 * The consent parts, Radix style. Compose them inside `Consent.Root` in any order, leave out
 * what you do not need, or add your own markup between them.
 *
 * @example
 * ```tsx
 * <Consent.Root step={step} onAuthorize={send} onDeny={deny}>
 *   <Consent.AppHeader />
 *   <Consent.ProfileScopes />
 *   <Consent.ResourceGroups />
 *   <Consent.Actions />
 * </Consent.Root>
 * ```
 */
import { ConsentAccount } from './account.js';
import { ConsentActions } from './actions.js';
import { ConsentAppHeader } from './app-header.js';
import { ConsentClaims } from './claims.js';
import { ConsentError } from './error.js';
import { ConsentNothingNew } from './nothing-new.js';
import { ConsentNotice } from './notice.js';
import { ConsentOrganizations } from './organizations.js';
import { ConsentProfileScopes } from './profile-scopes.js';
import { ConsentRemember } from './remember.js';
import { ConsentResourceGroup, ConsentResourceGroups } from './resource-group.js';
import { ConsentRoot } from './root.js';
import { ConsentWithheld } from './withheld.js';

/**
 * The consent parts. See the module documentation. Every part except `Root` throws
 * "Consent.X must be used within Consent.Root" when rendered outside a Root.
 */
export const Consent = {
  Root: ConsentRoot,
  AppHeader: ConsentAppHeader,
  Account: ConsentAccount,
  ProfileScopes: ConsentProfileScopes,
  Claims: ConsentClaims,
  ResourceGroup: ConsentResourceGroup,
  ResourceGroups: ConsentResourceGroups,
  Organizations: ConsentOrganizations,
  Withheld: ConsentWithheld,
  NothingNew: ConsentNothingNew,
  Remember: ConsentRemember,
  Notice: ConsentNotice,
  Error: ConsentError,
  Actions: ConsentActions,
} as const;
