/**
 * The kit endpoints as plain HTML form posts (`protocol/form.ts`), so a server-rendered screen
 * works before its script has run, like the server-rendered pages it replaces: its forms post
 * `application/x-www-form-urlencoded` to the same endpoints, and the bridge answers with a `303`
 * to where the JSON answer would send the browser — the provider's resume URL, a connector, or
 * back to the interaction's page, which then shows what happened (a wrong password, the code
 * view, a refused decision) from what this module kept for it in the store.
 *
 * Cross-site request forgery. A JSON post needs a CORS preflight the bridges never grant, so a
 * JSON-only endpoint is safe from other pages. A form post is a "simple" request any page may
 * send, and SameSite cookies do not stop a *same-site* page (another port of the same host,
 * another subdomain) from sending it with the interaction cookie. So every form post must carry
 * the interaction's synchronizer token: random (32 bytes), kept in the bridge's store for the
 * interaction's lifetime, handed out only inside the step (the page and the details answer,
 * which no other origin can read), and compared in constant time. Posts a browser labels
 * `Sec-Fetch-Site: cross-site` or `same-site` are refused before anything is read. Both refusals
 * are a bare `403`: nothing is decided and nothing is kept.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionErrorCode } from '../../protocol/errors.js';
import { decisionFromForm, KIT_FORM_FIELDS } from '../../protocol/form.js';
import type { ConsentDecision, SignInAttempt } from '../../protocol/interaction.js';
import { KIT_ENDPOINTS } from '../../protocol/kit.js';
import { KitHttpError, readBodyText, refuseDeclaredOver } from './http.js';
import type { JsonValue, KitStore } from './store.js';

const F = KIT_FORM_FIELDS;

/** Seconds a form post's outcome waits to be shown on the page it sends the browser back to. */
const OUTCOME_TTL_SECONDS = 10 * 60;
/** A token's lifetime when the interaction's is unknown: oidc-provider's default interaction TTL. */
export const DEFAULT_FORM_TOKEN_TTL_SECONDS = 60 * 60;

/** What a form post left for the page it sends the browser back to (shown once). */
export interface FormOutcome {
  /** Why it failed. */
  error?: InteractionErrorCode;
  /** Where a sign-in left off. */
  signIn?: SignInAttempt;
  /** The consent decision it carried. */
  decision?: ConsentDecision;
  /** "Not you?": the page shows the sign-in step of the same interaction. */
  switchAccount?: boolean;
}

/** Whether `req` declares a form body (`application/x-www-form-urlencoded`, any parameters). */
export function isFormPost(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return (
    req.method === 'POST' &&
    typeof type === 'string' &&
    type.split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded'
  );
}

/**
 * The fields of a form body, at most `limit` bytes (413 beyond). A body a framework parsed
 * already (`express.urlencoded()`) is used when it is a plain object of strings (or lists of
 * strings); anything else it left is refused with 400, the stream being gone.
 */
export async function readFormBody(req: IncomingMessage, limit: number): Promise<[string, string][]> {
  refuseDeclaredOver(req, limit);
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (parsed !== undefined) {
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new KitHttpError(400, 'invalid_request', 'request body must be form fields');
    }
    const fields: [string, string][] = [];
    for (const [name, value] of Object.entries(parsed)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item !== 'string')
          throw new KitHttpError(400, 'invalid_request', 'request body must be form fields');
        fields.push([name, item]);
      }
    }
    return fields;
  }
  return [...new URLSearchParams(await readBodyText(req, limit))];
}

