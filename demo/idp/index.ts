/**
 * The demo identity provider: oidc-provider, the consent-kit bridge mounted on its origin, and a
 * slot for the host's interaction page. State lives in memory (the kit's bounded, expiring
 * adapter and store), or in Redis when given a client: then any number of these processes
 * sharing the Redis, the signing keys and the cookie keys serve the same IdP.
 *
 * Mount order: bridge JSON endpoints → `renderInteraction` for `GET /interaction/<uid>` →
 * `provider.callback()`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import {
  createMemoryStore,
  createOidcMemoryAdapter,
  createOidcProviderBridge,
  type KitStore,
  type OidcAdapterFactory,
  type OidcProviderBridge,
  type OidcProviderBridgeOptions,
  type SignInBridgeOptions,
} from '../../src/server/index.js';
import { createOidcRedisAdapter, createRedisStore } from '../../src/server/redis.js';
import { DEMO_SPA_CLIENT, DEMO_WEB_CLIENT, type ClientMetadata } from './clients.js';
import {
  API_RESOURCE,
  DEMO_ORGANIZATIONS,
  ORGANIZATION_RESOURCE,
  authenticateDemoUser,
  demoOrganizations,
  demoPermissions,
  demoUserInfo,
  findDemoUser,
} from './users.js';

export { demoClients, DEMO_SPA_CLIENT, DEMO_WEB_CLIENT } from './clients.js';
export type { ClientMetadata, DemoClientsOptions } from './clients.js';
export { API_RESOURCE, DEMO_ORGANIZATIONS, DEMO_USERS, ORGANIZATION_RESOURCE } from './users.js';
export type { DemoUser } from './users.js';

/** Renders the host's interaction page for `GET /interaction/<uid>`. */
export type RenderInteraction = (req: IncomingMessage, res: ServerResponse, uid: string) => void | Promise<void>;

/** Options of {@link startIdp}. */
export interface StartIdpOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Always the loopback interface. */
  host?: '127.0.0.1';
  /** Client registrations (see `demoClients`). */
  clients: ClientMetadata[];
  /** The sign-in/consent page; default: a plain-text page saying no UI is mounted. */
  renderInteraction?: RenderInteraction;
  /**
   * Serves anything else the host needs on the IdP's origin (the interaction page's scripts and
   * styles); answers `true` when it handled the request. Runs after the bridge, before the provider.
   */
  serve?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
  /**
   * Sign-in methods besides the password (codes, connectors, attempt limit), given the issuer
   * and the bridge's store (keep codes there, so every instance accepts them).
   */
  signIn?: (issuer: string, store: KitStore) => SignInBridgeOptions;
  /**
   * Keep provider and bridge state in this Redis (the host's client; not closed by `close`).
   * Default: in this process's memory.
   */
  redis?: Redis;
  /** Prefix of every Redis key. Default `consent-kit-demo:`. */
  redisPrefix?: string;
  /** Signing keys (JWKS with private keys). Default: a fresh RS256 key. Instances of one IdP share them. */
  jwks?: { keys: object[] };
  /**
   * The issuer, when this instance serves behind an address of its own (a load balancer that
   * keeps the `Host` header). Default: `http://127.0.0.1:<port it listens on>`.
   */
  issuer?: string;
  /**
   * Puts the IdP's request handler (bridge, page, provider) behind the host's own framework,
   * e.g. an Express app with `express.json()`. Default: the handler as is.
   */
  wrap?: (handler: RequestListener) => RequestListener;
  /** Bridge options over the demo's (tests change a user's permissions through `getPermissions`). */
  bridge?: Partial<OidcProviderBridgeOptions>;
  /**
   * Serve oidc-provider's own server-rendered development pages (`devInteractions`: any login,
   * any password, one Continue button granting everything asked) instead of consent-kit, with
   * the same clients, scopes, claims and resources. Only the flow benchmark (`npm run
   * bench:flow`) uses it, as the baseline the kit is measured against; never a real IdP.
   */
  devInteractions?: boolean;
}

/** A running demo IdP. */
export interface RunningIdp {
  /** `http://127.0.0.1:<port>`, or the `issuer` it was given. */
  issuer: string;
  /** The port this instance listens on. */
  port: number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
  /** The oidc-provider instance (untyped). */
  provider: any;
  /** The consent-kit bridge serving the kit protocol. */
  bridge: OidcProviderBridge;
  /** The bridge's store. */
  store: KitStore;
}

