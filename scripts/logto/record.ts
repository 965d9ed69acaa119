/**
 * Records what a running Logto really sends to the kit's `logtoAdapter`, as fixtures for the
 * adapter's tests (`test/fixtures/logto/recorded/*.json`).
 *
 * It needs a Logto that is already running (see Logto's own documentation for running it) and a
 * machine-to-machine app with the "Logto Management API access" role; it does not build or start
 * Logto. Through the Management API it seeds a third-party app, an API, an organization template
 * and two users (`management.ts`); then, acting as the user's browser (`browser.ts`) and as the
 * third-party app (an `openid-client` relying party), it drives real authorization-code requests
 * through sign-in and consent with the kit's own `logtoAdapter` and writes every exchange with
 * Logto's experience and consent APIs, redacted (`redact.ts`).
 *
 *   LOGTO_ENDPOINT=http://127.0.0.1:3001 LOGTO_RELEASE=1.37.1 \
 *   LOGTO_M2M_APP_ID=… LOGTO_M2M_APP_SECRET=… npm run record:logto
 *
 * Optional: LOGTO_MANAGEMENT_RESOURCE (default `https://default.logto.app/api`, an OSS tenant's),
 * LOGTO_RECORD_DIR (default `test/fixtures/logto/recorded`). Use a disposable tenant: the run
 * changes its sign-in experience (username or email + password) and adds users.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as oidc from 'openid-client';
import { LOGTO_ORGANIZATION_RESOURCE, logtoAdapter } from '../../src/client/adapters/logto.js';
import { createInteractionClient } from '../../src/client/interaction-client.js';
import { InteractionError } from '../../src/protocol/errors.js';
import type { ConsentDecision, ConsentStep } from '../../src/protocol/interaction.js';
import type { LogtoRecording, RecordedExchange, RecordedScenario } from '../../test/fixtures/logto/recording.js';
import { createBrowser, type Browser } from './browser.js';
import { connectManagement, seed } from './management.js';
import { leaks, redact, type Replacement } from './redact.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name} (see the comment at the top of scripts/logto/record.ts)`);
  return value;
}

const endpoint = new URL(required('LOGTO_ENDPOINT')).origin;
const release = required('LOGTO_RELEASE');
const outDir = resolve(process.env.LOGTO_RECORD_DIR ?? 'test/fixtures/logto/recorded');
// Never loaded: the relying party reads the callback URL the browser stops at.
const relyingParty = 'http://localhost:3999';
const tag = randomBytes(3).toString('hex');

const management = await connectManagement({
  endpoint,
  clientId: required('LOGTO_M2M_APP_ID'),
  clientSecret: required('LOGTO_M2M_APP_SECRET'),
  resource: process.env.LOGTO_MANAGEMENT_RESOURCE ?? 'https://default.logto.app/api',
});
console.log(`Seeding ${endpoint} (run tag ${tag})…`);
const seeded = await seed(management, tag, relyingParty);

const config = await oidc.discovery(new URL('/oidc', endpoint), seeded.app.id, seeded.app.secret, undefined, {
  execute: [oidc.allowInsecureRequests],
});
const fullScope = [
  'openid',
  'offline_access',
  'profile',
  'email',
  'urn:logto:scope:organizations',
  'urn:logto:scope:organization_roles',
  seeded.api.scopes.read.name,
  seeded.api.scopes.write.name,
  seeded.organizationScopes.read.name,
  seeded.organizationScopes.manage.name,
].join(' ');
const fullResources = [seeded.api.indicator, LOGTO_ORGANIZATION_RESOURCE];
/** The same app asking for less: no organizations. */
const plainScope = ['openid', 'profile', 'email', seeded.api.scopes.read.name].join(' ');
const plainResources = [seeded.api.indicator];

/** Starts an authorization request as the third-party app and lands the browser on Logto's first page. */
async function authorize(browser: Browser, scope = fullScope, resources = fullResources) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: seeded.app.redirectUri,
    scope,
    state,
    prompt: 'consent',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  for (const resource of resources) url.searchParams.append('resource', resource);
  const page = await browser.navigate(url.href);
  return { page, verifier, state };
}

const signInClient = (browser: Browser) =>
  createInteractionClient(
    logtoAdapter({ step: 'sign-in', endpoint, application: { id: seeded.app.id, name: seeded.app.name } }),
    { fetch: browser.fetch },
  );
const consentClient = (browser: Browser) =>
  createInteractionClient(logtoAdapter({ step: 'consent', endpoint }), { fetch: browser.fetch });

