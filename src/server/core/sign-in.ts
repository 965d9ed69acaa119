/**
 * The sign-in half of the oidc-provider bridge: what the login step offers (identifier kinds,
 * password, one-time codes, connectors, "Continue as", links) and the endpoints that sign in
 * (`login`, `send-code`, `verify-code`, `connector` + its callback, `continue`), with the
 * failed-attempt limits of `core/limits.ts`.
 *
 * Provider-neutral: it sees the interaction through `InteractionDetailsLike` and returns the
 * account id to finish the login with; the bridge turns that into `interactionResult`. Its state
 * (resend windows, connector sign-ins in progress, the error to show once on the sign-in step,
 * attempt counts) lives in the bridge's store, so any instance may serve any request.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  Connector,
  IdentifierKind,
  LoginRequest,
  SignInAttempt,
  SignInMethod,
  SignInMethods,
  UserInfo,
} from '../../protocol/interaction.js';
import { ssoConnectorFor } from '../../protocol/sso.js';
import type { InteractionErrorCode } from '../../protocol/errors.js';
import type { CodeSent } from '../../protocol/interaction.js';
import { safeHttpUrl } from '../../protocol/url.js';
import {
  createSignInLimits,
  normalizeIdentifier,
  tooManyAttempts,
  type AttemptLimitOptions,
  type AttemptSubject,
  type SignInLimits,
} from './limits.js';
import type { JsonValue, KitStore } from './store.js';
import type { KitRedirectResponse } from '../../protocol/kit.js';
import { KitHttpError } from './http.js';
import { pickUser } from './steps.js';

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
  /**
   * The upstream authorization URL to send the browser to; or that URL plus `data` the
   * connector needs back in `finish` (a PKCE verifier, a nonce). The bridge keeps `data` in its
   * store with the sign-in in progress, so `finish` may run on another instance: a connector
   * keeps nothing in its own memory.
   */
  start(connectorId: string, context: ConnectorContext & { identifier?: string }): Promise<string | ConnectorStart>;
  /**
   * Completes the upstream sign-in from the callback's query (code exchange, token checks)
   * and maps the upstream identity to a local account; `null` when it failed or was refused.
   * Called only when the callback's `state` is the one the bridge handed to `start`.
   */
  finish(
    connectorId: string,
    context: ConnectorContext & { query: URLSearchParams; data?: JsonValue },
  ): Promise<{ accountId: string } | null>;
}

/** What a connector's `start` may return besides a bare URL. */
export interface ConnectorStart {
  /** The upstream authorization URL. */
  url: string;
  /** Kept by the bridge (JSON, in its store) and handed back to `finish`. */
  data?: JsonValue;
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
  /**
   * How the account an identifier names signs in, when not the default way (every method the
   * step offers: the password, and codes when `sendCode` is set), e.g. `['code']` for an account
   * without a password. Return `undefined` for an identifier with no account and for an account
   * of the default kind: the bridge answers both with the default, so `POST identify` never says
   * whether an account exists. It does say that an identifier's account is of another kind
   * (that it exists, then): leave this out if that must stay secret. Setting it makes the step
   * carry `identify: true`, and the screen goes straight to the code for such accounts.
   */
  signInMethods?(identifier: string): Promise<SignInMethod[] | undefined>;
  /**
   * The account an identifier (email, username, phone) names, without checking any secret;
   * `undefined` when none. Lets the limits count failures per account as well as per identifier,
   * so an account's email and username share one count. Optional: without it, failures count
   * per identifier (and per client address).
   */
  resolveAccount?(identifier: string): Promise<string | undefined>;
  /**
   * The client's address, for the per-address limit. Default: the socket's remote address.
   * Behind a reverse proxy, return the address the proxy reports (only a header your own proxy
   * sets: a client can send any `X-Forwarded-For`).
   */
  clientIp?(req: IncomingMessage): string | undefined;
  /** Characters per code, for the code input. Default 6. */
  codeLength?: number;
  /** Seconds before another code may be sent to the same identifier. Default 30. */
  resendAfter?: number;
  /** Social and SSO connectors. */
  connectors?: ConnectorHost;
  /** Account links shown on the sign-in screen (http(s) only; others are dropped). */
  links?: { createAccount?: string; forgotPassword?: string };
  /**
   * Failed password and code attempts before a method (or an address) is locked, answered
   * `429 too_many_attempts` with `Retry-After`. See `core/limits.ts` and the README for the
   * policy. Default: 5 failures per identifier or account in 15 minutes lock that method for
   * 15 minutes; 50 per client address lock the address; 50 codes sent from one address in
   * 15 minutes stop `send-code` from it for 15 minutes. Counted in the bridge's `store`
   * (shared by every instance with the Redis store). `false` turns limiting off (then it is the
   * host's job).
   */
  attemptLimit?: AttemptLimitOptions | false;
}