/** The JSON body a form post stands for (see the table in `protocol/form.ts`). */
export function formBody(endpoint: string, fields: [string, string][]): unknown {
  const get = (name: string) => fields.find(([key]) => key === name)?.[1];
  const defined = (entries: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  switch (endpoint) {
    case KIT_ENDPOINTS.consent:
      return decisionFromForm(fields);
    case KIT_ENDPOINTS.login:
      return defined({ identifier: get(F.identifier), password: get(F.password) || undefined });
    case KIT_ENDPOINTS.verifyCode:
      return defined({ identifier: get(F.identifier), code: get(F.code) });
    case KIT_ENDPOINTS.sendCode:
      return defined({ identifier: get(F.identifier) });
    case KIT_ENDPOINTS.connector:
      return defined({ connectorId: get(F.connector), identifier: get(F.identifier) || undefined });
    default:
      return {};
  }
}

/** The sign-in view a form was sent from, as its `view` field says (`identifier` otherwise). */
export function formView(fields: [string, string][]): SignInAttempt['view'] {
  const view = fields.find(([key]) => key === F.view)?.[1];
  return view === 'password' || view === 'code' ? view : 'identifier';
}

/** Answers a form post with `303 See Other` (the browser follows it with a GET). */
export function seeOther(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('location', location);
  res.setHeader('cache-control', 'no-store');
  res.end();
}

/** Answers a form post the bridge will not act on, as text (a browser shows it as the page). */
export function refuseForm(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.end(`${text}\n`);
}

const forbidden = () => new KitHttpError(403, 'access_denied', 'form post refused');

/**
 * Whether the browser says the post comes from a page of another site, or of another origin
 * of the same site (`Sec-Fetch-Site`, Fetch Metadata): a form post is never legitimately either.
 */
export function fromAnotherSite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/** Tokens and outcomes of form posts, per interaction, in the bridge's store. */
export function createFormPosts(store: KitStore) {
  const keys = {
    token: (interaction: string) => `form:token:${interaction}`,
    outcome: (interaction: string) => `form:outcome:${interaction}`,
    switching: (interaction: string) => `form:switching:${interaction}`,
  };
  return {
    /**
     * The interaction's token, made on first use and kept `ttlSeconds` (the interaction's
     * lifetime): every instance sharing the store hands out the same one.
     */
    async token(interaction: string, ttlSeconds: number): Promise<string> {
      const key = keys.token(interaction);
      const kept = await store.get<string>(key);
      if (typeof kept === 'string') return kept;
      const fresh = randomBytes(32).toString('base64url');
      if (await store.add(key, fresh, ttlSeconds)) return fresh;
      // Another request made one first.
      return (await store.get<string>(key)) ?? fresh;
    },

    /** Refuses (403) a post without the interaction's token. */
    async check(interaction: string, given: string | undefined): Promise<void> {
      const expected = await store.get<string>(keys.token(interaction));
      if (typeof expected !== 'string' || typeof given !== 'string') throw forbidden();
      const a = Buffer.from(given);
      const b = Buffer.from(expected);
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw forbidden();
    },

    /**
     * "Not you?" posted as a form: the interaction's page shows its sign-in step, not the
     * consent, from now until the interaction ends (a sign-in or Cancel decides it), on every
     * instance sharing the store. Kept `ttlSeconds` (the interaction's lifetime).
     */
    async startSwitch(interaction: string, ttlSeconds: number): Promise<void> {
      await store.set(keys.switching(interaction), true, ttlSeconds);
    },

    /** Whether "Not you?" was posted as a form for this interaction (see {@link startSwitch}). */
    async switching(interaction: string): Promise<boolean> {
      return (await store.get(keys.switching(interaction))) === true;
    },

    /** Keeps what the page the browser is sent back to must show. */
    async keep(interaction: string, outcome: FormOutcome): Promise<void> {
      await store.set(keys.outcome(interaction), outcome as JsonValue, OUTCOME_TTL_SECONDS);
    },

    /** What the last form post left for this interaction's page, once. */
    async take(interaction: string): Promise<FormOutcome | undefined> {
      const outcome = await store.take(keys.outcome(interaction));
      return typeof outcome === 'object' && outcome !== null && !Array.isArray(outcome)
        ? (outcome as FormOutcome)
        : undefined;
    },
  };
}

/** What {@link createFormPosts} returns. */
export type FormPosts = ReturnType<typeof createFormPosts>;

/** The seconds of a `retry-after` header a refusal carries, if any. */
export function retryAfterOf(error: KitHttpError): number | undefined {
  const value = Number(error.headers?.['retry-after']);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}
