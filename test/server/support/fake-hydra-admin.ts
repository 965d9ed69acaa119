/**
 * A local fake of Ory Hydra's admin API (the login and consent request endpoints), on a free
 * 127.0.0.1 port. It answers like Hydra v2 and refuses any body that does not follow the
 * published `@ory/client-fetch` models: unknown fields, wrong types, a missing `subject`.
 *
 * A request already handled answers like Hydra's handlers and persister do: `GET` with
 * `410 { redirect_to: <the original authorization URL> }`, accept and reject with
 * `409 Conflict` ("The consent request was already used and can no longer be changed.").
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AcceptOAuth2ConsentRequestFromJSON,
  AcceptOAuth2ConsentRequestToJSON,
  AcceptOAuth2LoginRequestFromJSON,
  AcceptOAuth2LoginRequestToJSON,
  instanceOfAcceptOAuth2LoginRequest,
  RejectOAuth2RequestFromJSON,
  RejectOAuth2RequestToJSON,
  type OAuth2ConsentRequest,
  type OAuth2LoginRequest,
} from '@ory/client-fetch';

export interface AdminCall {
  method: string;
  path: string;
  challenge: string | null;
  body: unknown;
}

/** Keys the published model knows (its ToJSON lists every property). */
function unknownKeys(body: Record<string, unknown>, known: object): string[] {
  return Object.keys(body).filter((key) => !Object.hasOwn(known, key));
}

export async function startFakeHydraAdmin() {
  const logins = new Map<string, OAuth2LoginRequest>();
  const consents = new Map<string, OAuth2ConsentRequest>();
  const handled = new Set<string>();
  const calls: AdminCall[] = [];
  let failNext: number | undefined;
  /** How a PUT on a handled challenge is answered: Hydra's 409, or 410 like its GET. */
  let handledPut: 409 | 410 = 409;
  /** GETs still to answer as if the challenge were open (a race: read before the other tab's accept). */
  let staleGets = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://admin');
    let text = '';
    for await (const chunk of req) text += chunk;
    const body = text === '' ? undefined : JSON.parse(text);
    const kind = url.pathname.includes('/login') ? 'login' : 'consent';
    const challenge = url.searchParams.get(`${kind}_challenge`);
    calls.push({ method: req.method ?? '', path: url.pathname, challenge, body });
    const reply = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const error = (status: number, message: string) =>
      reply(status, { error: { code: status, status: http.STATUS_CODES[status], message } });

    if (failNext !== undefined) {
      const status = failNext;
      failNext = undefined;
      return error(status, 'injected failure');
    }
    const prefix = '/admin/oauth2/auth/requests/';
    if (!url.pathname.startsWith(prefix) || !challenge) return error(404, 'not found');
    const action = url.pathname.slice(prefix.length); // login, login/accept, consent/reject …
    const store = kind === 'login' ? logins : consents;
    const request = store.get(challenge);
    if (!request) return error(404, 'Unable to locate the requested resource');
    const stale = req.method === 'GET' && staleGets > 0 && handled.has(challenge);
    if (stale) staleGets -= 1;
    if (handled.has(challenge) && !stale) {
      if (req.method === 'GET' || handledPut === 410) return reply(410, { redirect_to: request.request_url });
      res.writeHead(409, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          error: 'Conflict',
          error_description:
            'Unable to process the requested resource because of conflict in the current state ' +
            `The ${kind} request was already used and can no longer be changed.`,
        }),
      );
    }

    if (req.method === 'GET' && (action === 'login' || action === 'consent')) return reply(200, request);
    if (req.method !== 'PUT') return error(405, 'method not allowed');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return error(400, 'body must be an object');

    const finish = (query: string) => {
      const to = `https://hydra.example/oauth2/auth?${query}`;
      handled.add(challenge);
      return reply(200, { redirect_to: to });
    };
    switch (action) {
      case 'login/accept': {
        const extra = unknownKeys(body, AcceptOAuth2LoginRequestToJSON(AcceptOAuth2LoginRequestFromJSON(body)));
        if (extra.length > 0 || !instanceOfAcceptOAuth2LoginRequest(body) || typeof body.subject !== 'string') {
          return error(400, `invalid AcceptOAuth2LoginRequest: ${extra.join(',')}`);
        }
        if (body.remember !== undefined && typeof body.remember !== 'boolean') return error(400, 'remember');
        return finish(`login_verifier=v-${challenge}`);
      }
      case 'consent/accept': {
        const extra = unknownKeys(body, AcceptOAuth2ConsentRequestToJSON(AcceptOAuth2ConsentRequestFromJSON(body)));
        const { grant_scope: scope, grant_access_token_audience: audience, remember, remember_for: rememberFor } = body;
        const stringArray = (v: unknown) =>
          v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string'));
        if (extra.length > 0 || !stringArray(scope) || !stringArray(audience)) {
          return error(400, `invalid AcceptOAuth2ConsentRequest: ${extra.join(',')}`);
        }
        if (remember !== undefined && typeof remember !== 'boolean') return error(400, 'remember');
        if (rememberFor !== undefined && !Number.isInteger(rememberFor)) return error(400, 'remember_for');
        const requested = new Set((request as OAuth2ConsentRequest).requested_scope);
        if ((scope as string[] | undefined)?.some((s) => !requested.has(s))) return error(400, 'scope not requested');
        return finish(`consent_verifier=v-${challenge}`);
      }
      case 'login/reject':
      case 'consent/reject': {
        const extra = unknownKeys(body, RejectOAuth2RequestToJSON(RejectOAuth2RequestFromJSON(body)));
        if (extra.length > 0 || typeof body.error !== 'string') return error(400, 'invalid RejectOAuth2Request');
        return finish(`error=${encodeURIComponent(body.error)}`);
      }
      default:
        return error(404, 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logins,
    consents,
    calls,
    /** Answers the next admin call with this status. */
    failNext(status: number) {
      failNext = status;
    },
    /** Answers the next GET of a handled challenge as if it were still open, as a racing tab would have read it. */
    raceNextGet() {
      staleGets = 1;
    },
    /** Answers accept and reject on a handled challenge with 409 (Hydra's answer, the default) or 410. */
    answerHandledPutWith(status: 409 | 410) {
      handledPut = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
