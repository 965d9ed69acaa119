/**
 * The sign-in half of the oidc-provider bridge: what the login step offers (identifier kinds,
 * password, one-time codes, connectors, "Continue as", links) and the endpoints that sign in
 * (`login`, `send-code`, `verify-code`, `connector` + its callback, `continue`), with
 * per-identifier failed-attempt limiting.
 *
 * Provider-neutral: it sees the interaction through `InteractionDetailsLike` and returns the
 * account id to finish the login with; the bridge turns that into `interactionResult`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connector, IdentifierKind, LoginRequest, UserInfo } from '../../protocol/interaction.js';
import type { InteractionErrorCode } from '../../protocol/errors.js';
import type { CodeSent } from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import { KitHttpError } from '../http.js';
import { attemptKey, createAttemptLimiter, type AttemptLimiter, type AttemptLimitOptions } from './rate-limit.js';

/** The interaction as the sign-in flow reads it (a subset of the bridge's `InteractionDetailsLike`). */
export interface SignInInteraction {
  uid: string;
  prompt: { name: string; reasons?: string[] };
  params: Record<string, unknown>;
  session?: { accountId?: string };
}

/** Context handed to a connector. */
export interface ConnectorContext {
  /** The interaction's uid. */
  uid: string;
  /**
   * Opaque `state` for the upstream authorization request. It starts with `<uid>.`, which is
   * how the bridge's fixed callback route (`<prefix>/callback`) finds the interaction again.
   */
  state: string;
}

/**
 * Social and enterprise SSO sign-in. The host redirects the browser to the upstream provider
 * with `redirect_uri` = `<issuer><prefix>/callback` (one fixed URL for every connector) and
 * the `state` the bridge gives it; the bridge bounces the callback to the interaction's own
 * path (where the provider's interaction cookie is sent) and calls `finish`.
 */
export interface ConnectorHost {
  /** The connectors offered for this request, in display order. Names and logos are untrusted. */
  list(context: { uid: string; params: Record<string, unknown> }): Connector[] | Promise<Connector[]>;
  /** The upstream authorization URL to send the browser to. */
  start(connectorId: string, context: ConnectorContext & { identifier?: string }): Promise<string>;
  /**
   * Completes the upstream sign-in from the callback's query (code exchange, token checks)
   * and maps the upstream identity to a local account; `null` when it failed or was refused.
   */
  finish(connectorId: string, context: ConnectorContext & { query: URLSearchParams }): Promise<{ accountId: string } | null>;
}

/** The sign-in settings and host callbacks of the bridge. */
export interface SignInBridgeOptions {
  /** Identifier kinds accepted, in order of preference. Default `['email', 'username']`. */
  identifiers?: IdentifierKind[];
  /** Whether password sign-in is offered. Default `true`. */
  password?: boolean;
  /**
   * Sends a one-time code to the identifier. Called for every well-formed request, whether
   * or not the identifier has an account (the answer is the same, so it reveals nothing);
   * deliver only to known identifiers. Setting it (with `verifyCode`) offers code sign-in.
   */
  sendCode?(identifier: string, context: { uid: string }): Promise<void>;
  /** Checks a one-time code: the account id, or `null` (answered `401 invalid_code`). */
  verifyCode?(identifier: string, code: string): Promise<{ accountId: string } | null>;
  /** Characters per code, for the code input. Default 6. */
  codeLength?: number;
  /** Seconds before another code may be sent to the same identifier. Default 30. */
  resendAfter?: number;
  /** Social and SSO connectors. */
  connectors?: ConnectorHost;
  /** Account links shown on the sign-in screen (http(s) only; others are dropped). */
  links?: { createAccount?: string; forgotPassword?: string };
  /**
   * Failed password and code attempts per identifier before it is locked (answered
   * `429 too_many_attempts` with `Retry-After`). Default: 5 failures in 15 minutes lock for
   * 15 minutes, in memory. Pass your own {@link AttemptLimiter} to share it across processes,
   * or `false` to turn limiting off (then it is the host's job).
   */
  attemptLimit?: AttemptLimitOptions | AttemptLimiter | false;
}

/** What the flow needs from the bridge besides {@link SignInBridgeOptions}. */
export interface SignInFlowDependencies extends SignInBridgeOptions {
  authenticate(identifier: string, password: string): Promise<{ accountId: string } | null>;
  findUser(accountId: string): Promise<UserInfo>;
  /** Copies the `UserInfo` fields worth sending. */
  pickUser(user: UserInfo, accountId: string): UserInfo;
  prefix: string;
  onError(error: unknown): void;
}

/**
 * Reasons oidc-provider gives for a login prompt that demand a fresh sign-in: "Continue as"
 * must not skip them.
 */
const REAUTHENTICATE = new Set([
  'no_session',
  'login_prompt',
  'max_age',
  'id_token_hint',
  'claims_id_token_sub_value',
  'essential_acr',
  'essential_acrs',
]);