/** What the flow needs from the bridge besides {@link SignInBridgeOptions}. */
export interface SignInFlowDependencies extends SignInBridgeOptions {
  authenticate(identifier: string, password: string): Promise<{ accountId: string } | null>;
  findUser(accountId: string): Promise<UserInfo>;
  /** The bridge's path prefix: connectors come back to `<prefix>/callback`. */
  prefix: string;
  /** Where the connector callback of interaction `uid` is served (the bridge routes it to `connectorCallback`). */
  callbackPath(uid: string): string;
  onError(error: unknown): void;
  /** Where the flow keeps its state. */
  store: KitStore;
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

/** Seconds a connector sign-in may take, and an error waits to be shown on the sign-in step. */
const PENDING_TTL_SECONDS = 10 * 60;
/** An interaction uid, or a Hydra challenge (long, base64url). */
const UID = /^[A-Za-z0-9_~-]{1,4096}$/;
const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest('base64url');

/** The error the sign-in step shows once, as kept in the store (a bare code from earlier versions). */
type Flash = InteractionErrorCode | { error: InteractionErrorCode; connector?: { id: string; cancelled: boolean } };

/** A connector sign-in in progress, as kept in the store. */
interface PendingConnector {
  connectorId: string;
  state: string;
  data?: JsonValue;
}

function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

function identifierOf(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 512) {
    throw new KitHttpError(400, 'invalid_request', 'identifier must be a non-empty string');
  }
  return value.trim();
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
  const { store } = deps;
  const limits: SignInLimits | undefined =
    deps.attemptLimit === false ? undefined : createSignInLimits(store, deps.attemptLimit || {});
  const codes = deps.sendCode && deps.verifyCode ? { send: deps.sendCode, verify: deps.verifyCode } : undefined;
  const resendAfter = deps.resendAfter ?? 30;
  const links = {
    createAccount: safeHttpUrl(deps.links?.createAccount),
    forgotPassword: safeHttpUrl(deps.links?.forgotPassword),
  };
  const keys = {
    /** The error the sign-in step shows once (a failed connector sign-in). */
    flash: (uid: string) => `sign-in:flash:${uid}`,
    /** The connector sign-in in progress for an interaction. */
    connector: (uid: string) => `sign-in:connector:${uid}`,
    /** When a code was last sent to an account (or identifier). */
    resend: (subject: AttemptSubject) =>
      `sign-in:resend:${digest(
        subject.accountId ? `account\0${subject.accountId}` : `identifier\0${normalizeIdentifier(subject.identifier)}`,
      )}`,
  };

  let proxyReported = false;
  /**
   * Behind a reverse proxy the socket's address is the proxy's: without `clientIp` every client
   * shares one count, and one stranger's failures lock everyone's sign-in. Said once.
   */
  function reportProxy(req: IncomingMessage): void {
    if (proxyReported || deps.clientIp || !limits) return;
    if (req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined) return;
    proxyReported = true;
    deps.onError(
      new Error(
        'consent-kit: sign-in requests come through a proxy (X-Forwarded-For / Forwarded) but no clientIp option is set: ' +
          'the sign-in limits count every client as the proxy, so one client can lock everyone out. ' +
          'Set clientIp(req) to the address your own proxy reports.',
      ),
    );
  }

