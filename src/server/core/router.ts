/**
 * The kit protocol's HTTP side, shared by every bridge: which method each endpoint takes (405
 * with `Allow` otherwise), the JSON body of every POST (415 / 413 / 400, see `readJsonBody`),
 * and how errors become JSON — a {@link KitHttpError} as its status and kit error code, a step
 * already decided (`redirectTo`) as a 200 way on for a POST that ends a step, anything else as a
 * bare `500 server_error` reported to `onError`. A bridge supplies only what is provider-specific:
 * which paths are its routes, and the answer to each call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KIT_FORM_FIELDS } from '../../protocol/form.js';
import type { SignInAttempt } from '../../protocol/interaction.js';
import { KIT_ENDPOINTS, type KitRedirectResponse } from '../../protocol/kit.js';
import {
  type FormOutcome,
  type FormPosts,
  formBody,
  formView,
  fromAnotherSite,
  isFormPost,
  readFormBody,
  refuseForm,
  retryAfterOf,
  seeOther,
} from './forms.js';
import { DEFAULT_BODY_LIMIT, KitHttpError, readJsonBody, sendError, sendJson, sendKitError } from './http.js';

/** One of the kit protocol's endpoint names (`details`, `login`, `consent`, …). */
export type KitEndpoint = (typeof KIT_ENDPOINTS)[keyof typeof KIT_ENDPOINTS];

const ENDPOINTS = new Set<string>(Object.values(KIT_ENDPOINTS));

/** A request the router matched, its body read. */
export interface KitCall<R> {
  req: IncomingMessage;
  res: ServerResponse;
  /** What the bridge's `match` said about the path (an interaction uid; a kind and a challenge). */
  route: R;
  endpoint: KitEndpoint;
  /** The parsed JSON body of a POST (a form post's fields as that body); `undefined` for `details`. */
  body: unknown;
  /**
   * A plain HTML form post (see `core/forms.ts`), token checked. A `login` post without a
   * password goes on from the identifier, as the screen's Continue does: answer with where the
   * sign-in goes next (a {@link SignInAttempt} for the page, or `{ redirectTo }`).
   */
  form?: boolean;
}

/** Connect-style `next`. */
export type NextFunction = (error?: unknown) => void;

/** What a bridge gives {@link createKitRouter}. */
export interface KitRouterOptions<R> {
  /** The route and endpoint name a path stands for, or `undefined` when it is none of the bridge's. */
  match(pathname: string): { route: R; endpoint: string } | undefined;
  /** The JSON answer (status 200) to a call; throws {@link KitHttpError} for any other answer. */
  answer(call: KitCall<R>): Promise<unknown>;
  /**
   * Requests served before the JSON endpoints, with answers of their own (a connector's
   * callback, a top-level navigation answered with redirects); `true` when handled.
   */
  before?(req: IncomingMessage, res: ServerResponse, pathname: string): boolean | Promise<boolean>;
  /** Request body limit in bytes. Default 16 KiB. */
  bodyLimit?: number;
  /** Receives unexpected errors (answered `500 server_error` without details). */
  onError(error: unknown): void;
  /**
   * Takes the POST endpoints as plain HTML form posts too (`core/forms.ts`); without it every
   * POST must be JSON (415 otherwise).
   */
  forms?: {
    posts: FormPosts;
    /** The interaction a route belongs to (whose token a post must carry) and its page's URL. */
    page(route: R): { interaction: string; url: string };
  };
}

/** What a sign-in endpoint's form post leaves for the page when it fails. */
function signInFailure(endpoint: KitEndpoint, fields: [string, string][], error: KitHttpError): FormOutcome {
  const identifier = fields.find(([key]) => key === KIT_FORM_FIELDS.identifier)?.[1] ?? '';
  const password = fields.find(([key]) => key === KIT_FORM_FIELDS.password)?.[1];
  const view: SignInAttempt['view'] =
    endpoint === KIT_ENDPOINTS.verifyCode
      ? 'code'
      : endpoint === KIT_ENDPOINTS.login && password
        ? 'password'
        : endpoint === KIT_ENDPOINTS.sendCode
          ? formView(fields)
          : 'identifier';
  const retryAfter = retryAfterOf(error);
  return { error: error.code, signIn: { view, identifier, ...(retryAfter !== undefined && { retryAfter }) } };
}

