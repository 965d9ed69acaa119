/**
 * The kit adapter's reading of the sign-in kit's payloads: the new `LoginStep` fields
 * (connectors, code sign-in, "Continue as", links), the unsafe URLs a server may put in them,
 * and the sign-in error answers (`invalid_code`, `too_many_attempts` with `Retry-After`).
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import type { InteractionClient } from '../../../src/client/types.js';
import { SignInScreen } from '../../../src/index.js';
import type { LoginStep } from '../../../src/protocol/interaction.js';
import {
  kitCodeLoginPayload,
  kitErrorPayloads,
  kitFullLoginPayload,
  kitLoginPayload,
  kitSessionLoginPayload,
  kitUnsafeLoginPayload,
} from '../../fixtures/kit-protocol.js';
import { kitClientAnswering } from './fetch-stub.js';
import { rejection } from '../../support/rejection.js';

const BASE = `/interaction/${kitFullLoginPayload.uid}`;

/** A client over the kit adapter whose fetch answers `status` with `body` (and `headers`). */
const clientAnswering = kitClientAnswering(BASE);

/** A deep, mutable copy of a fixture. */
function copy<T>(value: T): any {
  return structuredClone(value);
}

/** Loads `payload` through the client (`GET details`), as a login step. */
async function loadLogin(payload: unknown): Promise<LoginStep> {
  const step = await clientAnswering(200, payload).client.load();
  if (step.kind !== 'login') throw new Error('expected a login step');
  return step;
}

/** Every provider URL of a login step the page could put in an `href` or `src`. */
function loginUrls(step: LoginStep): [string, string | undefined][] {
  const { login } = step;
  return [
    ['login.createAccountUrl', login.createAccountUrl],
    ['login.forgotPasswordUrl', login.forgotPasswordUrl],
    ['login.session.avatar', login.session?.avatar],
    ...(login.connectors ?? []).flatMap((connector, i): [string, string | undefined][] => [
      [`login.connectors[${i}].logo.light`, connector.logo?.light],
      [`login.connectors[${i}].logo.dark`, connector.logo?.dark],
    ]),
  ];
}

/** Every URL-carrying attribute in `container`. */
function urlAttributes(container: HTMLElement): string[] {
  const names = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data'];
  return [...container.querySelectorAll('*')].flatMap((element) =>
    names.map((name) => element.getAttribute(name)).filter((value): value is string => value !== null),
  );
}