  /** The client's address (see {@link subjectOf}). */
  function addressOf(req: IncomingMessage): string | undefined {
    reportProxy(req);
    const ip = deps.clientIp ? deps.clientIp(req) : req.socket?.remoteAddress;
    // A socket forgets its peer once closed: a client that hangs up right after sending would
    // otherwise be counted against no address (it needs no answer to spray a password or have
    // codes sent). Its attempt is not made.
    if (ip === undefined && !deps.clientIp && req.socket?.destroyed) {
      throw new KitHttpError(400, 'invalid_request', 'the client closed the connection');
    }
    return typeof ip === 'string' && ip !== '' ? ip : undefined;
  }

  /** Who an attempt is for: the identifier, the account it names (if the host says), the address. */
  async function subjectOf(identifier: string, req: IncomingMessage): Promise<AttemptSubject> {
    const accountId = await deps.resolveAccount?.(identifier);
    const ip = addressOf(req);
    return {
      identifier,
      ...(typeof accountId === 'string' && accountId !== '' && { accountId }),
      ...(ip !== undefined && { ip }),
    };
  }

  /** Runs one attempt under the limits (when on). */
  async function limited<T>(
    method: 'password' | 'code',
    subject: AttemptSubject,
    attempt: () => Promise<T | null>,
    failure: () => KitHttpError,
  ): Promise<T> {
    if (!limits) {
      const outcome = await attempt();
      if (outcome === null) throw failure();
      return outcome;
    }
    return limits.attempt(method, subject, attempt, failure);
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
      if (accountId) login.session = pickUser(await deps.findUser(accountId), accountId);
      if (links.createAccount) login.createAccountUrl = links.createAccount;
      if (links.forgotPassword) login.forgotPasswordUrl = links.forgotPassword;
      if (deps.signInMethods) login.identify = true;
      const flash = await store.take<Flash>(keys.flash(interaction.uid));
      if (typeof flash === 'string') login.error = flash;
      else if (flash) {
        login.error = flash.error;
        if (flash.connector) login.failedConnector = flash.connector;
      }
      return login;
    },

    /**
     * `POST identify`: the methods the identifier signs in with, among those offered. The same
     * answer for an identifier without an account as for one of the default kind. Counted per
     * client address (`maxIdentifyPerIp`): an account of another kind is told apart, so past its
     * look-ups an address gets that same default answer for every identifier.
     */
    async identify(body: unknown, req: IncomingMessage): Promise<SignInMethods> {
      if (!deps.signInMethods) throw new KitHttpError(400, 'invalid_request', 'sign-in methods are not told');
      const identifier = identifierOf(record(body).identifier);
      const offered: SignInMethod[] = [
        ...(deps.password !== false ? ['password' as const] : []),
        ...(codes ? ['code' as const] : []),
      ];
      const ip = addressOf(req);
      if (limits && !(await limits.reserveLookup({ identifier, ...(ip !== undefined && { ip }) }))) {
        return { methods: offered };
      }
      const told = await deps.signInMethods(identifier);
      const methods = Array.isArray(told) ? offered.filter((method) => told.includes(method)) : [];
      return { methods: methods.length > 0 ? methods : offered };
    },

    /** `POST login`: the account id, or 401 / 429. */
    async login(body: unknown, req: IncomingMessage): Promise<string> {
      if (deps.password === false) throw new KitHttpError(400, 'invalid_request', 'password sign-in is not offered');
      const { identifier, password } = record(body);
      if (typeof identifier !== 'string' || typeof password !== 'string' || password === '' || password.length > 1024) {
        throw new KitHttpError(400, 'invalid_request', 'body must be { identifier, password }');
      }
      const id = identifierOf(identifier);
      const account = await limited(
        'password',
        await subjectOf(id, req),
        () => deps.authenticate(id, password),
        () => new KitHttpError(401, 'invalid_credentials', 'wrong identifier or password'),
      );
      return account.accountId;
    },

