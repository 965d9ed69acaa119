/**
 * Public types of the interaction client. The implementation lives in
 * `interaction-client.ts`; adapters in `adapters/`.
 */
import type {
  CodeRequest,
  CodeSent,
  CodeSubmission,
  ConnectorRequest,
  ConsentDecision,
  IdentifyRequest,
  InteractionStep,
  LoginStep,
  LoginSubmission,
  Redirect,
  SignInMethods,
} from '../protocol/interaction.js';

/** Per-call options, merged over the client's own. */
export interface RequestOptions {
  /** Aborts the request; the call rejects with `InteractionError` code `aborted`. */
  signal?: AbortSignal;
  /** Milliseconds before the call rejects with code `timeout`. Default 30 000; 0 disables it. */
  timeout?: number;
  /** Extra request headers (for example a CSRF token the host page carries). */
  headers?: Record<string, string>;
}

/** Options of {@link createInteractionClient}. */
export interface InteractionClientOptions extends RequestOptions {
  /** The `fetch` to use; defaults to the global one. Useful for tests and for custom agents. */
  fetch?: typeof fetch;
}

/**
 * What the client asks of an adapter: one function per operation, each given a transport that
 * already applies timeout, signal, headers and JSON parsing, and each returning the kit's own
 * validated types. Adapters throw `InteractionError` for anything the provider got wrong.
 */
export interface InteractionAdapter {
  /** Adapter name, for diagnostics (`kit`, `logto`, …). */
  readonly name: string;
  load(transport: Transport): Promise<InteractionStep>;
  signIn(transport: Transport, submission: LoginSubmission): Promise<Redirect>;
  consent(transport: Transport, decision: ConsentDecision): Promise<Redirect>;
  deny(transport: Transport): Promise<Redirect>;
  switchAccount(transport: Transport): Promise<LoginStep>;
  /** Sends a one-time code (only for providers whose login step offers `code`). */
  sendCode?(transport: Transport, request: CodeRequest): Promise<CodeSent>;
  /** Signs in with a one-time code. */
  verifyCode?(transport: Transport, submission: CodeSubmission): Promise<Redirect>;
  /** Starts a connector sign-in: resolves with the connector's URL. */
  startConnector?(transport: Transport, request: ConnectorRequest): Promise<Redirect>;
  /** Continues as the session's account (`LoginRequest.session`). */
  continueSession?(transport: Transport): Promise<Redirect>;
  /** Which methods an identifier signs in with (for steps with `LoginRequest.identify`). */
  identify?(transport: Transport, request: IdentifyRequest): Promise<SignInMethods>;
}

/** A JSON response as seen by adapters: status plus parsed body (`undefined` when empty). */
export interface TransportResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP request, as an adapter describes it. */
export interface TransportRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL, or relative to the page. */
  url: string;
  /** Serialized as JSON when present. */
  body?: unknown;
  /**
   * Headers this request needs (for example a provider's bearer token). The caller's
   * `headers` option is applied over them.
   */
  headers?: Record<string, string>;
  /** `fetch`'s `credentials`; default `same-origin`. Cross-origin providers using cookies need `include`. */
  credentials?: RequestCredentials;
}

/**
 * Sends a request and parses the JSON answer. Rejects with `InteractionError` codes `network`,
 * `timeout`, `aborted` or `invalid_response` (body is not JSON); never on an HTTP error status,
 * which the adapter interprets.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** The typed interaction client. Every method rejects only with `InteractionError`. */
export interface InteractionClient {
  /** Loads the current step of the interaction. */
  load(options?: RequestOptions): Promise<InteractionStep>;
  /** Signs in; resolves with where the browser must go next. */
  signIn(submission: LoginSubmission, options?: RequestOptions): Promise<Redirect>;
  /** Sends the consent decision; resolves with where the browser must go next. */
  consent(decision: ConsentDecision, options?: RequestOptions): Promise<Redirect>;
  /** Refuses the request; the app receives `error=access_denied`. */
  deny(options?: RequestOptions): Promise<Redirect>;
  /** Leaves the signed-in account: resolves with the sign-in step for the same request. */
  switchAccount(options?: RequestOptions): Promise<LoginStep>;
  /**
   * Asks the provider to send a one-time code to the identifier. Rejects with
   * `too_many_attempts` (and `retryAfter`) when asked again too soon.
   */
  sendCode?(request: CodeRequest, options?: RequestOptions): Promise<CodeSent>;
  /** Signs in with a one-time code; resolves with where the browser must go next. */
  verifyCode?(submission: CodeSubmission, options?: RequestOptions): Promise<Redirect>;
  /** Starts a social or SSO sign-in; resolves with the connector's URL to navigate to. */
  startConnector?(request: ConnectorRequest, options?: RequestOptions): Promise<Redirect>;
  /**
   * Continues as the account already signed in (`LoginRequest.session`). The four sign-in
   * methods above are optional for hand-written clients; `createInteractionClient` always has them.
   */
  continueSession?(options?: RequestOptions): Promise<Redirect>;
  /**
   * Which methods the identifier signs in with, for a step whose `LoginRequest.identify` is set:
   * the screen then goes straight to a code for an account without a password. Rejects with
   * `invalid_request` when the adapter cannot tell.
   */
  identify?(request: IdentifyRequest, options?: RequestOptions): Promise<SignInMethods>;
}