describe('given the kit adapter loading a sign-in step with the sign-in kit fields', () => {
  it.each([
    ['every sign-in method', kitFullLoginPayload],
    ['code sign-in only', kitCodeLoginPayload],
    ['a signed-in session', kitSessionLoginPayload],
  ])('should resolve a step with %s unchanged', async (_name, payload) => {
    await expect(loadLogin(payload)).resolves.toStrictEqual(copy(payload));
  });

  it.each([
    ['every sign-in method', kitFullLoginPayload],
    ['a signed-in session', kitSessionLoginPayload],
  ])('should resolve POST switch-account with %s unchanged', async (_name, payload) => {
    const { client, requests } = clientAnswering(200, payload);
    await expect(client.switchAccount()).resolves.toStrictEqual(copy(payload));
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/switch-account` });
  });

  it('should omit the sign-in kit fields a provider does not send', async () => {
    const { login } = await loadLogin(kitLoginPayload);
    for (const key of ['code', 'connectors', 'session', 'createAccountUrl', 'forgotPasswordUrl', 'error']) {
      expect(login).not.toHaveProperty(key);
    }
  });

  it('should return fresh objects rather than the body it was given', async () => {
    const body = copy(kitFullLoginPayload);
    const step = await kitAdapter({ baseUrl: BASE }).load(async () => ({ status: 200, headers: new Headers(), body }));
    if (step.kind !== 'login') throw new Error('expected a login step');
    body.login.connectors[0].name = 'Changed';
    body.login.connectors[0].logo.light = 'javascript:alert(1)';
    body.login.connectors[1].domains.push('evil.test');
    body.login.code.length = 99;
    expect(step.login).toStrictEqual(copy(kitFullLoginPayload).login);
  });

  it('should drop the fields the protocol does not define, at every level', async () => {
    const payload = copy(kitFullLoginPayload);
    payload.login.connectors[0].startUrl = 'https://social.example.net/authorize';
    payload.login.connectors[0].logo.svg = '<svg onload=alert(1)>';
    payload.login.code.alphabet = 'digits';
    payload.login.session = { id: 'user-alice', email: 'alice@example.com', passwordHash: 'x', isAdmin: true };
    payload.login.magicLink = true;
    const { login } = await loadLogin(payload);
    expect(login.connectors![0]).toStrictEqual(kitFullLoginPayload.login.connectors![0]);
    expect(login.code).toStrictEqual({ length: 6 });
    expect(login.session).toStrictEqual({ id: 'user-alice', email: 'alice@example.com' });
    expect(login).not.toHaveProperty('magicLink');
  });

  it('should lower-case SSO domains, so that routing by email domain ignores case', async () => {
    const payload = copy(kitFullLoginPayload);
    payload.login.connectors[1].domains = ['Globex.TEST', 'globex-labs.test'];
    const { login } = await loadLogin(payload);
    expect(login.connectors![1]!.domains).toStrictEqual(['globex.test', 'globex-labs.test']);
  });

  it.each([1, 4, 64])('should accept a code length of %i', async (length) => {
    const payload = copy(kitCodeLoginPayload);
    payload.login.code.length = length;
    expect((await loadLogin(payload)).login.code).toStrictEqual({ length });
  });

  it('should keep a documented error code to show on arrival and drop an unknown one', async () => {
    const known = copy(kitFullLoginPayload);
    known.login.error = 'access_denied';
    expect((await loadLogin(known)).login.error).toBe('access_denied');
    const unknown = copy(kitFullLoginPayload);
    unknown.login.error = 'upstream_exploded';
    expect((await loadLogin(unknown)).login).not.toHaveProperty('error');
  });

  it.each<[string, (p: any) => void, string]>([
    ['login.code', (p) => (p.login.code = 6), 'step.login.code must be an object'],
    [
      'login.code.length (missing)',
      (p) => delete p.login.code.length,
      'step.login.code.length must be an integer from 1 to 64',
    ],
    [
      'login.code.length (string)',
      (p) => (p.login.code.length = '6'),
      'step.login.code.length must be an integer from 1 to 64',
    ],
    [
      'login.code.length (fraction)',
      (p) => (p.login.code.length = 6.5),
      'step.login.code.length must be an integer from 1 to 64',
    ],
    [
      'login.code.length (0)',
      (p) => (p.login.code.length = 0),
      'step.login.code.length must be an integer from 1 to 64',
    ],
    [
      'login.code.length (65)',
      (p) => (p.login.code.length = 65),
      'step.login.code.length must be an integer from 1 to 64',
    ],
    ['login.connectors', (p) => (p.login.connectors = { social: {} }), 'step.login.connectors must be an array'],
    [
      'login.connectors[1]',
      (p) => (p.login.connectors[1] = 'globex-sso'),
      'step.login.connectors[1] must be an object',
    ],
    [
      'login.connectors[0].id (missing)',
      (p) => delete p.login.connectors[0].id,
      'step.login.connectors[0].id must be a string',
    ],
    [
      'login.connectors[0].id (empty)',
      (p) => (p.login.connectors[0].id = ''),
      'step.login.connectors[0].id must be a non-empty string',
    ],
    [
      'login.connectors[1].kind (unknown)',
      (p) => (p.login.connectors[1].kind = 'saml'),
      'step.login.connectors[1].kind must be one of "social", "sso"',
    ],
    [
      'login.connectors[0].kind (missing)',
      (p) => delete p.login.connectors[0].kind,
      'step.login.connectors[0].kind must be one of "social", "sso"',
    ],
    [
      'login.connectors[0].name',
      (p) => (p.login.connectors[0].name = { en: 'Social Demo' }),
      'step.login.connectors[0].name must be a string',
    ],
    [
      'login.connectors[0].logo',
      (p) => (p.login.connectors[0].logo = 'https://cdn.example.com/social.png'),
      'step.login.connectors[0].logo must be an object',
    ],
    [
      'login.connectors[0].logo.light',
      (p) => (p.login.connectors[0].logo.light = 7),
      'step.login.connectors[0].logo.light must be a string when present',
    ],
    [
      'login.connectors[0].logo.dark',
      (p) => (p.login.connectors[0].logo.dark = null),
      'step.login.connectors[0].logo.dark must be a string when present',
    ],
    [
      'login.connectors[1].domains',
      (p) => (p.login.connectors[1].domains = 'globex.test'),
      'step.login.connectors[1].domains must be an array',
    ],
    [
      'login.connectors[1].domains[1]',
      (p) => p.login.connectors[1].domains.push(42),
      'step.login.connectors[1].domains[1] must be a string',
    ],
    [
      'login.connectors[1].domains[0] (empty)',
      (p) => (p.login.connectors[1].domains = ['']),
      'step.login.connectors[1].domains[0] must be a non-empty string',
    ],
    ['login.session', (p) => (p.login.session = 'user-alice'), 'step.login.session must be an object'],
    ['login.session.id', (p) => (p.login.session = { displayName: 'Alice' }), 'step.login.session.id must be a string'],
    [
      'login.session.email',
      (p) => (p.login.session = { id: 'user-alice', email: 5 }),
      'step.login.session.email must be a string when present',
    ],
    [
      'login.session.avatar',
      (p) => (p.login.session = { id: 'user-alice', avatar: null }),
      'step.login.session.avatar must be a string when present',
    ],
    [
      'login.createAccountUrl (number)',
      (p) => (p.login.createAccountUrl = 5),
      'step.login.createAccountUrl must be a string when present',
    ],
    [
      'login.createAccountUrl (empty)',
      (p) => (p.login.createAccountUrl = ''),
      'step.login.createAccountUrl must be a non-empty string when present',
    ],
    [
      'login.forgotPasswordUrl',
      (p) => (p.login.forgotPasswordUrl = null),
      'step.login.forgotPasswordUrl must be a string when present',
    ],
    [
      'login.forgotPasswordUrl (object)',
      (p) => (p.login.forgotPasswordUrl = { href: 'https://idp.example.com/reset' }),
      'step.login.forgotPasswordUrl must be a string when present',
    ],
  ])('should reject a malformed %s with invalid_response naming the path', async (_name, mutate, message) => {
    const payload = copy(kitFullLoginPayload);
    mutate(payload);
    const { client } = clientAnswering(200, payload);
    expect(await rejection(client.load())).toMatchObject({ code: 'invalid_response', message });
  });

  it('should name the path of a malformed field in the switch-account answer too', async () => {
    const payload = copy(kitSessionLoginPayload);
    payload.login.connectors = [{ id: 'oidc', kind: 'oidc', name: 'Generic OIDC' }];
    const { client } = clientAnswering(200, payload);
    expect(await rejection(client.switchAccount())).toMatchObject({
      code: 'invalid_response',
      message: 'step.login.connectors[0].kind must be one of "social", "sso"',
    });
  });
});

describe('given a kit server that sends unsafe URLs in a sign-in step', () => {
  const unsafe = kitUnsafeLoginPayload.login;

  it('should be the hostile fixture: script URLs as the connector logo and both links', () => {
    expect(unsafe.connectors![0]!.logo!.light).toMatch(/^javascript:/);
    expect(unsafe.createAccountUrl).toMatch(/^javascript:/);
    expect(unsafe.forgotPasswordUrl).toMatch(/^data:/);
  });

  it('should drop them: the client hands out no URL that is not http(s)', async () => {
    const step = await loadLogin(kitUnsafeLoginPayload);
    expect(loginUrls(step).filter(([, value]) => value !== undefined)).toEqual([]);
    expect(step.login.connectors).toEqual([{ id: 'evil', kind: 'social', name: '<img src=x onerror=alert(1)>Evil' }]);
  });

  it.each([
    ['javascript:', 'javascript:alert(document.domain)'],
    ['upper-case JavaScript:', 'JaVaScRiPt:alert(1)'],
    ['data:', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['protocol-relative', '//evil.example/logo.png'],
  ])('should never put a %s URL from the step into the page as an href or src', async (_name, url) => {
    const payload = copy(kitFullLoginPayload);
    payload.login.connectors[0].logo = { light: url, dark: url };
    payload.login.createAccountUrl = url;
    payload.login.forgotPasswordUrl = url;
    payload.login.session = { id: 'user-alice', displayName: 'Alice', avatar: url };
    const step = await loadLogin(payload);
    const user = userEvent.setup();
    const { container } = render(
      <SignInScreen client={clientAnswering(200, {}).client} step={step} initialView="identifier" />,
    );
    expect(screen.getByRole('button', { name: 'Continue with Social Demo' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create an account' })).toBeNull();
    expect(container.querySelector('.ck-sign-in__connector img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByLabelText('Password')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Forgot password?' })).toBeNull();
    expect(urlAttributes(container).filter((value) => !/^https?:\/\//.test(value))).toEqual([]);
  });

  it('should still link safe URLs from the same step (the page is not just empty)', async () => {
    const step = await loadLogin(kitFullLoginPayload);
    const { container } = render(<SignInScreen client={clientAnswering(200, {}).client} step={step} />);
    expect(await screen.findByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      'https://idp.example.com/register',
    );
    expect(container.querySelector('.ck-sign-in__connector img')).toHaveAttribute(
      'src',
      'https://cdn.example.com/social.png',
    );
  });

  it('should refuse a script URL as the connector start URL and never navigate to it', async () => {
    const step = await loadLogin(kitUnsafeLoginPayload);
    const { client, requests } = clientAnswering(200, { redirectTo: 'javascript:alert(document.cookie)' });
    const onRedirect = vi.fn();
    const user = userEvent.setup();
    render(<SignInScreen client={client} step={step} onRedirect={onRedirect} initialView="identifier" />);
    await user.click(screen.getByRole('button', { name: 'Continue with <img src=x onerror=alert(1)>Evil' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/connector` });
    expect(JSON.parse(requests[0]!.body!)).toStrictEqual({ connectorId: 'evil' });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(onRedirect).not.toHaveBeenCalled();
    expect(
      await rejection((client as Required<InteractionClient>).startConnector({ connectorId: 'evil' })),
    ).toMatchObject({
      code: 'unsafe_redirect',
    });
  });
});