    /**
     * `POST send-code`: the same answer whether or not the identifier has an account. 429 with
     * `Retry-After` (and nothing sent) while code sign-in is locked for the identifier, or
     * within `resendAfter` seconds of the last code to the same account, on any instance.
     */
    async sendCode(body: unknown, interaction: SignInInteraction, req: IncomingMessage): Promise<CodeSent> {
      if (!codes) throw new KitHttpError(400, 'invalid_request', 'code sign-in is not offered');
      const identifier = identifierOf(record(body).identifier);
      const subject = await subjectOf(identifier, req);
      const locked = (await limits?.lockedFor('code', subject)) ?? 0;
      if (locked > 0) throw tooManyAttempts(locked);
      // Counted per address before anything is sent, given back when nothing is.
      const giveBack = (await limits?.reserveCode(subject)) ?? (async () => undefined);
      const now = Date.now();
      if (!(await store.add(keys.resend(subject), now, resendAfter))) {
        await giveBack();
        const sentAt = await store.get<number>(keys.resend(subject));
        const wait = typeof sentAt === 'number' ? (sentAt + resendAfter * 1000 - now) / 1000 : resendAfter;
        throw tooManyAttempts(Math.min(resendAfter, Math.max(1, wait)));
      }
      try {
        await codes.send(identifier, { uid: interaction.uid });
      } catch (error) {
        await giveBack();
        throw error;
      }
      return { resendAfter };
    },

