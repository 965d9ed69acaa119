/**
 * `bridge.step(req, res)`: the step a host embeds in its interaction page is exactly what the
 * details endpoint answers to the same browser (same cookie, same checks, same offer), and
 * nothing when that answer would be an error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { embeddedStepElement } from '../../src/protocol/embed.js';
import { authorizationRequest, Browser, signedInAtConsent, startTestIdp, type TestIdp } from '../support/oidc-flow.js';

let idp: TestIdp;

/** The demo page, reduced to what the host embeds: the step element, or none. */
async function render(req: IncomingMessage, res: ServerResponse) {
  const step = await idp.bridge.step(req, res);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><div id="root"></div>${step ? embeddedStepElement(step) : '<p>no step</p>'}`);
}

/** The page's embedded step, parsed back as the browser would read it. */
async function embedded(browser: Browser, uid: string): Promise<unknown> {
  const response = await browser.jar.fetch(new URL(`/interaction/${uid}`, idp.issuer));
  const html = await response.text();
  const json = /<script type="application\/json" id="consent-kit-step">(.*)<\/script>/s.exec(html)?.[1];
  return json === undefined ? undefined : JSON.parse(json);
}

beforeAll(async () => {
  idp = await startTestIdp({ renderInteraction: render });
});

afterAll(async () => {
  await idp?.close();
});

describe('given the sign-in page of an interaction', () => {
  it('should embed what the details endpoint answers to the same cookie', async () => {
    const browser = new Browser(idp.issuer);
    const request = await authorizationRequest(idp.web, {
      scope: 'openid profile',
      ui_locales: 'ko',
      login_hint: 'alice@demo.test',
    });
    const uid = await browser.toInteraction(request.url);
    const step = await embedded(browser, uid);
    expect(step).toMatchObject({ kind: 'login', uid, uiLocales: ['ko'], login: { loginHint: 'alice@demo.test' } });
    expect(step).toEqual((await browser.kit(uid, 'details')).body);
  });
});

describe('given the consent page after sign-in', () => {
  it('should embed the consent step the details endpoint answers, offer and all', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, {
      scope: 'openid profile email read:reports',
      resource: 'https://api.demo.test',
    });
    const step = await embedded(browser, uid);
    expect(step).toMatchObject({ kind: 'consent', uid, user: { displayName: 'Alice Anderson' } });
    expect(step).toEqual((await browser.kit(uid, 'details')).body);
    // Nothing of the provider's session travels in the page.
    expect(JSON.stringify(step)).not.toMatch(/"(session|cookie|accountId|grantId|jti)"/);
  });
});

describe('given a page request the details endpoint would refuse', () => {
  it('should embed nothing for another browser, a wrong uid, or an interaction already decided', async () => {
    const browser = new Browser(idp.issuer);
    const { uid } = await signedInAtConsent(browser, idp.web, { scope: 'openid profile' });
    // Another browser: no interaction cookie.
    expect(await embedded(new Browser(idp.issuer), uid)).toBeUndefined();
    // The right cookie, another uid in the path.
    expect(await embedded(browser, 'not-this-interaction')).toBeUndefined();
    // Decided: the details answer is 410, the page embeds nothing.
    expect(
      (
        await browser.kit(uid, 'consent', {
          profileScopes: ['openid', 'profile'],
          resources: {},
          organizationIds: [],
          remember: false,
        })
      ).status,
    ).toBe(200);
    expect((await browser.kit(uid, 'details')).status).toBe(410);
    expect(await embedded(browser, uid)).toBeUndefined();
  });
});
