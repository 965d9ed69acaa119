/**
 * The demo identity provider's users, roles and organizations. Plain data plus the host
 * callbacks the consent-kit bridge asks for. Demo only: passwords are in clear text.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { UserInfo } from '../../src/protocol/interaction.js';
import type { OrganizationMembership, PermissionMap } from '../../src/server/index.js';

/** The API whose scopes are global permissions. */
export const API_RESOURCE = 'https://api.demo.test';
/** The resource whose scopes are organization permissions. */
export const ORGANIZATION_RESOURCE = 'urn:demo:organizations';

/** The demo's organizations. */
export const DEMO_ORGANIZATIONS = {
  acme: { id: 'org_acme', name: 'Acme Corporation' },
  globex: { id: 'org_globex', name: 'Globex' },
} as const;

/** A demo user, with everything the demo IdP needs to know about them. */
export interface DemoUser {
  accountId: string;
  email: string;
  username: string;
  /** Absent: the user signs in another way (emailed code, social). */
  password?: string;
  /** Signs in by a code emailed to the demo mailbox. */
  signsInByCode?: boolean;
  /** The subject of the linked "Social Demo" account. */
  socialSubject?: string;
  displayName: string;
  /** The user's department: a claim no scope releases, only the `claims` parameter asks for it. */
  department: string;
  /** API scopes held through global roles, by resource indicator. */
  permissions: PermissionMap;
  /** Organization memberships with the organization permissions held in each. */
  organizations: OrganizationMembership[];
}

/** The demo users: print their credentials in the demo terminal. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    accountId: 'user_alice',
    email: 'alice@demo.test',
    username: 'alice',
    password: 'alice-password',
    displayName: 'Alice Anderson',
    department: 'Finance',
    permissions: { [API_RESOURCE]: ['read:reports', 'write:reports'] },
    organizations: [
      { ...DEMO_ORGANIZATIONS.acme, role: 'admin', permissions: ['read:members', 'invite:members'] },
      { ...DEMO_ORGANIZATIONS.globex, role: 'viewer', permissions: ['read:members'] },
    ],
  },
  {
    accountId: 'user_bob',
    email: 'bob@demo.test',
    username: 'bob',
    password: 'bob-password',
    displayName: 'Bob Brown',
    department: 'Sales',
    permissions: { [API_RESOURCE]: ['read:reports'] },
    organizations: [{ ...DEMO_ORGANIZATIONS.acme, role: 'viewer', permissions: ['read:members'] }],
  },
  {
    accountId: 'user_carol',
    email: 'carol@demo.test',
    username: 'carol',
    signsInByCode: true,
    displayName: 'Carol Chen',
    department: 'Research',
    permissions: { [API_RESOURCE]: ['read:reports'] },
    organizations: [{ ...DEMO_ORGANIZATIONS.globex, role: 'viewer', permissions: ['read:members'] }],
  },
  {
    accountId: 'user_dana',
    email: 'dana@social.test',
    username: 'dana',
    socialSubject: 'dana-social-7f3a',
    displayName: 'Dana Social',
    department: 'Marketing',
    permissions: { [API_RESOURCE]: ['read:reports'] },
    organizations: [{ ...DEMO_ORGANIZATIONS.globex, role: 'viewer', permissions: ['read:members'] }],
  },
];

/** The user with this account id. */
export function findDemoUser(accountId: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.accountId === accountId);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Checks an email-or-username and password; `null` when they do not match a user. */
export async function authenticateDemoUser(
  identifier: string,
  password: string,
): Promise<{ accountId: string } | null> {
  const wanted = identifier.trim().toLowerCase();
  const user = DEMO_USERS.find((candidate) => candidate.email === wanted || candidate.username === wanted);
  // Compare digests in constant time, and compare even when no user matched.
  const matches = timingSafeEqual(digest(password), digest(user?.password ?? '\0no-password'));
  return user?.password && matches ? { accountId: user.accountId } : null;
}

/** The account an email or username names, if any (no secret checked). */
export function resolveDemoAccount(identifier: string): string | undefined {
  const wanted = identifier.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.email === wanted || user.username === wanted)?.accountId;
}

/** The consent screen's account block for a user. */
export async function demoUserInfo(accountId: string): Promise<UserInfo> {
  const user = findDemoUser(accountId);
  if (!user) throw new Error(`unknown account ${accountId}`);
  return { id: user.accountId, displayName: user.displayName, email: user.email, username: user.username };
}

/** API scopes a user holds. */
export async function demoPermissions(accountId: string): Promise<PermissionMap> {
  return structuredClone(findDemoUser(accountId)?.permissions ?? {});
}

/** Organization memberships of a user. */
export async function demoOrganizations(accountId: string): Promise<OrganizationMembership[]> {
  return structuredClone(findDemoUser(accountId)?.organizations ?? []);
}

/** The user with this email or username, if they sign in by emailed code. */
export function findCodeUser(identifier: string): DemoUser | undefined {
  const wanted = identifier.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.signsInByCode && (user.email === wanted || user.username === wanted));
}

/** The local account linked to a "Social Demo" subject. */
export function accountForSocialSubject(sub: string): string | undefined {
  return DEMO_USERS.find((user) => user.socialSubject === sub)?.accountId;
}