const PENDING_TTL_MS = 10 * 60 * 1000;
const UID = /^[A-Za-z0-9_-]{1,128}$/;

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function identifierOf(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 512) {
    throw new KitHttpError(400, 'invalid_request', 'identifier must be a non-empty string');
  }
  return value.trim();
}

function tooMany(seconds: number): KitHttpError {
  return new KitHttpError(429, 'too_many_attempts', 'too many failed attempts for this identifier', {
    headers: { 'retry-after': String(seconds) },
  });
}

function cleanConnector(value: Connector): Connector | undefined {
  if (typeof value?.id !== 'string' || value.id === '' || typeof value.name !== 'string') return undefined;
  const connector: Connector = { id: value.id, kind: value.kind === 'sso' ? 'sso' : 'social', name: value.name };
  const light = safeHttpUrl(value.logo?.light);
  const dark = safeHttpUrl(value.logo?.dark);
  if (light || dark) connector.logo = { ...(light && { light }), ...(dark && { dark }) };
  const domains = Array.isArray(value.domains)
    ? value.domains.filter((d): d is string => typeof d === 'string' && d !== '').map((d) => d.toLowerCase())
    : [];
  if (domains.length > 0) connector.domains = domains;
  return connector;
}

/** The sign-in flow of a bridge. */
export function createSignInFlow(deps: SignInFlowDependencies) {
  const limiter: AttemptLimiter | undefined =
    deps.attemptLimit === false
      ? undefined
      : deps.attemptLimit && 'fail' in deps.attemptLimit
        ? deps.attemptLimit
        : createAttemptLimiter(deps.attemptLimit || {});
  const codes = deps.sendCode && deps.verifyCode ? { send: deps.sendCode, verify: deps.verifyCode } : undefined;
  const resendAfter = deps.resendAfter ?? 30;
  const lastSent = new Map<string, number>();
  const pending = new Map<string, { connectorId: string; state: string; expires: number }>();
  const flash = new Map<string, InteractionErrorCode>();
  const links = {
    createAccount: safeHttpUrl(deps.links?.createAccount),
    forgotPassword: safeHttpUrl(deps.links?.forgotPassword),
  };

  /** Runs one attempt under the limiter: 429 while locked, counts a failure, resets on success. */
  async function limited<T>(identifier: string, attempt: () => Promise<T | null>, failure: () => KitHttpError): Promise<T> {
    const key = attemptKey(identifier);
    const wait = limiter?.retryAfter(key) ?? 0;
    if (wait > 0) throw tooMany(wait);
    const outcome = await attempt();
    if (outcome === null) {
      const locked = limiter?.fail(key) ?? 0;
      throw locked > 0 ? tooMany(locked) : failure();
    }
    limiter?.reset(key);
    return outcome;
  }

  /** The account that may continue without signing in again, if any. */
  function continuableAccount(interaction: SignInInteraction): string | undefined {
    const accountId = interaction.session?.accountId;
    if (typeof accountId !== 'string' || accountId === '') return undefined;
    // At consent (reached here through "switch account") the account has already signed in for this request.
    if (interaction.prompt.name === 'consent') return accountId;
    if (interaction.prompt.name !== 'login') return undefined;
    return (interaction.prompt.reasons ?? []).some((reason) => REAUTHENTICATE.has(reason)) ? undefined : accountId;
  }

  async function connectorList(interaction: SignInInteraction): Promise<Connector[]> {
    if (!deps.connectors) return [];
    const listed = await deps.connectors.list({ uid: interaction.uid, params: interaction.params });
    return (Array.isArray(listed) ? listed : []).map(cleanConnector).filter((c): c is Connector => c !== undefined);
  }

  return {
    /** The login request of the step, for the details and switch-account answers. */
    async loginRequest(interaction: SignInInteraction, withHint: boolean): Promise<LoginRequest> {
      const login: LoginRequest = {
        identifiers: deps.identifiers?.length ? [...deps.identifiers] : ['email', 'username'],
        password: deps.password ?? true,
      };
      const hint = interaction.params.login_hint;
      if (withHint && typeof hint === 'string' && hint !== '') login.loginHint = hint;
      if (codes) login.code = { length: deps.codeLength ?? 6 };
      const connectors = await connectorList(interaction);
      if (connectors.length > 0) login.connectors = connectors;
      const accountId = continuableAccount(interaction);
      if (accountId) login.session = deps.pickUser(await deps.findUser(accountId), accountId);
      if (links.createAccount) login.createAccountUrl = links.createAccount;
      if (links.forgotPassword) login.forgotPasswordUrl = links.forgotPassword;
      const error = flash.get(interaction.uid);
      if (error) {
        flash.delete(interaction.uid);
        login.error = error;
      }
      return login;
    },

    /** `POST login`: the account id, or 401 / 429. */
    async login(body: unknown): Promise<string> {
      if (deps.password === false) throw new KitHttpError(400, 'invalid_request', 'password sign-in is not offered');
      const { identifier, password } = record(body);
      if (typeof identifier !== 'string' || typeof password !== 'string' || password === '' || password.length > 1024) {
        throw new KitHttpError(400, 'invalid_request', 'body must be { identifier, password }');
      }
      const id = identifierOf(identifier);
      const account = await limited(
        id,
        () => deps.authenticate(id, password),
        () => new KitHttpError(401, 'invalid_credentials', 'wrong identifier or password'),
      );
      return account.accountId;
    },

    /** `POST send-code`: the same answer whether or not the identifier has an account. */
    async sendCode(body: unknown, interaction: SignInInteraction): Promise<CodeSent> {
      if (!codes) throw new KitHttpError(400, 'invalid_request', 'code sign-in is not offered');
      const identifier = identifierOf(record(body).identifier);
      const key = attemptKey(identifier);
      const locked = limiter?.retryAfter(key) ?? 0;
      if (locked > 0) throw tooMany(locked);
      const now = Date.now();
      const previous = lastSent.get(key);
      if (previous !== undefined && now - previous < resendAfter * 1000) {
        throw tooMany(Math.ceil((previous + resendAfter * 1000 - now) / 1000));
      }
      lastSent.set(key, now);
      for (const [k, time] of lastSent) if (now - time >= resendAfter * 1000) lastSent.delete(k);
      await codes.send(identifier, { uid: interaction.uid });
      return { resendAfter };
    },

    /** `POST verify-code`: the account id, or 401 `invalid_code` / 429. */
    async verifyCode(body: unknown): Promise<string> {
      if (!codes) throw new KitHttpError(400, 'invalid_request', 'code sign-in is not offered');
      const { identifier, code } = record(body);
      if (typeof code !== 'string' || code.trim() === '' || code.length > 64) {
        throw new KitHttpError(400, 'invalid_request', 'body must be { identifier, code }');
      }
      const id = identifierOf(identifier);
      const account = await limited(
        id,
        () => codes.verify(id, code.replace(/[\s-]/g, '')),
        () => new KitHttpError(401, 'invalid_code', 'wrong or expired code'),
      );
      return account.accountId;
    },

    /** `POST connector`: the upstream URL the browser must navigate to. */
    async startConnector(body: unknown, interaction: SignInInteraction): Promise<string> {
      const { connectorId, identifier } = record(body);
      const offered = await connectorList(interaction);
      if (!deps.connectors || typeof connectorId !== 'string' || !offered.some((c) => c.id === connectorId)) {
        throw new KitHttpError(400, 'invalid_request', 'unknown connector');
      }
      const state = `${interaction.uid}.${randomBytes(24).toString('base64url')}`;
      const now = Date.now();
      for (const [uid, entry] of pending) if (entry.expires <= now) pending.delete(uid);
      pending.set(interaction.uid, { connectorId, state, expires: now + PENDING_TTL_MS });
      const context = { uid: interaction.uid, state, ...(typeof identifier === 'string' && identifier.trim() !== '' && { identifier: identifier.trim() }) };
      const url = safeHttpUrl(await deps.connectors.start(connectorId, context));
      if (!url) throw new Error(`connector ${connectorId} returned a URL that is not http(s)`);
      return url;
    },

    /**
     * `GET <prefix>/callback?state=<uid>.…`: the fixed redirect URI of every connector.
     * Bounces the browser to `<prefix>/<uid>/connector-callback` with the same query, where
     * the interaction cookie is sent. `false` when the request is not this route.
     */
    bounce(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
      if (pathname !== `${deps.prefix}/callback` || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const query = (req.url ?? '').split('?')[1] ?? '';
      const state = new URLSearchParams(query).get('state') ?? '';
      const uid = state.split('.')[0] ?? '';
      res.setHeader('cache-control', 'no-store');
      if (!UID.test(uid)) {
        res.statusCode = 400;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('Missing or malformed state.\n');
        return true;
      }
      res.statusCode = 303;
      res.setHeader('location', `${deps.prefix}/${uid}/connector-callback?${query}`);
      res.end();
      return true;
    },

    /**
     * `GET <prefix>/<uid>/connector-callback`: the account id, or `undefined` after recording
     * an error for the login step (the caller sends the browser back to the sign-in page).
     */
    async finishConnector(interaction: SignInInteraction, query: URLSearchParams): Promise<string | undefined> {
      const entry = pending.get(interaction.uid);
      pending.delete(interaction.uid);
      const fail = () => {
        flash.set(interaction.uid, 'access_denied');
        return undefined;
      };
      if (!deps.connectors || !entry || entry.expires <= Date.now() || query.get('state') !== entry.state) return fail();
      try {
        const account = await deps.connectors.finish(entry.connectorId, { uid: interaction.uid, state: entry.state, query });
        return account?.accountId || fail();
      } catch (error) {
        deps.onError(error);
        return fail();
      }
    },

    /** `POST continue`: the session's account, when it may continue. */
    continueAs(interaction: SignInInteraction): string {
      const accountId = continuableAccount(interaction);
      if (!accountId) throw new KitHttpError(400, 'invalid_request', 'no account may continue at this step');
      return accountId;
    },
  };
}

/** What {@link createSignInFlow} returns. */
export type SignInFlow = ReturnType<typeof createSignInFlow>;
