/**
 * The client hands out only http(s) URLs, whatever the adapter: every URL field of every
 * adapter is driven with each unsafe scheme (the kit's safe-URL list, mixed case, leading
 * whitespace, embedded tabs and newlines) and must come out absent, while an https URL in the
 * same field comes out as sent. A native app's custom-scheme redirect URI is moved to
 * `nativeRedirectUri`, text only.
 */
import { describe, expect, it } from 'vitest';
import { betterAuthAdapter } from '../../../src/client/adapters/better-auth.js';
import { logtoAdapter } from '../../../src/client/adapters/logto.js';
import { supabaseAdapter } from '../../../src/client/adapters/supabase.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';
import type { ConsentStep, InteractionStep, LoginStep } from '../../../src/protocol/interaction.js';
import { kitConsentPayload, kitFullLoginPayload, kitSessionLoginPayload } from '../../fixtures/kit-protocol.js';
import { logtoConsentInfo } from '../../fixtures/logto/payloads.js';
import { AUTHORIZATION_ID, SUPABASE_URL, supabaseAuthorization } from '../../fixtures/supabase/payloads.js';
import { kitClientAnswering, stubFetch } from './fetch-stub.js';

/** URLs that must never reach a host's `href` or `src`. */
const UNSAFE = [
  'javascript:alert(document.domain)',
  'JaVaScRiPt:alert(1)',
  '  javascript:alert(1)',
  '\t\njavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  ' data:image/svg+xml,<svg onload=alert(1)>',
  'vbscript:msgbox(1)',
  'VbScript:msgbox(1)',
  'vb\tscript:msgbox(1)',
  'file:///etc/passwd',
  'FILE:///C:/Windows/win.ini',
  ' file:///etc/passwd',
];
const SAFE = 'https://cdn.example.com/safe/logo.svg';

type Loader = (value: string) => Promise<InteractionStep>;
interface Field {
  name: string;
  load: Loader;
  read: (step: InteractionStep) => unknown;
}

const copy = <T>(value: T): any => structuredClone(value);
const consent = (step: InteractionStep) => step as ConsentStep;
const login = (step: InteractionStep) => step as LoginStep;

// ---------------------------------------------------------------------------------------------
// One loader per adapter: the value goes into the provider's own payload field.
// ---------------------------------------------------------------------------------------------

const kit = kitClientAnswering('/interaction/uid-1');
function kitField(name: string, base: unknown, set: (payload: any, value: string) => void, read: Field['read']): Field {
  return {
    name: `kit ${name}`,
    load: (value) => {
      const payload = copy(base);
      set(payload, value);
      return kit(200, payload).client.load();
    },
    read,
  };
}

function logtoConsentField(name: string, set: (payload: any, value: string) => void, read: Field['read']): Field {
  return {
    name: `logto ${name}`,
    load: (value) => {
      const payload = copy(logtoConsentInfo);
      set(payload, value);
      return createInteractionClient(logtoAdapter({ step: 'consent' }), {
        fetch: stubFetch(200, payload).fetch,
      }).load();
    },
    read,
  };
}

function logtoSignInField(name: string, set: (application: any, value: string) => void, read: Field['read']): Field {
  return {
    name: `logto sign-in application.${name}`,
    load: (value) => {
      const application: any = { id: 'app', name: 'App' };
      set(application, value);
      return createInteractionClient(logtoAdapter({ step: 'sign-in', application }), {
        fetch: stubFetch(500).fetch,
      }).load();
    },
    read,
  };
}

const betterAuthSession = {
  session: { id: 's', userId: 'u1' },
  user: { id: 'u1', name: 'Alice', email: 'alice@demo.test', image: null },
};
const betterAuthClient = { client_id: 'reports', client_name: 'Reports Hub' };
function betterAuthField(
  name: string,
  set: (answers: { session: any; client: any; query: URLSearchParams }, value: string) => void,
  read: Field['read'],
): Field {
  return {
    name: `better-auth ${name}`,
    load: (value) => {
      const answers = {
        session: copy(betterAuthSession),
        client: copy(betterAuthClient),
        query: new URLSearchParams({
          response_type: 'code',
          client_id: 'reports',
          scope: 'openid email',
          exp: '1',
          sig: 'abc',
        }),
      };
      set(answers, value);
      const fetch = (async (input: RequestInfo | URL) => {
        const path = new URL(String(input), 'https://idp.test').pathname;
        const body = path.endsWith('/get-session') ? answers.session : answers.client;
        return new Response(JSON.stringify(body), { status: 200 });
      }) as typeof globalThis.fetch;
      const adapter = betterAuthAdapter({ baseUrl: 'https://idp.test/api/auth', query: `?${answers.query}` });
      return createInteractionClient(adapter, { fetch }).load();
    },
    read,
  };
}