/** Runs `step`, returning its error (an expected Logto refusal) instead of throwing. */
async function refusal(step: Promise<unknown>): Promise<InteractionError> {
  try {
    await step;
  } catch (error) {
    if (error instanceof InteractionError) return error;
    throw error;
  }
  throw new Error('expected Logto to refuse this step');
}

/** The decision granting every scope offered (Logto grants them all anyway), with these organizations. */
const everything = (step: ConsentStep, organizationIds: string[]): ConsentDecision => ({
  profileScopes: step.consent.profileScopes.map((item) => item.name),
  resources: Object.fromEntries(step.consent.resources.map((r) => [r.indicator, r.scopes.map((s) => s.name)])),
  organizationIds,
  remember: false,
});

const decode = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

function expectPage(url: URL, path: string) {
  if (url.origin !== endpoint || url.pathname !== path)
    throw new Error(`expected Logto's ${path} page, got ${url.href}`);
}

/** Authorizes as the app, signs in on Logto's sign-in page, and lands on its consent page. */
async function signInToConsent(
  browser: Browser,
  identifier: string,
  password: string,
  scope?: string,
  resources?: string[],
) {
  const { page, verifier, state } = await authorize(browser, scope, resources);
  expectPage(page, '/sign-in');
  const afterSignIn = await signInClient(browser).signIn({ identifier, password });
  expectPage(await browser.navigate(afterSignIn.to), '/consent');
  return { verifier, state, client: consentClient(browser) };
}

const recordings: Partial<Record<RecordedScenario, LogtoRecording>> = {};
const recording = (
  scenario: string,
  exchanges: RecordedExchange[],
  outcome?: unknown,
  authorization = { scope: fullScope, resource: fullResources },
): LogtoRecording => ({
  logto: release,
  scenario,
  authorization,
  exchanges,
  ...(outcome !== undefined && { outcome }),
});

/* Alice signs in with her email and grants access, choosing Acme. */
{
  const browser = createBrowser(endpoint);
  const { alice } = seeded.users;
  const { verifier, state, client } = await signInToConsent(browser, alice.email, alice.password);
  const step = (await client.load()) as ConsentStep;
  const afterConsent = await client.consent(everything(step, [seeded.organizations.acme.id]));
  const callback = await browser.navigate(afterConsent.to);
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: verifier,
    expectedState: state,
  });
  const api = await oidc.refreshTokenGrant(config, tokens.refresh_token!, { resource: seeded.api.indicator });
  const organization = await oidc.refreshTokenGrant(config, tokens.refresh_token!, {
    organization_id: seeded.organizations.acme.id,
  });
  const claims = (token: string, keys: string[]) =>
    Object.fromEntries(Object.entries(decode(token)).filter(([key]) => keys.includes(key)));
  recordings['consent-granted'] = recording(
    'Alice signs in with her email and password, and grants the third-party app access, choosing Acme.',
    browser.take(),
    {
      grantedScope: tokens.scope,
      idToken: claims(tokens.id_token!, ['sub', 'name', 'username', 'email', 'organizations', 'organization_roles']),
      apiAccessToken: claims(api.access_token, ['aud', 'scope']),
      organizationAccessToken: claims(organization.access_token, ['aud', 'scope']),
    },
  );
}

/* Bob signs in with his username and refuses. */
{
  const browser = createBrowser(endpoint);
  const { bob } = seeded.users;
  const { verifier, state, client } = await signInToConsent(browser, bob.username, bob.password);
  await client.load();
  const denied = await client.deny();
  const callback = await browser.navigate(denied.to);
  // What the third-party app makes of the callback it receives.
  let relyingParty: unknown;
  try {
    await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
    relyingParty = 'accepted the callback';
  } catch (error) {
    relyingParty = { error: (error as { code?: string }).code, message: (error as Error).message };
  }
  recordings['consent-denied'] = recording(
    'Bob signs in with his username and password, then refuses.',
    browser.take(),
    {
      callback: callback.href,
      relyingParty,
    },
  );
}

/* Bob grants a request that does not ask for organizations. */
{
  const browser = createBrowser(endpoint);
  const { bob } = seeded.users;
  const { verifier, state, client } = await signInToConsent(
    browser,
    bob.email,
    bob.password,
    plainScope,
    plainResources,
  );
  const step = (await client.load()) as ConsentStep;
  const afterConsent = await client.consent(everything(step, []));
  const callback = await browser.navigate(afterConsent.to);
  // The code is exchanged for an access token for the API (RFC 8707 `resource` on the token request).
  const tokens = await oidc.authorizationCodeGrant(
    config,
    callback,
    { pkceCodeVerifier: verifier, expectedState: state },
    { resource: seeded.api.indicator },
  );
  const accessToken = decode(tokens.access_token);
  recordings['consent-without-organizations'] = recording(
    'Bob signs in with his email and grants a request for profile, email and one API scope, without organizations.',
    browser.take(),
    { grantedScope: tokens.scope, apiAccessToken: { aud: accessToken.aud, scope: accessToken.scope } },
    { scope: plainScope, resource: plainResources },
  );
}

