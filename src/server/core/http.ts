/**
 * Minimal HTTP helpers of the server bridges: JSON body parsing with a size limit and JSON
 * replies carrying a kit error code. Node `http` only, no framework.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionErrorCode } from '../../protocol/errors.js';
import type { KitErrorResponse } from '../../protocol/kit.js';

/** Default request body limit, in bytes. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;

/**
 * An error the bridge answers with as-is: `status` plus a kit error code. Anything else thrown
 * inside a bridge handler becomes a bare `500 server_error`.
 */
export class KitHttpError extends Error {
  readonly status: number;
  readonly code: InteractionErrorCode;
  /** Extra response headers (e.g. `retry-after`). */
  readonly headers?: Record<string, string>;
  /** Where the browser goes on when the interaction was already decided (`KitErrorResponse.redirectTo`). */
  readonly redirectTo?: string;

  constructor(
    status: number,
    code: InteractionErrorCode,
    description: string,
    options: { headers?: Record<string, string>; redirectTo?: string } = {},
  ) {
    super(description);
    this.name = 'KitHttpError';
    this.status = status;
    this.code = code;
    if (options.headers) this.headers = options.headers;
    if (options.redirectTo) this.redirectTo = options.redirectTo;
  }
}

/** Whether the request declares a JSON body (`application/json`, any parameters). */
function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (typeof type !== 'string') return false;
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/** Whether `value` is a JSON object (not an array, a buffer or a primitive). */
function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const notAnObject = () => new KitHttpError(400, 'invalid_request', 'request body must be a JSON object');

/**
 * Refuses (413) a request whose declared `content-length` is over `limit` bytes before any of
 * it is read (the rest is drained, not buffered).
 */
export function refuseDeclaredOver(req: IncomingMessage, limit: number): void {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new KitHttpError(413, 'invalid_request', 'request body too large');
  }
}

/**
 * The request's body as UTF-8 text, at most `limit` bytes: 413 as soon as the stream passes it
 * (the rest is drained, not buffered).
 */
export async function readBodyText(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > limit) {
      req.resume();
      throw new KitHttpError(413, 'invalid_request', 'request body too large');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads and parses a JSON request body. An empty body parses as `undefined`; anything else
 * must be a JSON object.
 *
 * Refuses (as {@link KitHttpError}) any request not declared `content-type: application/json`
 * (415) — even one without a body —, a body over `limit` bytes (413), unparsable JSON (400)
 * and JSON that is not an object (400). Requiring the JSON content type on every POST is what
 * keeps other origins out: an HTML form or a body-less `fetch` is a "simple" request that
 * needs no CORS preflight, while a JSON one needs a preflight the bridge never grants.
 *
 * A body a framework already parsed (`req.body`, as Express's `express.json()` leaves it) is
 * used as is when it is a plain object, and measured against `limit` as JSON; any other parsed
 * value (a string from `express.text()`, a buffer from `express.raw()`, an array) is refused
 * with 400, because the stream it came from is gone. The content type is checked first either way.
 */
export async function readJsonBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  if (!isJsonContentType(req)) {
    req.resume();
    throw new KitHttpError(415, 'invalid_request', 'content-type must be application/json');
  }
  refuseDeclaredOver(req, limit);
  const parsed = (req as IncomingMessage & { body?: unknown }).body;
  if (parsed !== undefined) {
    if (!isJsonObject(parsed)) throw notAnObject();
    if (Buffer.byteLength(JSON.stringify(parsed)) > limit) {
      throw new KitHttpError(413, 'invalid_request', 'request body too large');
    }
    return parsed;
  }
  const text = await readBodyText(req, limit);
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new KitHttpError(400, 'invalid_request', 'request body is not valid JSON');
  }
  if (!isJsonObject(body)) throw notAnObject();
  return body;
}

/** Sends a JSON reply that no cache may keep. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-length', Buffer.byteLength(text));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(text);
}

/** Sends a {@link KitErrorResponse}. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: InteractionErrorCode,
  description?: string,
  headers?: Record<string, string>,
  redirectTo?: string,
): void {
  const body: KitErrorResponse = description === undefined ? { error } : { error, error_description: description };
  if (redirectTo !== undefined) body.redirectTo = redirectTo;
  sendJson(res, status, body, headers);
}

/** Sends the {@link KitErrorResponse} a {@link KitHttpError} stands for. */
export function sendKitError(res: ServerResponse, error: KitHttpError): void {
  sendError(res, error.status, error.code, error.message, error.headers, error.redirectTo);
}