describe('given the kit adapter answering 429', () => {
  const calls: [string, string, (client: Required<InteractionClient>) => Promise<unknown>][] = [
    ['signIn', 'login', (client) => client.signIn({ identifier: 'alice@example.com', password: 'wrong' })],
    ['verifyCode', 'verify-code', (client) => client.verifyCode({ identifier: 'carol@example.com', code: '000000' })],
    ['sendCode', 'send-code', (client) => client.sendCode({ identifier: 'carol@example.com' })],
  ];

  it.each(calls)(
    'should reject %s with too_many_attempts and retryAfter from the recorded answer',
    async (_name, endpoint, call) => {
      const { status, body, headers } = kitErrorPayloads.tooManyAttempts;
      const { client, requests } = clientAnswering(status, body, headers);
      expect(await rejection(call(client as Required<InteractionClient>))).toMatchObject({
        code: 'too_many_attempts',
        status: 429,
        error: 'too_many_attempts',
        errorDescription: body.error_description,
        retryAfter: 900,
      });
      expect(requests[0]!.url).toBe(`${BASE}/${endpoint}`);
    },
  );

  it.each([
    ['no body', undefined],
    ['an HTML body', '<html>Too Many Requests</html>'],
    ['an unknown error', { error: 'rate_limited' }],
  ])('should map a 429 with %s to too_many_attempts by status, with retryAfter', async (_name, body) => {
    const { client } = clientAnswering(429, body, { 'retry-after': '120' });
    const error = await rejection(client.verifyCode!({ identifier: 'carol@example.com', code: '1' }));
    expect(error).toMatchObject({ code: 'too_many_attempts', status: 429, retryAfter: 120 });
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['86400', 86400],
  ])('should read Retry-After %j as %i seconds', async (header, seconds) => {
    const { client } = clientAnswering(429, { error: 'too_many_attempts' }, { 'retry-after': header });
    expect(await rejection(client.signIn({ identifier: 'a', password: 'b' }))).toMatchObject({ retryAfter: seconds });
  });

  it.each([
    ['a minute and a half ahead', 'Tue, 15 Jan 2030 12:01:30 GMT', 90],
    ['in the past', 'Tue, 15 Jan 2030 11:00:00 GMT', 0],
    ['now', 'Tue, 15 Jan 2030 12:00:00 GMT', 0],
  ])('should read an HTTP-date Retry-After %s as seconds from now', async (_name, header, seconds) => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 15, 12, 0, 0) });
    try {
      const { client } = clientAnswering(429, { error: 'too_many_attempts' }, { 'retry-after': header });
      expect(await rejection(client.sendCode!({ identifier: 'carol@example.com' }))).toMatchObject({
        code: 'too_many_attempts',
        retryAfter: seconds,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('should round a part second of an HTTP-date Retry-After up', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2030, 0, 15, 12, 0, 0, 400) });
    try {
      const { client } = clientAnswering(429, undefined, { 'retry-after': 'Tue, 15 Jan 2030 12:01:30 GMT' });
      expect(await rejection(client.sendCode!({ identifier: 'carol@example.com' }))).toMatchObject({ retryAfter: 90 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('should leave retryAfter out when there is no Retry-After header', async () => {
    const { client } = clientAnswering(429, kitErrorPayloads.tooManyAttempts.body);
    const error = await rejection(client.signIn({ identifier: 'a', password: 'b' }));
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfter).toBeUndefined();
  });

  it.each([
    ['a word', 'soon'],
    ['seconds with a unit', '120s'],
    ['a fraction', '1.5'],
    ['a negative number', '-5'],
    ['a signed number', '+30'],
    ['an exponent', '1e3'],
    ['a list', '30, 60'],
    ['a bare year after a word', 'soon 2030'],
    ['a date without its zone', 'Tue, 15 Jan 2030 12:01:30'],
    ['more digits than a safe integer', '9'.repeat(400)],
  ])('should leave retryAfter out for a garbage Retry-After (%s)', async (_name, header) => {
    const { client } = clientAnswering(429, kitErrorPayloads.tooManyAttempts.body, { 'retry-after': header });
    const error = await rejection(client.verifyCode!({ identifier: 'carol@example.com', code: '1' }));
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfter).toBeUndefined();
  });
});