/* What Logto answers to mistakes: wrong password, unknown user, no interaction, a foreign organization. */
{
  const exchanges: RecordedExchange[] = [];
  const outcome: Record<string, unknown> = {};
  const note = (name: string, error: InteractionError) => {
    outcome[name] = { code: error.code, status: error.status, error: error.error };
  };

  const stranger = createBrowser(endpoint);
  note('consentWithoutInteraction', await refusal(consentClient(stranger).load()));
  exchanges.push(...stranger.take());

  const browser = createBrowser(endpoint);
  const { page } = await authorize(browser);
  expectPage(page, '/sign-in');
  const { bob } = seeded.users;
  note(
    'wrongPassword',
    await refusal(signInClient(browser).signIn({ identifier: bob.email, password: 'not-his-password' })),
  );
  note(
    'unknownUser',
    await refusal(signInClient(browser).signIn({ identifier: `nobody.${tag}@demo.test`, password: 'whatever-1' })),
  );
  const afterSignIn = await signInClient(browser).signIn({ identifier: bob.email, password: bob.password });
  expectPage(await browser.navigate(afterSignIn.to), '/consent');
  const client = consentClient(browser);
  await client.load();
  const foreign: ConsentDecision = {
    profileScopes: [],
    resources: {},
    organizationIds: [seeded.organizations.globex.id],
    remember: false,
  };
  note('foreignOrganization', await refusal(client.consent(foreign)));
  exchanges.push(...browser.take());
  recordings.errors = recording(
    'Mistakes: the consent page without an interaction; a wrong password; an unknown email; ' +
      'Bob choosing an organization he is not a member of.',
    exchanges,
    outcome,
  );
}

/* Redact and write. */
const { alice, bob } = seeded.users;
const replacements: Replacement[] = [
  [endpoint, 'https://auth.example'],
  [relyingParty, 'https://reports.example'],
  [seeded.app.secret, '<client-secret>'],
  [seeded.app.id, 'app-reports-hub'],
  [seeded.api.id, 'resource-reports-api'],
  [seeded.api.indicator, 'https://api.reports.example'],
  [seeded.api.scopes.read.id, 'scope-read-reports'],
  [seeded.api.scopes.write.id, 'scope-write-reports'],
  [seeded.organizationScopes.read.id, 'org-scope-read'],
  [seeded.organizationScopes.manage.id, 'org-scope-manage'],
  [seeded.organizationRoles.admin.id, 'org-role-admin'],
  [seeded.organizationRoles.viewer.id, 'org-role-viewer'],
  [seeded.organizations.acme.id, 'org-acme'],
  [seeded.organizations.globex.id, 'org-globex'],
  [alice.id, 'user-alice'],
  [bob.id, 'user-bob'],
  [alice.password, '<password>'],
  [bob.password, '<password>'],
  [alice.email, 'alice@demo.test'],
  [bob.email, 'bob@demo.test'],
  [`nobody.${tag}@demo.test`, 'nobody@demo.test'],
  [alice.username, 'alice'],
  [bob.username, 'bob'],
  [`-${tag}`, ''],
];
await mkdir(outDir, { recursive: true });
for (const [name, value] of Object.entries(recordings)) {
  const redacted = redact(value, replacements);
  // verificationIds are per-run too: number them in order of appearance.
  const verifications = new Map<string, string>();
  const text = JSON.stringify(redacted, null, 2).replace(/"verificationId": "([^"]+)"/g, (_, id: string) => {
    if (!verifications.has(id)) verifications.set(id, `verification-${verifications.size + 1}`);
    return `"verificationId": "${verifications.get(id)}"`;
  });
  const left = leaks(JSON.parse(text), [seeded.app.secret, alice.password, bob.password, tag]);
  if (left.length > 0) throw new Error(`${name}: redaction left ${left.join(', ')}`);
  await writeFile(resolve(outDir, `${name}.json`), `${text}\n`);
  console.log(`wrote ${name}.json (${(value as LogtoRecording).exchanges.length} exchanges)`);
}
