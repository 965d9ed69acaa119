/**
 * The demo IdP's connector to "Social Demo": an openid-client relying party. `start` builds the
 * authorization URL (PKCE S256, nonce, the bridge's state) and hands the verifier and nonce to
 * the bridge to keep; `finish` gets them back (on whichever IdP instance the callback lands),
 * exchanges the code on the IdP's origin, checks the ID token and maps the upstream `sub` to a
 * local account.
 */
import * as oidc from 'openid-client';
import type { ConnectorHost } from '../../src/server/index.js';
import { SOCIAL_CLIENT } from './provider.js';

/** Options of {@link socialConnector}. */
export interface SocialConnectorOptions {
  /** The social provider's issuer; a function, because it starts after the IdP. */
  issuer: () => string | undefined;
  /** `<idp issuer>/interaction/callback`. */
  redirectUri: string;
  /** The local account linked to an upstream subject, if any. */
  accountFor(sub: string): string | undefined;
}

/** The connector id and display data of the demo's social connector. */
export const SOCIAL_CONNECTOR = { id: 'social-demo', kind: 'social', name: 'Social Demo' } as const;

/** Connectors of the demo IdP: one social connector. */
export function socialConnector(options: SocialConnectorOptions): ConnectorHost {
  let config: Promise<oidc.Configuration> | undefined;
  let configuredFor: string | undefined;

  function configuration(): Promise<oidc.Configuration> {
    const issuer = options.issuer();
    if (!issuer) throw new Error('the social provider is not running');
    if (!config || configuredFor !== issuer) {
      configuredFor = issuer;
      config = oidc.discovery(new URL(issuer), SOCIAL_CLIENT.id, SOCIAL_CLIENT.secret, undefined, {
        execute: [oidc.allowInsecureRequests],
      });
      config.catch(() => (config = undefined));
    }
    return config;
  }

  return {
    list: () => (options.issuer() ? [{ ...SOCIAL_CONNECTOR }] : []),

    async start(_connectorId, { state, identifier }) {
      const verifier = oidc.randomPKCECodeVerifier();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(await configuration(), {
        redirect_uri: options.redirectUri,
        scope: 'openid email profile',
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...(identifier ? { login_hint: identifier } : {}),
      });
      return { url: url.href, data: { verifier, nonce } };
    },

    async finish(_connectorId, { state, query, data }) {
      const entry = data as { verifier?: unknown; nonce?: unknown } | undefined;
      if (typeof entry?.verifier !== 'string' || typeof entry.nonce !== 'string' || query.has('error')) return null;
      const callback = new URL(options.redirectUri);
      callback.search = query.toString();
      const tokens = await oidc.authorizationCodeGrant(await configuration(), callback, {
        pkceCodeVerifier: entry.verifier,
        expectedState: state,
        expectedNonce: entry.nonce,
        idTokenExpected: true,
      });
      const sub = tokens.claims()?.sub;
      const accountId = sub ? options.accountFor(sub) : undefined;
      return accountId ? { accountId } : null;
    },
  };
}