    /** `POST verify-code`: the account id, or 401 `invalid_code` / 429. */
    async verifyCode(body: unknown, req: IncomingMessage): Promise<string> {
      if (!codes) throw new KitHttpError(400, 'invalid_request', 'code sign-in is not offered');
      const { identifier, code } = record(body);
      if (typeof code !== 'string' || code.trim() === '' || code.length > 64) {
        throw new KitHttpError(400, 'invalid_request', 'body must be { identifier, code }');
      }
      const id = identifierOf(identifier);
      const account = await limited(
        'code',
        await subjectOf(id, req),
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
      const context = {
        uid: interaction.uid,
        state,
        ...(typeof identifier === 'string' && identifier.trim() !== '' && { identifier: identifier.trim() }),
      };
      const started = await deps.connectors.start(connectorId, context);
      const url = safeHttpUrl(typeof started === 'string' ? started : started?.url);
      if (!url) throw new Error(`connector ${connectorId} returned a URL that is not http(s)`);
      const pending: PendingConnector = { connectorId, state };
      if (typeof started === 'object' && started.data !== undefined) pending.data = started.data;
      // One sign-in in progress per interaction: starting again replaces the earlier one.
      await store.set(keys.connector(interaction.uid), pending as unknown as JsonValue, PENDING_TTL_SECONDS);
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
      res.setHeader('location', `${deps.callbackPath(uid)}?${query}`);
      res.end();
      return true;
    },

    /**
     * The connector callback (a top-level navigation, answered with redirects): on success to
     * where `finish(accountId)` says the provider goes on; on failure back to the sign-in page
     * (`back`), which shows `access_denied` once. When the interaction is gone, a short page.
     */
    async connectorCallback(
      req: IncomingMessage,
      res: ServerResponse,
      interaction: () => Promise<SignInInteraction>,
      finish: (accountId: string) => Promise<string>,
      back: string,
    ): Promise<void> {
      try {
        const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
        const accountId = await this.finishConnector(await interaction(), query);
        redirect(res, accountId ? await finish(accountId) : back);
      } catch (error) {
        if (!(error instanceof KitHttpError)) deps.onError(error);
        if (res.headersSent) return void res.destroy();
        if (error instanceof KitHttpError && error.redirectTo) return redirect(res, error.redirectTo);
        res.statusCode = error instanceof KitHttpError ? error.status : 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(
          error instanceof KitHttpError && error.code === 'interaction_expired'
            ? 'This sign-in request has expired.\n'
            : 'Sign-in failed.\n',
        );
      }
    },

    /**
     * Answers the sign-in endpoints (`login`, `send-code`, `verify-code`, `connector`,
     * `continue`) of a step that expects a sign-in; `finish(accountId)` ends the login the
     * provider's way and says where the browser goes. `form`: a plain HTML form post (see
     * {@link continueFrom}).
     */
    async answer(
      endpoint: SignInEndpoint,
      body: unknown,
      interaction: SignInInteraction,
      req: IncomingMessage,
      finish: (accountId: string) => Promise<KitRedirectResponse>,
      form = false,
    ): Promise<KitRedirectResponse | CodeSent | SignInMethods | SignInAttempt> {
      switch (endpoint) {
        case 'login':
          if (form && record(body).password === undefined) return this.continueFrom(body, interaction, req);
          return finish(await this.login(body, req));
        case 'send-code':
          return this.sendCode(body, interaction, req);
        case 'verify-code':
          return finish(await this.verifyCode(body, req));
        case 'connector':
          return { redirectTo: await this.startConnector(body, interaction) };
        case 'identify':
          return this.identify(body, req);
        default:
          return finish(this.continueAs(interaction));
      }
    },

    /**
     * `GET <prefix>/<uid>/connector-callback`: the account id, or `undefined` after recording
     * an error for the login step (the caller sends the browser back to the sign-in page).
     */
    async finishConnector(interaction: SignInInteraction, query: URLSearchParams): Promise<string | undefined> {
      // Taken, not read: a callback is used once, on whichever instance it lands.
      const entry = (await store.take(keys.connector(interaction.uid))) as PendingConnector | undefined;
      const fail = async () => {
        // The sign-in step names the connector, and says so when the user cancelled there: the
        // upstream provider answered `error=access_denied` (RFC 6749 §4.1.2.1).
        const flash: Flash = entry
          ? {
              error: 'access_denied',
              connector: { id: entry.connectorId, cancelled: query.get('error') === 'access_denied' },
            }
          : 'access_denied';
        await store.set(keys.flash(interaction.uid), flash as JsonValue, PENDING_TTL_SECONDS);
        return undefined;
      };
      if (!deps.connectors || !entry || typeof entry.state !== 'string' || query.get('state') !== entry.state)
        return fail();
      try {
        const account = await deps.connectors.finish(entry.connectorId, {
          uid: interaction.uid,
          state: entry.state,
          query,
          ...(entry.data !== undefined && { data: entry.data }),
        });
        return account?.accountId || fail();
      } catch (error) {
        deps.onError(error);
        return fail();
      }
    },

    /**
     * A `login` form post without a password (the identifier view's Continue, posted before the
     * screen's script ran): where the screen's Continue would go — the SSO connector the email's
     * domain belongs to, the password view, or, when only codes are offered, a code sent and the
     * code view.
     */
    async continueFrom(
      body: unknown,
      interaction: SignInInteraction,
      req: IncomingMessage,
    ): Promise<KitRedirectResponse | SignInAttempt> {
      const identifier = identifierOf(record(body).identifier);
      const sso = ssoConnectorFor(identifier, await connectorList(interaction));
      if (sso) return { redirectTo: await this.startConnector({ connectorId: sso.id, identifier }, interaction) };
      // As the screen's Continue does: an account the host says has no password goes to its code.
      const codeOnly =
        deps.password === false ||
        (codes !== undefined &&
          deps.signInMethods !== undefined &&
          !(await this.identify({ identifier }, req)).methods.includes('password'));
      if (!codeOnly) return { view: 'password', identifier };
      const { resendAfter } = await this.sendCode({ identifier }, interaction, req);
      return { view: 'code', identifier, resendAfter };
    },

    /** `POST continue`: the session's account, when it may continue. */
    continueAs(interaction: SignInInteraction): string {
      const accountId = continuableAccount(interaction);
      if (!accountId) throw new KitHttpError(400, 'invalid_request', 'no account may continue at this step');
      return accountId;
    },
  };
}

/** The kit endpoints that sign in. */
export type SignInEndpoint = 'login' | 'send-code' | 'verify-code' | 'connector' | 'continue' | 'identify';

/** Whether `endpoint` is one of the {@link SignInEndpoint}s. */
export function isSignInEndpoint(endpoint: string): endpoint is SignInEndpoint {
  return (
    endpoint === 'login' ||
    endpoint === 'send-code' ||
    endpoint === 'verify-code' ||
    endpoint === 'connector' ||
    endpoint === 'continue' ||
    endpoint === 'identify'
  );
}

function redirect(res: ServerResponse, location: string): void {
  res.statusCode = 303;
  res.setHeader('location', location);
  res.setHeader('cache-control', 'no-store');
  res.end();
}

/** What {@link createSignInFlow} returns. */
export type SignInFlow = ReturnType<typeof createSignInFlow>;