describe('given the kit adapter answering a wrong code', () => {
  it.each([400, 422])(
    'should map invalid_code in the body of a %i to invalid_code, whatever the status',
    async (status) => {
      const { client } = clientAnswering(status, kitErrorPayloads.invalidCode.body);
      expect(await rejection(client.verifyCode!({ identifier: 'carol@example.com', code: '000000' }))).toMatchObject({
        code: 'invalid_code',
        status,
        error: 'invalid_code',
        errorDescription: 'wrong or expired code',
      });
    },
  );

  it('should reach the sign-in screen as the wrong-code message, keeping the identifier', async () => {
    const step = await loadLogin(kitCodeLoginPayload);
    const { client, requests } = clientAnswering(
      kitErrorPayloads.invalidCode.status,
      kitErrorPayloads.invalidCode.body,
    );
    const sendCode = vi.fn(async () => ({ resendAfter: 30 }));
    const user = userEvent.setup();
    render(<SignInScreen client={{ ...client, sendCode }} step={step} onRedirect={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Sign-in code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That code is incorrect or has expired.');
    expect(screen.getByRole('button', { name: 'Change' }).parentElement).toHaveTextContent('carol@example.com');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: `${BASE}/verify-code` });
    expect(JSON.parse(requests[0]!.body!)).toStrictEqual({ identifier: 'carol@example.com', code: '000000' });
  });
});