/** Demo API descriptions shown on the consent screen. */
const RESOURCES = {
  [API_RESOURCE]: {
    name: 'Reports API',
    scopes: { 'read:reports': 'Read reports', 'write:reports': 'Create and edit reports' },
    format: 'jwt',
  },
  [ORGANIZATION_RESOURCE]: {
    name: 'Organizations',
    scopes: { 'read:members': 'See organization members', 'invite:members': 'Invite organization members' },
    format: 'opaque',
  },
} as const;

let providerModule: Promise<any> | undefined;

/** Loads oidc-provider once, dropping its "Unsupported runtime" warning on Node 20. */
function loadProvider(): Promise<any> {
  providerModule ??= (async () => {
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime')) return;
      warn.apply(console, args);
    };
    try {
      return await import('oidc-provider');
    } finally {
      console.warn = warn;
    }
  })();
  return providerModule;
}

function defaultRenderInteraction(_req: IncomingMessage, res: ServerResponse, uid: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(`Interaction ${uid}: the consent-kit UI is not mounted on this identity provider.\n`);
}

/** Artifact lifetimes, in seconds (explicit, so oidc-provider does not print notices). */
const TTL = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  ClientCredentials: 10 * 60,
  Grant: 14 * 24 * 60 * 60,
  IdToken: 60 * 60,
  Interaction: 60 * 60,
  RefreshToken: 14 * 24 * 60 * 60,
  Session: 14 * 24 * 60 * 60,
};

/** A fresh RS256 signing key (the in-memory demo keeps no state across restarts anyway). */
export function signingKeys(): { keys: object[] } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'demo-rs256', alg: 'RS256', use: 'sig' }] };
}

const INTERACTION_PAGE = /^\/interaction\/([A-Za-z0-9_-]+)\/?$/;