/** Creates a connect-style handler for the kit endpoints; anything else goes to `next()`. */
export function createKitRouter<R>(options: KitRouterOptions<R>) {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;

  return async function handle(req: IncomingMessage, res: ServerResponse, next: NextFunction): Promise<void> {
    const pathname = (req.url ?? '/').split('?')[0]!;
    if (options.before && (await options.before(req, res, pathname))) return;
    const matched = options.match(pathname);
    if (!matched || !ENDPOINTS.has(matched.endpoint)) {
      next();
      return;
    }
    const endpoint = matched.endpoint as KitEndpoint;
    const expected = endpoint === KIT_ENDPOINTS.details ? 'GET' : 'POST';
    if (expected === 'POST' && options.forms && isFormPost(req)) {
      return formPost(req, res, matched.route, endpoint, options.forms);
    }
    try {
      if (req.method !== expected) {
        req.resume();
        return sendError(res, 405, 'invalid_request', `use ${expected}`, { allow: expected });
      }
      const body = expected === 'POST' ? await readJsonBody(req, bodyLimit) : undefined;
      sendJson(res, 200, await options.answer({ req, res, route: matched.route, endpoint, body }));
    } catch (error) {
      if (res.headersSent) {
        options.onError(error);
        res.destroy();
        return;
      }
      if (error instanceof KitHttpError) {
        // Decided already (another tab, a retry after a lost answer): a POST that ends a step
        // gets the first decision's way on as its answer, so the browser leaves.
        if (error.redirectTo && expected === 'POST' && endpoint !== KIT_ENDPOINTS.switchAccount) {
          return sendJson(res, 200, { redirectTo: error.redirectTo } satisfies KitRedirectResponse);
        }
        return sendKitError(res, error);
      }
      options.onError(error);
      return sendError(res, 500, 'server_error');
    }
  };

  /**
   * A form post: checked (403 from another site or without the token), answered like the JSON
   * post, and followed by a `303`: to the JSON answer's `redirectTo`, else back to the page
   * with what it must show kept for it.
   */
  async function formPost(
    req: IncomingMessage,
    res: ServerResponse,
    route: R,
    endpoint: KitEndpoint,
    forms: NonNullable<KitRouterOptions<R>['forms']>,
  ): Promise<void> {
    const page = forms.page(route);
    let fields: [string, string][];
    try {
      if (fromAnotherSite(req)) {
        req.resume();
        throw new KitHttpError(403, 'access_denied', 'form post from another site');
      }
      fields = await readFormBody(req, bodyLimit);
      await forms.posts.check(page.interaction, fields.find(([key]) => key === KIT_FORM_FIELDS.token)?.[1]);
    } catch (error) {
      if (!(error instanceof KitHttpError)) throw error;
      return refuseForm(res, error.status, error.status === 403 ? 'Forbidden.' : 'Bad request.');
    }
    const body = formBody(endpoint, fields);
    let outcome: FormOutcome | undefined;
    try {
      const answer = await options.answer({ req, res, route, endpoint, body, form: true });
      const to = (answer as Partial<KitRedirectResponse> | undefined)?.redirectTo;
      if (typeof to === 'string') return seeOther(res, to);
      const identifier = (body as { identifier?: string }).identifier ?? '';
      if (endpoint === KIT_ENDPOINTS.switchAccount) outcome = { switchAccount: true };
      else if (endpoint === KIT_ENDPOINTS.sendCode)
        outcome = {
          signIn: { view: 'code', identifier, resendAfter: (answer as { resendAfter: number }).resendAfter },
        };
      else if (endpoint === KIT_ENDPOINTS.login) outcome = { signIn: answer as SignInAttempt };
    } catch (error) {
      if (res.headersSent) {
        options.onError(error);
        return void res.destroy();
      }
      if (error instanceof KitHttpError && error.redirectTo) return seeOther(res, error.redirectTo);
      if (!(error instanceof KitHttpError)) options.onError(error);
      const failure =
        error instanceof KitHttpError ? error : new KitHttpError(500, 'server_error', 'unexpected failure');
      // Gone: the page finds no interaction and says so; nothing to keep for it.
      if (failure.code !== 'interaction_expired') {
        outcome =
          endpoint === KIT_ENDPOINTS.consent
            ? { error: failure.code, decision: body as FormOutcome['decision'] }
            : endpoint === KIT_ENDPOINTS.login ||
                endpoint === KIT_ENDPOINTS.sendCode ||
                endpoint === KIT_ENDPOINTS.verifyCode ||
                endpoint === KIT_ENDPOINTS.connector
              ? signInFailure(endpoint, fields, failure)
              : { error: failure.code };
      }
    }
    if (outcome) await forms.posts.keep(page.interaction, outcome);
    seeOther(res, page.url);
  }
}

/** Escapes `value` for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