function supabaseField(name: string, set: (payload: any, value: string) => void, read: Field['read']): Field {
  return {
    name: `supabase ${name}`,
    load: (value) => {
      const payload = copy(supabaseAuthorization);
      set(payload, value);
      const adapter = supabaseAdapter({
        url: SUPABASE_URL,
        authorizationId: AUTHORIZATION_ID,
        apiKey: 'k',
        accessToken: () => 't',
      });
      return createInteractionClient(adapter, { fetch: stubFetch(200, payload).fetch }).load();
    },
    read,
  };
}

// ---------------------------------------------------------------------------------------------
// Every URL field each adapter fills.
// ---------------------------------------------------------------------------------------------

const redirectOf = (step: InteractionStep) => step.client.redirectUri;

const FIELDS: Field[] = [
  kitField(
    'client.logo.light',
    kitConsentPayload,
    (p, v) => (p.client.logo.light = v),
    (s) => s.client.logo?.light,
  ),
  kitField(
    'client.logo.dark',
    kitConsentPayload,
    (p, v) => (p.client.logo = { dark: v }),
    (s) => s.client.logo?.dark,
  ),
  kitField(
    'client.homepage',
    kitConsentPayload,
    (p, v) => (p.client.homepage = v),
    (s) => s.client.homepage,
  ),
  kitField(
    'client.policyUrl',
    kitConsentPayload,
    (p, v) => (p.client.policyUrl = v),
    (s) => s.client.policyUrl,
  ),
  kitField(
    'client.termsUrl',
    kitConsentPayload,
    (p, v) => (p.client.termsUrl = v),
    (s) => s.client.termsUrl,
  ),
  kitField('client.redirectUri', kitConsentPayload, (p, v) => (p.client.redirectUri = v), redirectOf),
  kitField(
    'client.branding.logo.light',
    kitConsentPayload,
    (p, v) => (p.client.branding = { brand: { light: '#0e7490' }, logo: { light: v } }),
    (s) => s.client.branding?.logo?.light,
  ),
  kitField(
    'organization.branding.logo.dark',
    kitConsentPayload,
    (p, v) => (p.organization = { id: 'org', name: 'Org', branding: { logo: { dark: v } } }),
    (s) => s.organization?.branding?.logo?.dark,
  ),
  kitField(
    'user.avatar',
    kitConsentPayload,
    (p, v) => (p.user.avatar = v),
    (s) => consent(s).user.avatar,
  ),
  kitField(
    'login.createAccountUrl',
    kitFullLoginPayload,
    (p, v) => (p.login.createAccountUrl = v),
    (s) => login(s).login.createAccountUrl,
  ),
  kitField(
    'login.forgotPasswordUrl',
    kitFullLoginPayload,
    (p, v) => (p.login.forgotPasswordUrl = v),
    (s) => login(s).login.forgotPasswordUrl,
  ),
  kitField(
    'login.connectors[0].logo.light',
    kitFullLoginPayload,
    (p, v) => (p.login.connectors[0].logo = { light: v }),
    (s) => login(s).login.connectors?.[0]?.logo?.light,
  ),
  kitField(
    'login.connectors[0].logo.dark',
    kitFullLoginPayload,
    (p, v) => (p.login.connectors[0].logo = { dark: v }),
    (s) => login(s).login.connectors?.[0]?.logo?.dark,
  ),
  kitField(
    'login.session.avatar',
    kitSessionLoginPayload,
    (p, v) => (p.login.session.avatar = v),
    (s) => login(s).login.session?.avatar,
  ),
  kitField(
    'login step client.homepage',
    kitFullLoginPayload,
    (p, v) => (p.client.homepage = v),
    (s) => s.client.homepage,
  ),

  logtoConsentField(
    'application.branding.logoUrl',
    (p, v) => (p.application.branding.logoUrl = v),
    (s) => s.client.logo?.light,
  ),
  logtoConsentField(
    'application.branding.darkLogoUrl',
    (p, v) => (p.application.branding.darkLogoUrl = v),
    (s) => s.client.logo?.dark,
  ),
  logtoConsentField(
    'application.privacyPolicyUrl',
    (p, v) => (p.application.privacyPolicyUrl = v),
    (s) => s.client.policyUrl,
  ),
  logtoConsentField(
    'application.termsOfUseUrl',
    (p, v) => (p.application.termsOfUseUrl = v),
    (s) => s.client.termsUrl,
  ),
  logtoConsentField('redirectUri', (p, v) => (p.redirectUri = v), redirectOf),
  logtoConsentField(
    'user.avatar',
    (p, v) => (p.user.avatar = v),
    (s) => consent(s).user.avatar,
  ),
  logtoSignInField(
    'logo.light',
    (a, v) => (a.logo = { light: v }),
    (s) => s.client.logo?.light,
  ),
  logtoSignInField(
    'homepage',
    (a, v) => (a.homepage = v),
    (s) => s.client.homepage,
  ),
  logtoSignInField(
    'termsUrl',
    (a, v) => (a.termsUrl = v),
    (s) => s.client.termsUrl,
  ),
  logtoSignInField(
    'policyUrl',
    (a, v) => (a.policyUrl = v),
    (s) => s.client.policyUrl,
  ),
  logtoSignInField('redirectUri', (a, v) => (a.redirectUri = v), redirectOf),

  betterAuthField(
    'client logo_uri',
    (a, v) => (a.client.logo_uri = v),
    (s) => s.client.logo?.light,
  ),
  betterAuthField(
    'client client_uri',
    (a, v) => (a.client.client_uri = v),
    (s) => s.client.homepage,
  ),
  betterAuthField(
    'client policy_uri',
    (a, v) => (a.client.policy_uri = v),
    (s) => s.client.policyUrl,
  ),
  betterAuthField(
    'client tos_uri',
    (a, v) => (a.client.tos_uri = v),
    (s) => s.client.termsUrl,
  ),
  betterAuthField('query redirect_uri', (a, v) => a.query.set('redirect_uri', v), redirectOf),
  betterAuthField(
    'user image',
    (a, v) => (a.session.user.image = v),
    (s) => consent(s).user.avatar,
  ),

  supabaseField(
    'client.logo_uri',
    (p, v) => (p.client.logo_uri = v),
    (s) => s.client.logo?.light,
  ),
  supabaseField(
    'client.uri',
    (p, v) => (p.client.uri = v),
    (s) => s.client.homepage,
  ),
  supabaseField('redirect_uri', (p, v) => (p.redirect_uri = v), redirectOf),
];

