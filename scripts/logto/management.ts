/**
 * Seeds a running Logto tenant for the recorder through its Management API
 * (https://docs.logto.io/integrate-logto/interact-with-management-api): a machine-to-machine
 * app's client credentials buy a token for the tenant's Management API resource, and the
 * calls below create what the scenario needs. Every name carries a run tag, so a re-run on the
 * same database creates fresh objects instead of colliding with the previous run's.
 */

export interface ManagementOptions {
  /** Logto's origin, `http://127.0.0.1:3001`. */
  endpoint: string;
  /** A machine-to-machine app with the "Logto Management API access" role. */
  clientId: string;
  clientSecret: string;
  /** The Management API resource; `https://default.logto.app/api` for an OSS tenant. */
  resource: string;
}

export interface Management {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function connectManagement(options: ManagementOptions): Promise<Management> {
  const tokenResponse = await fetch(new URL('/oidc/token', options.endpoint), {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: options.resource, scope: 'all' }),
  });
  const token = (await tokenResponse.json()) as { access_token?: string };
  if (!tokenResponse.ok || !token.access_token) {
    throw new Error(`no Management API token (HTTP ${tokenResponse.status}): ${JSON.stringify(token)}`);
  }
  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(new URL(`/api${path}`, options.endpoint), {
        method,
        headers: {
          authorization: `Bearer ${token.access_token}`,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} /api${path}: HTTP ${response.status} ${text}`);
      // Some calls answer 201 with the text "Created" instead of JSON.
      const json = response.headers.get('content-type')?.includes('json');
      return (json && text ? JSON.parse(text) : undefined) as T;
    },
  };
}

interface Created {
  id: string;
  name: string;
}

/** What the recorder seeded; ids are Logto's. */
export interface Seeded {
  app: { id: string; secret: string; name: string; redirectUri: string };
  api: { id: string; indicator: string; scopes: Record<'read' | 'write', Created> };
  organizationScopes: Record<'read' | 'manage', Created>;
  organizationRoles: Record<'admin' | 'viewer', Created>;
  organizations: Record<'acme' | 'globex', Created>;
  users: Record<'alice' | 'bob', { id: string; username: string; email: string; name: string; password: string }>;
}

/**
 * Creates the scenario: a third-party traditional web app "Reports Hub" asking for profile,
 * email, organization and API access; an API "Reports API" with `read:reports` /
 * `write:reports`; an organization template (`read:org-reports`, `manage:org-reports`; roles
 * admin and viewer); organizations Acme and Globex; Alice (global reader + writer, Acme admin,
 * Globex viewer) and Bob (global reader, Acme viewer). Enables sign-in with username or email
 * and a password.
 */
export async function seed(api: Management, tag: string, relyingParty: string): Promise<Seeded> {
  // Identifier + password sign-in for both identifiers (no verification code: no mail here).
  await api.call('PATCH', '/sign-in-exp', {
    signIn: {
      methods: [
        { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true },
        { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true },
      ],
    },
  });

  const indicator = `https://api.reports.example/${tag}`;
  const resource = await api.call<Created>('POST', '/resources', { name: 'Reports API', indicator });
  const scope = (name: string, description: string) =>
    api.call<Created>('POST', `/resources/${resource.id}/scopes`, { name, description });
  const read = await scope('read:reports', 'Read your reports');
  const write = await scope('write:reports', 'Create and edit your reports');

  const role = (name: string, scopeIds: string[]) =>
    api.call<Created>('POST', '/roles', { name: `${name}-${tag}`, description: name, type: 'User', scopeIds });
  const readerRole = await role('report-reader', [read.id]);
  const writerRole = await role('report-writer', [read.id, write.id]);

  const orgScope = (name: string, description: string) =>
    api.call<Created>('POST', '/organization-scopes', { name: `${name}-${tag}`, description });
  const orgRead = await orgScope('read:org-reports', "Read the organization's reports");
  const orgManage = await orgScope('manage:org-reports', "Manage the organization's reports");
  const orgRole = (name: string, organizationScopeIds: string[]) =>
    api.call<Created>('POST', '/organization-roles', {
      name: `${name}-${tag}`,
      description: name,
      organizationScopeIds,
      resourceScopeIds: [read.id],
    });
  const admin = await orgRole('admin', [orgRead.id, orgManage.id]);
  const viewer = await orgRole('viewer', [orgRead.id]);
  const acme = await api.call<Created>('POST', '/organizations', { name: 'Acme', description: 'Acme Corp.' });
  const globex = await api.call<Created>('POST', '/organizations', { name: 'Globex' });

  const user = async (key: 'alice' | 'bob', name: string) => {
    const username = `${key}_${tag}`;
    const email = `${key}.${tag}@demo.test`;
    const password = `${key[0]!.toUpperCase()}${key.slice(1)}-pass-${tag}!`;
    const created = await api.call<Created>('POST', '/users', { username, primaryEmail: email, name, password });
    return { id: created.id, username, email, name, password };
  };
  const alice = await user('alice', 'Alice Kim');
  const bob = await user('bob', 'Bob Lee');
  await api.call('POST', `/users/${alice.id}/roles`, { roleIds: [readerRole.id, writerRole.id] });
  await api.call('POST', `/users/${bob.id}/roles`, { roleIds: [readerRole.id] });
  await api.call('POST', `/organizations/${acme.id}/users`, { userIds: [alice.id, bob.id] });
  await api.call('POST', `/organizations/${globex.id}/users`, { userIds: [alice.id] });
  const member = (org: Created, userId: string, roleId: string) =>
    api.call('POST', `/organizations/${org.id}/users/${userId}/roles`, { organizationRoleIds: [roleId] });
  await member(acme, alice.id, admin.id);
  await member(globex, alice.id, viewer.id);
  await member(acme, bob.id, viewer.id);

  const redirectUri = new URL('/callback', relyingParty).href;
  const app = await api.call<Created & { secret: string }>('POST', '/applications', {
    name: 'Reports Hub',
    description: 'A third-party reporting app',
    type: 'Traditional',
    isThirdParty: true,
    oidcClientMetadata: { redirectUris: [redirectUri], postLogoutRedirectUris: [] },
  });
  await api.call('POST', `/applications/${app.id}/user-consent-scopes`, {
    userScopes: ['profile', 'email', 'urn:logto:scope:organizations', 'urn:logto:scope:organization_roles'],
    resourceScopes: [read.id, write.id],
    organizationScopes: [orgRead.id, orgManage.id],
    organizationResourceScopes: [read.id],
  });
  // The app's branding and legal links, as an operator sets them for a third-party app.
  await api.call('PUT', `/applications/${app.id}/sign-in-experience`, {
    displayName: 'Reports Hub',
    branding: { logoUrl: `${relyingParty}/logo.svg`, darkLogoUrl: `${relyingParty}/logo-dark.svg` },
    privacyPolicyUrl: `${relyingParty}/privacy`,
    termsOfUseUrl: `${relyingParty}/terms`,
  });

  return {
    app: { id: app.id, secret: app.secret, name: app.name, redirectUri },
    api: { id: resource.id, indicator, scopes: { read, write } },
    organizationScopes: { read: orgRead, manage: orgManage },
    organizationRoles: { admin, viewer },
    organizations: { acme, globex },
    users: { alice, bob },
  };
}