/** Starts the demo IdP on 127.0.0.1. */
export async function startIdp(options: StartIdpOptions): Promise<RunningIdp> {
  const { default: Provider, errors } = await loadProvider();
  const render = options.renderInteraction ?? defaultRenderInteraction;

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const listener: RequestListener = (req, res) => handler(req, res);
  const server = createServer(options.wrap ? options.wrap(listener) : listener);
  // Node closes idle keep-alive connections after 5 s, which races clients (browsers, undici)
  // that reuse a connection just as it closes: ECONNRESET under load. Outlive their idle timeout.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const issuer = options.issuer ?? `http://127.0.0.1:${port}`;

  // The bridge is created after the provider; findAccount only runs once requests flow.
  let bridge: OidcProviderBridge | undefined;
  const organizationsForGrant = (grantId: string | undefined) =>
    bridge?.organizationsForGrant(grantId) ?? Promise.resolve([]);

  const prefix = options.redisPrefix ?? 'consent-kit-demo:';
  const store = options.redis
    ? createRedisStore({ client: options.redis, prefix: `${prefix}kit:` })
    : createMemoryStore();
  const adapter: OidcAdapterFactory = options.redis
    ? createOidcRedisAdapter(options.redis, { prefix: `${prefix}oidc:` })
    : createOidcMemoryAdapter();

  const provider = new Provider(issuer, {
    adapter,
    clients: options.clients,
    jwks: options.jwks ?? signingKeys(),
    ttl: TTL,
    cookies: { keys: ['consent-kit-demo-cookie-key-1', 'consent-kit-demo-cookie-key-0'] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username'],
      email: ['email', 'email_verified'],
      organizations: ['organizations'],
      // No scope releases it: only a `claims` request asks for it (and the user may refuse).
      department: null,
    },
    scopes: ['openid', 'offline_access', 'profile', 'email', 'organizations'],
    conformIdTokenClaims: false,
    // `organization_id` (Logto's name) targets one organization: its branding on the screens.
    extraParams: ['organization_id'],
    clientBasedCORS(_ctx: unknown, origin: string, client: any) {
      return origin !== 'null' && client.redirectUris.some((uri: string) => URL.parse(uri)?.origin === origin);
    },
    pkce: { required: (_ctx: unknown, client: any) => client.clientAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: options.devInteractions === true },
      // Apps may ask for single claims (`claims={"id_token":{"email":null}}`); the consent
      // screen lists those no requested scope releases, each refusable.
      claimsParameter: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx: unknown, _client: unknown, oneOf?: string | string[]) => {
          if (Array.isArray(oneOf)) return oneOf.includes(API_RESOURCE) ? API_RESOURCE : oneOf[0];
          return oneOf;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== API_RESOURCE && indicator !== ORGANIZATION_RESOURCE) throw new errors.InvalidTarget();
          const resource = RESOURCES[indicator];
          return {
            scope: Object.keys(resource.scopes).join(' '),
            audience: indicator,
            accessTokenTTL: 60 * 60,
            accessTokenFormat: resource.format,
            ...(resource.format === 'jwt' ? { jwt: { sign: { alg: 'RS256' } } } : {}),
          };
        },
      },
    },
    // The development pages mount at the provider's own `/interaction/:uid` and set this themselves.
    ...(!options.devInteractions && {
      interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    }),
    // "Remember this decision": only a grant the user asked to remember skips consent next time.
    loadExistingGrant: (ctx: unknown) => bridge?.loadExistingGrant(ctx),
    async findAccount(ctx: any, sub: string, token?: { grantId?: string }) {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      const grantId = token?.grantId ?? ctx?.oidc?.entities?.Grant?.jti;
      return {
        accountId: user.accountId,
        async claims() {
          const [givenName, ...familyName] = user.displayName.split(' ');
          return {
            sub: user.accountId,
            name: user.displayName,
            given_name: givenName,
            family_name: familyName.join(' '),
            preferred_username: user.username,
            department: user.department,
            email: user.email,
            email_verified: true,
            organizations: await organizationsForGrant(grantId),
          };
        },
      };
    },
    async extraTokenClaims(_ctx: unknown, token: { grantId?: string; kind?: string }) {
      const organizations = await organizationsForGrant(token.grantId);
      return organizations.length > 0 ? { organizations } : undefined;
    },
  });

  bridge = createOidcProviderBridge(provider, {
    ...options.signIn?.(issuer, store),
    store,
    authenticate: authenticateDemoUser,
    findUser: demoUserInfo,
    getPermissions: demoPermissions,
    getOrganizations: demoOrganizations,
    organizationResource: ORGANIZATION_RESOURCE,
    // The web app acts for one organization at a time; the SPA may be given several.
    organizationSelection: ({ client }) => (client.clientId === DEMO_SPA_CLIENT.id ? 'multiple' : 'single'),
    rememberDecisions: true,
    // Both apps are third-party; the operator has verified the web app's publisher only.
    // The web app brings its own brand color (teal), over the operator's default.
    describeClient: (client) => ({
      party: 'third',
      verified: client.clientId === DEMO_WEB_CLIENT.id,
      ...(client.clientId === DEMO_WEB_CLIENT.id && { branding: { brand: { light: '#0e7490', dark: '#67e8f9' } } }),
    }),
    // `?organization_id=org_acme` shows Acme's brand color (amber) over the web app's.
    describeOrganization: (id) =>
      id === DEMO_ORGANIZATIONS.acme.id
        ? { name: DEMO_ORGANIZATIONS.acme.name, branding: { brand: { light: '#b45309', dark: '#fbbf24' } } }
        : undefined,
    // The demo's own claim; standard claims are described by the kit's locale files.
    describeClaim: (claim) =>
      claim === 'department'
        ? { description: 'Your department', descriptions: { ko: '소속 부서', ja: '所属部署' } }
        : undefined,
    describeResource: (indicator) => {
      if (indicator !== API_RESOURCE && indicator !== ORGANIZATION_RESOURCE) return undefined;
      const { name, scopes } = RESOURCES[indicator];
      return { name, scopes: { ...scopes } };
    },
    ...options.bridge,
  });
  const activeBridge = bridge;
  const callback = provider.callback();

  handler = (req, res) => {
    if (options.devInteractions) return void callback(req, res);
    void activeBridge.handle(req, res, () => {
      const match = req.method === 'GET' ? INTERACTION_PAGE.exec((req.url ?? '/').split('?')[0]!) : null;
      if (match?.[1]) {
        Promise.resolve(render(req, res, match[1])).catch((error: unknown) => {
          console.error('demo idp: renderInteraction failed', error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
        return;
      }
      if (!options.serve) return void callback(req, res);
      options.serve(req, res).then(
        (handled) => {
          if (!handled) callback(req, res);
        },
        (error: unknown) => {
          console.error('demo idp: serve failed', error);
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        },
      );
    });
  };

  return {
    issuer,
    port,
    provider,
    bridge: activeBridge,
    store,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
