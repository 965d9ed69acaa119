/**
 * The demo SPA: a public client that runs the whole authorization-code + PKCE flow in the
 * browser with `openid-client`, keeping its verifier in sessionStorage across the redirect.
 */
import * as oidc from 'openid-client';
import { decodeJwtPayload, escapeHtml, renderResult, type DemoResult } from '../render.js';
import { authorizationParameters, requestOptionsFrom, tokenParameters, type DemoRequestOptions } from '../request.js';

interface Pending {
  state: string;
  nonce: string;
  codeVerifier: string;
  options: DemoRequestOptions;
}

const STORAGE_KEY = 'demo-spa:pending';
const main = document.getElementById('app') as HTMLElement;
const redirectUri = new URL('/spa/callback', location.origin).href;

async function configuration(): Promise<oidc.Configuration> {
  const { issuer, clientId } = (await (await fetch('/spa/config.json')).json()) as { issuer: string; clientId: string };
  return oidc.discovery(new URL(issuer), clientId, undefined, oidc.None(), { execute: [oidc.allowInsecureRequests] });
}

async function signIn(): Promise<void> {
  const config = await configuration();
  const pending: Pending = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    options: requestOptionsFrom(new URLSearchParams(location.search)),
  };
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pending));
  const params = authorizationParameters(pending.options, redirectUri);
  params.set('state', pending.state);
  params.set('nonce', pending.nonce);
  params.set('code_challenge', await oidc.calculatePKCECodeChallenge(pending.codeVerifier));
  params.set('code_challenge_method', 'S256');
  location.assign(oidc.buildAuthorizationUrl(config, params).href);
}

async function callback(): Promise<DemoResult> {
  const url = new URL(location.href);
  const stored = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  const client = 'the SPA (public client, PKCE)';
  if (url.searchParams.has('error')) {
    return { ok: false, client, error: url.searchParams.get('error') ?? '' };
  }
  if (!stored) return { ok: false, client, error: 'unknown_state' };
  const pending = JSON.parse(stored) as Pending;
  const tokens = await oidc.authorizationCodeGrant(
    await configuration(),
    url,
    { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce },
    tokenParameters(pending.options),
  );
  const accessToken = decodeJwtPayload(tokens.access_token);
  return {
    ok: true,
    client,
    idTokenClaims: { ...tokens.claims() },
    scope: tokens.scope,
    accessToken: accessToken ? { aud: accessToken.aud, scope: accessToken.scope } : undefined,
  };
}

async function run(): Promise<void> {
  if (location.pathname === '/spa/callback') {
    const result = await callback();
    main.innerHTML = `${renderResult(result)}<p><a href="/spa/">Back</a></p>`;
    return;
  }
  main.innerHTML = `<h1>Reports Hub SPA</h1>
<p>This app runs in your browser and has no secret: it proves itself with PKCE.</p>
<p><button type="button" id="sign-in">Sign in with Demo IdP</button></p>`;
  document.getElementById('sign-in')?.addEventListener('click', () => {
    signIn().catch(showError);
  });
}

function showError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  main.innerHTML = `<h1>Something went wrong</h1><pre data-testid="app-error">${escapeHtml(message)}</pre>`;
}

run().catch(showError);
