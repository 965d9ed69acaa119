/**
 * What the demo apps ask the identity provider for. Shared by the server-side web app and the
 * browser SPA (no Node imports here), so both send the same authorization request.
 */

/** The API the demo apps call, and the organization resource whose scopes are org permissions. */
export const API_RESOURCE = 'https://api.demo.test';
export const ORGANIZATION_RESOURCE = 'urn:demo:organizations';

/** The demo's default request: profile data, both API scopes and organization permissions. */
export const DEFAULT_SCOPE =
  'openid profile email organizations read:reports write:reports read:members invite:members';
export const DEFAULT_RESOURCES = [API_RESOURCE, ORGANIZATION_RESOURCE];

/** Options a tester may override through the app's query string (`/login?scope=…&ui_locales=ko`). */
export interface DemoRequestOptions {
  scope: string;
  resources: string[];
  uiLocales?: string;
  loginHint?: string;
  prompt?: string;
  /** Logto's `organization_id`: the organization whose branding the IdP's screens show. */
  organizationId?: string;
  /** The `claims` parameter (JSON), asking for single claims (`?claims={"id_token":{"email":null}}`). */
  claims?: string;
}

/** Reads request options from a query string, falling back to the defaults. */
export function requestOptionsFrom(query: URLSearchParams): DemoRequestOptions {
  // `resource=` (present but empty) asks for no API at all.
  const resources = query.has('resource') ? query.getAll('resource').filter(Boolean) : DEFAULT_RESOURCES;
  const options: DemoRequestOptions = { scope: query.get('scope') ?? DEFAULT_SCOPE, resources };
  const uiLocales = query.get('ui_locales');
  if (uiLocales) options.uiLocales = uiLocales;
  const loginHint = query.get('login_hint');
  if (loginHint) options.loginHint = loginHint;
  const prompt = query.get('prompt');
  if (prompt) options.prompt = prompt;
  const organizationId = query.get('organization_id');
  if (organizationId) options.organizationId = organizationId;
  const claims = query.get('claims');
  if (claims) options.claims = claims;
  return options;
}

/** The authorization request parameters (besides PKCE and state) for `options`. */
export function authorizationParameters(options: DemoRequestOptions, redirectUri: string): URLSearchParams {
  const params = new URLSearchParams({ redirect_uri: redirectUri, scope: options.scope });
  for (const resource of options.resources) params.append('resource', resource);
  if (options.uiLocales) params.set('ui_locales', options.uiLocales);
  if (options.loginHint) params.set('login_hint', options.loginHint);
  if (options.prompt) params.set('prompt', options.prompt);
  if (options.organizationId) params.set('organization_id', options.organizationId);
  if (options.claims) params.set('claims', options.claims);
  return params;
}

/** The token request asks for the API's access token when the API was requested. */
export function tokenParameters(options: DemoRequestOptions): Record<string, string> {
  return options.resources.includes(API_RESOURCE) ? { resource: API_RESOURCE } : {};
}
