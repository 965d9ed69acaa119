/**
 * A local stand-in for Logto's interaction APIs, answering `fetch` in-process. It enforces the
 * request shapes with Logto's own published guards (`@logto/schemas`) and the order the
 * experience API demands (start, verify, identify, submit), and answers with the payloads of
 * `test/fixtures/logto`. Like Logto (1.37.1, as recorded), it serves no endpoint to refuse a
 * consent request: anything else is 404.
 */
import {
  CreateExperienceApiPayloadGuard,
  identificationApiPayloadGuard,
  InteractionEvent,
  passwordVerificationPayloadGuard,
} from '@logto/schemas';
import { z } from 'zod';
import { logtoConsentInfo, logtoRedirect } from '../../../fixtures/logto/payloads.js';

const consentPayloadGuard = z.object({ organizationIds: z.string().array().optional() }).strict();

export interface FakeLogtoOptions {
  users?: Array<{ type: 'email' | 'username' | 'phone'; value: string; password: string; id: string }>;
  consentInfo?: unknown;
}

export function fakeLogto(options: FakeLogtoOptions = {}) {
  const users = options.users ?? [
    { type: 'email', value: 'alice@demo.test', password: 'alice-password', id: 'u7alice0001' },
    { type: 'username', value: 'alice', password: 'alice-password', id: 'u7alice0001' },
  ];
  const state = {
    interaction: undefined as undefined | { event: string; verifications: Map<string, string>; identified?: string },
    consented: undefined as undefined | { organizationIds?: string[] },
    requests: [] as Array<{ method: string; path: string; body: unknown }>,
  };
  let counter = 0;

  const json = (status: number, body?: unknown) =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
    });
  const invalid = (error: unknown) => json(400, { code: 'guard.invalid_input', message: String(error) });

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'https://auth.example');
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    state.requests.push({ method, path: url.pathname, body });
    const type = new Headers(init.headers).get('content-type');
    if (body !== undefined && type !== 'application/json')
      return json(415, { code: 'request.invalid_content_type', message: '' });

    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'GET /api/interaction/consent':
        return json(200, options.consentInfo ?? logtoConsentInfo);
      case 'POST /api/interaction/consent': {
        const parsed = consentPayloadGuard.safeParse(body ?? {});
        if (!parsed.success) return invalid(parsed.error);
        const known = new Set(
          ((options.consentInfo ?? logtoConsentInfo) as typeof logtoConsentInfo).organizations?.map((o) => o.id),
        );
        if (parsed.data.organizationIds?.some((id) => !known.has(id))) {
          return json(422, { code: 'organization.require_membership', message: 'not a member' });
        }
        state.consented = parsed.data;
        return json(200, logtoRedirect);
      }
      case 'PUT /api/experience': {
        const parsed = CreateExperienceApiPayloadGuard.safeParse(body);
        if (!parsed.success) return invalid(parsed.error);
        state.interaction = { event: parsed.data.interactionEvent, verifications: new Map() };
        return json(204);
      }
      case 'POST /api/experience/verification/password': {
        if (!state.interaction) return json(400, { code: 'session.not_found', message: 'Session not found.' });
        const parsed = passwordVerificationPayloadGuard.safeParse(body);
        if (!parsed.success) return invalid(parsed.error);
        const { identifier, password } = parsed.data;
        const user = users.find((u) => u.type === identifier.type && u.value === identifier.value);
        if (!user || user.password !== password) {
          return json(422, { code: 'session.invalid_credentials', message: 'Wrong account or password.' });
        }
        const verificationId = `ver_${++counter}`;
        state.interaction.verifications.set(verificationId, user.id);
        return json(200, { verificationId });
      }
      case 'POST /api/experience/identification': {
        if (!state.interaction) return json(400, { code: 'session.not_found', message: 'Session not found.' });
        const parsed = identificationApiPayloadGuard.safeParse(body);
        if (!parsed.success) return invalid(parsed.error);
        const userId = parsed.data.verificationId && state.interaction.verifications.get(parsed.data.verificationId);
        if (!userId) return json(404, { code: 'session.verification_session_not_found', message: 'not found' });
        state.interaction.identified = userId;
        return json(204);
      }
      case 'POST /api/experience/submit':
        if (state.interaction?.event !== InteractionEvent.SignIn || !state.interaction.identified) {
          return json(400, { code: 'session.identifier_not_found', message: 'not identified' });
        }
        return json(200, logtoRedirect);
      default:
        return json(404, { code: 'request.not_found', message: route });
    }
  };
  return { fetch: fetch as typeof globalThis.fetch, state };
}
