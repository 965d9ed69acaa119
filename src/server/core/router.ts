/**
 * The kit protocol's HTTP side, shared by every bridge: which method each endpoint takes (405
 * with `Allow` otherwise), the JSON body of every POST (415 / 413 / 400, see `readJsonBody`),
 * and how errors become JSON — a {@link KitHttpError} as its status and kit error code, a step
 * already decided (`redirectTo`) as a 200 way on for a POST that ends a step, anything else as a
 * bare `500 server_error` reported to `onError`. A bridge supplies only what is provider-specific:
 * which paths are its routes, and the answer to each call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KIT_ENDPOINTS, type KitRedirectResponse } from '../../protocol/kit.js';
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
  /** The parsed JSON body of a POST; `undefined` for `details`. */
  body: unknown;
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
}

/** Escapes `value` for use inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
