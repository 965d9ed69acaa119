/**
 * The Logto recorder's own parts (`scripts/logto/`): the redaction that stands between a real
 * Logto and the repository, and the browser stand-in that carries Logto's cookies. Also checks
 * the committed recordings for anything the redaction should have caught.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowser } from '../../scripts/logto/browser.js';
import { leaks, redact } from '../../scripts/logto/redact.js';
import { loadRecording, RECORDED_SCENARIOS } from '../fixtures/logto/recording.js';

const jwt = 'eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('given a recording to redact', () => {
  it('should replace listed values as given and URL-encoded, longest first', () => {
    const value = {
      path: '/oidc/auth?redirect_uri=http%3A%2F%2F127.0.0.1%3A3301%2Fcb&client_id=x7k2appid00001',
      body: { id: 'x7k2appid00001', user: 'x7k2appid0000123', url: 'http://127.0.0.1:3301/sign-in' },
    };
    expect(
      redact(value, [
        ['http://127.0.0.1:3301', 'https://auth.example'],
        ['x7k2appid00001', 'app-reports-hub'],
        ['x7k2appid0000123', 'user-alice'],
      ]),
    ).toEqual({
      path: '/oidc/auth?redirect_uri=https%3A%2F%2Fauth.example%2Fcb&client_id=app-reports-hub',
      body: { id: 'app-reports-hub', user: 'user-alice', url: 'https://auth.example/sign-in' },
    });
  });

  it('should replace JWTs, per-run query values and interaction uids', () => {
    const value = [
      `Bearer ${jwt}`,
      'https://app/cb?code=abc123&state=s1&iss=https%3A%2F%2Fa',
      'https://auth/oidc/auth/Xy_12-abcdEFGH',
      'https://auth/oidc/auth/Other_uid_999',
      'https://auth/oidc/auth/Xy_12-abcdEFGH',
    ];
    expect(redact(value, [])).toEqual([
      'Bearer <jwt>',
      'https://app/cb?code=<redacted>&state=<redacted>&iss=<redacted>',
      'https://auth/oidc/auth/interaction-1',
      'https://auth/oidc/auth/interaction-2',
      'https://auth/oidc/auth/interaction-1',
    ]);
  });

  it('should report listed secrets, JWTs and id-shaped strings, without printing the secret', () => {
    const found = leaks({ a: 'password: hunter2-long', b: jwt, c: 'e841g3058koe', d: 'organization_roles' }, [
      'hunter2-long',
    ]);
    expect(found).toHaveLength(3);
    expect(found.join(' ')).not.toContain('hunter2-long');
    expect(found).toContain('e841g3058koe');
    expect(leaks({ fine: ['app-reports-hub', 'user-alice', 'read:reports'] }, ['hunter2-long'])).toEqual([]);
  });

  it.each(RECORDED_SCENARIOS)('should find nothing left to redact in the committed recording %s', (name) => {
    const recording = loadRecording(name);
    expect(leaks(recording, ['127.0.0.1', 'localhost'])).toEqual([]);
    // No header is recorded: no cookie, no bearer token.
    expect(JSON.stringify(recording)).not.toMatch(/cookie|_session|_interaction=|bearer/i);
    for (const { request, response } of recording.exchanges) {
      expect(Object.keys(request).sort()).toEqual(expect.arrayContaining(['method', 'path']));
      expect(Object.keys(request).filter((key) => !['method', 'path', 'body'].includes(key))).toEqual([]);
      expect(
        Object.keys(response).filter((key) => !['status', 'contentType', 'location', 'body'].includes(key)),
      ).toEqual([]);
    }
  });
});

describe('given the browser stand-in against a server setting cookies', () => {
  let server: Server;
  let origin: string;
  const seen: Array<{ path: string; cookie: string | undefined }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url!, cookie: req.headers.cookie });
      if (req.url === '/oidc/auth?x=1') {
        res.setHeader('set-cookie', ['_interaction=uid1; path=/; httponly', '_resume=r1; path=/oidc/auth/uid1']);
        res.writeHead(303, { location: '/oidc/auth/uid1' }).end();
      } else if (req.url === '/oidc/auth/uid1') {
        res.setHeader('set-cookie', '_resume=; path=/oidc/auth/uid1; max-age=0');
        res.writeHead(303, { location: '/sign-in?app_id=a' }).end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('should follow OIDC redirects to the first page, sending cookies by path, and record it all', async () => {
    const browser = createBrowser(origin);
    const page = await browser.navigate(`${origin}/oidc/auth?x=1`);
    expect(page.href).toBe(`${origin}/sign-in?app_id=a`);
    const response = await browser.fetch(`${origin}/api/interaction/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"organizationIds":[]}',
    });
    expect(await response.json()).toEqual({ ok: true });

    expect(seen).toEqual([
      { path: '/oidc/auth?x=1', cookie: undefined },
      { path: '/oidc/auth/uid1', cookie: '_resume=r1; _interaction=uid1' },
      { path: '/api/interaction/consent', cookie: '_interaction=uid1' },
    ]);
    const recorded = browser.take();
    expect(recorded.map((e) => [e.kind, e.request.method, e.request.path, e.response.status])).toEqual([
      ['navigation', 'GET', '/oidc/auth?x=1', 303],
      ['navigation', 'GET', '/oidc/auth/uid1', 303],
      ['api', 'POST', '/api/interaction/consent', 200],
    ]);
    expect(recorded[2]).toMatchObject({ request: { body: { organizationIds: [] } }, response: { body: { ok: true } } });
    expect(browser.take()).toEqual([]);
  });

  it('should refuse to send a request to another origin', async () => {
    const browser = createBrowser(origin);
    await expect(browser.fetch('https://elsewhere.example/api')).rejects.toThrow(TypeError);
  });
});
