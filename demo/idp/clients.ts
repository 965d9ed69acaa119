/** The demo's client registrations (oidc-provider client metadata, snake_case). */

/** oidc-provider client metadata, as registered. */
export interface ClientMetadata {
  client_id: string;
  client_secret?: string;
  redirect_uris: string[];
  [property: string]: unknown;
}

/** The confidential web client's id and secret. */
export const DEMO_WEB_CLIENT = { id: 'demo-web', secret: 'demo-web-secret-change-me-0123456789' } as const;
/** The public SPA client's id (PKCE, no secret). */
export const DEMO_SPA_CLIENT = { id: 'demo-spa' } as const;

/** Options of {@link demoClients}. */
export interface DemoClientsOptions {
  /** Redirect URI of the confidential web app. */
  webRedirectUri: string;
  /** Redirect URI of the single-page app. */
  spaRedirectUri: string;
  /** Where the web app returns after logout; optional. */
  webPostLogoutRedirectUri?: string;
  /** Where the SPA returns after logout; optional. */
  spaPostLogoutRedirectUri?: string;
  /** A logo URL for both clients (http(s) only); none by default, so the UI shows a monogram. */
  logoUri?: string;
}

function siteOf(redirectUri: string) {
  const origin = new URL(redirectUri).origin;
  return { client_uri: `${origin}/`, policy_uri: `${origin}/privacy`, tos_uri: `${origin}/terms` };
}

/**
 * The two demo registrations: `demo-web`, a confidential web app authenticating with a client
 * secret, and `demo-spa`, a public single-page app using PKCE (`token_endpoint_auth_method: 'none'`).
 * Home, privacy and terms URLs are on the redirect URI's origin.
 */
export function demoClients(options: DemoClientsOptions): ClientMetadata[] {
  const logo = options.logoUri ? { logo_uri: options.logoUri } : {};
  return [
    {
      client_id: DEMO_WEB_CLIENT.id,
      client_secret: DEMO_WEB_CLIENT.secret,
      client_name: 'Reports Hub',
      redirect_uris: [options.webRedirectUri],
      ...(options.webPostLogoutRedirectUri ? { post_logout_redirect_uris: [options.webPostLogoutRedirectUri] } : {}),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      ...siteOf(options.webRedirectUri),
      ...logo,
    },
    {
      client_id: DEMO_SPA_CLIENT.id,
      client_name: 'Reports Hub SPA',
      redirect_uris: [options.spaRedirectUri],
      ...(options.spaPostLogoutRedirectUri ? { post_logout_redirect_uris: [options.spaPostLogoutRedirectUri] } : {}),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...siteOf(options.spaRedirectUri),
      ...logo,
    },
  ];
}
