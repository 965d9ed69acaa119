/**
 * The Logto adapter against exchanges recorded from a running Logto (see
 * `scripts/logto/record.ts`): each test drives the adapter through the same steps the recorder
 * did, the replay checks every request against the recorded one, and the steps are checked
 * against what Logto really answered.
 */
import {
  consentInfoResponseGuard,
  CreateExperienceApiPayloadGuard,
  identificationApiPayloadGuard,
  passwordVerificationPayloadGuard,
} from '@logto/schemas';
import { describe, expect, it } from 'vitest';
import { logtoAdapter } from '../../../../src/client/adapters/logto.js';
import { createInteractionClient } from '../../../../src/client/interaction-client.js';
import type { ConsentDecision, ConsentStep } from '../../../../src/protocol/interaction.js';
import {
  apiExchanges,
  loadRecording,
  RECORDED_SCENARIOS,
  type LogtoRecording,
} from '../../../fixtures/logto/recording.js';
import { rejection } from '../../../support/rejection.js';
import { replayLogto } from './replay-logto.js';

const endpoint = 'https://auth.example';
const application = { id: 'app-reports-hub', name: 'Reports Hub' };
const password = '<password>';

function clients(recording: LogtoRecording) {
  const replay = replayLogto(recording, endpoint);
  const options = { fetch: replay.fetch };
  const signIn = createInteractionClient(logtoAdapter({ step: 'sign-in', endpoint, application }), options);
  const consent = createInteractionClient(logtoAdapter({ step: 'consent', endpoint }), options);
  /** Signs in as the recording did, then loads the consent step. */
  const signInToConsent = async (identifier: string) => {
    await signIn.signIn({ identifier, password });
    return (await consent.load()) as ConsentStep;
  };
  return { replay, signIn, consent, signInToConsent };
}

/** The navigation the browser makes after an API exchange, as a URL on the recorded origin. */
function navigationAfter(recording: LogtoRecording, index: number): string | undefined {
  const api = apiExchanges(recording)[index];
  const at = recording.exchanges.indexOf(api!);
  const next = recording.exchanges[at + 1];
  return next?.kind === 'navigation' ? new URL(next.request.path, endpoint).href : undefined;
}

const decision = (step: ConsentStep, organizationIds: string[]): ConsentDecision => ({
  profileScopes: step.consent.profileScopes.map((scope) => scope.name),
  resources: Object.fromEntries(step.consent.resources.map((r) => [r.indicator, r.scopes.map((s) => s.name)])),
  organizationIds,
  remember: false,
});

describe.each(RECORDED_SCENARIOS)('given the recorded Logto scenario %s', (name) => {
  const recording = loadRecording(name);

  it('should come from a named Logto release and hold API exchanges', () => {
    expect(recording.logto).toMatch(/^\d+\.\d+\.\d+$/);
    expect(apiExchanges(recording).length).toBeGreaterThan(0);
  });

  it("should pass Logto's own guards for every request and consent answer", () => {
    for (const { request, response } of apiExchanges(recording)) {
      const guard =
        request.path === '/api/experience' && request.method === 'PUT'
          ? CreateExperienceApiPayloadGuard
          : request.path === '/api/experience/verification/password'
            ? passwordVerificationPayloadGuard
            : request.path === '/api/experience/identification'
              ? identificationApiPayloadGuard
              : undefined;
      if (guard) expect(guard.safeParse(request.body).success, `${request.method} ${request.path}`).toBe(true);
      if (request.method === 'GET' && request.path === '/api/interaction/consent' && response.status === 200) {
        expect(consentInfoResponseGuard.safeParse(response.body).success).toBe(true);
      }
    }
  });
});