describe.each(FIELDS)('given $name', ({ load, read }) => {
  it('should hand out an https URL as sent', async () => {
    expect(read(await load(SAFE))).toBe(SAFE);
  });

  it.each(UNSAFE)('should drop %j', async (value) => {
    const step = await load(value);
    expect(read(step)).toBeUndefined();
    // Not moved elsewhere either: a script URL is not a native app's redirect URI.
    expect(step.client.nativeRedirectUri).toBeUndefined();
    expect(JSON.stringify(step)).not.toMatch(/script:|data:|file:/i);
  });
});

describe.each(FIELDS.filter((field) => field.read === redirectOf))(
  'given a native app redirect URI through $name',
  ({ load }) => {
    it.each(['com.acme.mobile:/oauth2redirect', 'myapp://callback'])(
      'should hand %j out as nativeRedirectUri (text), never as redirectUri',
      async (value) => {
        const step = await load(value);
        expect(step.client.redirectUri).toBeUndefined();
        expect(step.client.nativeRedirectUri).toBe(value);
      },
    );

    it('should normalize a web redirect URI only as far as the URL parser does, keeping it a redirectUri', async () => {
      const step = await load(' https://reports.example/cb?x=1');
      expect(step.client).toMatchObject({ redirectUri: 'https://reports.example/cb?x=1' });
      expect(step.client.nativeRedirectUri).toBeUndefined();
    });
  },
);

describe('given a custom adapter that hands out unsafe URLs itself', () => {
  it("should drop them too: the guarantee is the client's, not each adapter's", async () => {
    const step = copy(kitConsentPayload) as ConsentStep;
    step.client.homepage = 'javascript:alert(1)';
    step.client.redirectUri = 'data:text/html,x';
    step.user.avatar = 'vbscript:msgbox(1)';
    const client = createInteractionClient({
      name: 'custom',
      load: async () => step,
      signIn: async () => ({ to: 'https://idp.test/' }),
      consent: async () => ({ to: 'https://idp.test/' }),
      deny: async () => ({ to: 'https://idp.test/' }),
      switchAccount: async () => {
        throw new Error('unused');
      },
    });

    const loaded = (await client.load()) as ConsentStep;

    expect(loaded.client.homepage).toBeUndefined();
    expect(loaded.client.redirectUri).toBeUndefined();
    expect(loaded.user.avatar).toBeUndefined();
    expect(loaded.client.name).toBe(step.client.name);
  });
});