describe('given a recorded sign-in and consent (Alice grants, choosing Acme)', () => {
  const recording = loadRecording('consent-granted');

  it('should sign in through the experience API exactly as Logto recorded it', async () => {
    const { replay, signIn } = clients(recording);
    const redirect = await signIn.signIn({ identifier: 'alice@demo.test', password });
    expect(replay.mismatches).toEqual([]);
    expect(redirect.to).toBe(navigationAfter(recording, 3));
  });

  it('should show the profile scopes by the kit names, without the URNs', async () => {
    const { replay, signInToConsent } = clients(recording);
    const step = await signInToConsent('alice@demo.test');
    expect(replay.mismatches).toEqual([]);
    expect(step.consent.profileScopes).toEqual([
      { name: 'profile', required: true },
      { name: 'email', required: true },
      { name: 'organizations', required: true },
      { name: 'organization_roles', required: true },
    ]);
  });

  it("should list only the real API, not Logto's organization pseudo-resource", async () => {
    const step = await clients(recording).signInToConsent('alice@demo.test');
    expect(step.consent.resources).toEqual([
      {
        indicator: 'https://api.reports.example',
        name: 'Reports API',
        scopes: [
          { name: 'read:reports', description: 'Read your reports', required: true },
          { name: 'write:reports', description: 'Create and edit your reports', required: true },
        ],
      },
    ]);
  });

  it("should offer Alice's organizations with the permissions Logto lists there", async () => {
    const step = await clients(recording).signInToConsent('alice@demo.test');
    expect(step.consent.organizations?.selection).toBe('single');
    expect(step.consent.organizations?.required).toBe(true);
    const options = step.consent.organizations?.options ?? [];
    expect(options.map((o) => o.name).sort()).toEqual(['Acme', 'Globex']);
    for (const option of options) {
      expect(option.permissions.map((p) => p.name)).toEqual(['read:org-reports', 'manage:org-reports', 'read:reports']);
    }
    expect(step.client).toMatchObject({
      id: 'app-reports-hub',
      name: 'Reports Hub',
      party: 'third',
      redirectUri: 'https://reports.example/callback',
      logo: { light: 'https://reports.example/logo.svg', dark: 'https://reports.example/logo-dark.svg' },
    });
    expect(step.user).toEqual({
      id: 'user-alice',
      displayName: 'Alice Kim',
      username: 'alice',
      email: 'alice@demo.test',
    });
  });

  it('should send the chosen organization and return the redirect Logto answered', async () => {
    const { replay, consent, signInToConsent } = clients(recording);
    const step = await signInToConsent('alice@demo.test');
    const redirect = await consent.consent(decision(step, ['org-acme']));
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);
    expect(redirect.to).toBe(navigationAfter(recording, 5));
  });
});

describe('given a recorded request without organizations (Bob grants)', () => {
  const recording = loadRecording('consent-without-organizations');

  it('should show no organization choice for the empty list Logto sends, and consent without one', async () => {
    const { replay, consent, signInToConsent } = clients(recording);
    const step = await signInToConsent('bob@demo.test');
    expect(step.consent.organizations).toBeUndefined();
    expect(step.consent.profileScopes.map((s) => s.name)).toEqual(['profile', 'email']);
    const redirect = await consent.consent(decision(step, []));
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);
    expect(redirect.to).toBe(navigationAfter(recording, 5));
  });
});

describe('given a recorded refusal (Bob cancels)', () => {
  const recording = loadRecording('consent-denied');

  it("should send the browser to the app's redirect URI, as Logto's own consent page does", async () => {
    const { replay, consent, signInToConsent } = clients(recording);
    await signInToConsent('bob');
    await expect(consent.deny()).resolves.toEqual({ to: 'https://reports.example/callback' });
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);
  });
});

describe('given the errors a running Logto answered', () => {
  const recording = loadRecording('errors');

  it("should map each refusal onto the kit codes, keeping Logto's code, text and body", async () => {
    const { replay, signIn, consent, signInToConsent } = clients(recording);
    const noInteraction = await rejection(consent.load());
    const wrongPassword = await rejection(signIn.signIn({ identifier: 'bob@demo.test', password: 'not-his-password' }));
    const unknownUser = await rejection(signIn.signIn({ identifier: 'nobody@demo.test', password: 'whatever-1' }));
    await signInToConsent('bob@demo.test');
    const foreign = await rejection(
      consent.consent({ profileScopes: [], resources: {}, organizationIds: ['org-globex'], remember: false }),
    );
    expect(replay.mismatches).toEqual([]);
    expect(replay.remaining()).toEqual([]);

    expect(noInteraction).toMatchObject({ code: 'interaction_expired', status: 400, error: 'session.not_found' });
    expect(wrongPassword).toMatchObject({
      code: 'invalid_credentials',
      status: 422,
      error: 'session.invalid_credentials',
    });
    expect(unknownUser).toMatchObject({
      code: 'invalid_credentials',
      status: 422,
      error: 'session.invalid_credentials',
    });
    expect(foreign).toMatchObject({
      code: 'invalid_organization',
      status: 422,
      error: 'organization.require_membership',
    });
    for (const error of [noInteraction, wrongPassword, unknownUser, foreign]) {
      expect(error.errorDescription).toEqual(expect.any(String));
      expect(error.cause).toMatchObject({ code: error.error, message: error.errorDescription });
    }
  });
});
