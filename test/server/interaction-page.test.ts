/**
 * The demo's interaction page (`interactionPage` in demo/stack.ts, the host code operators copy)
 * with the step and the server-rendered screen in it: whatever text a request carries (a
 * `login_hint` from a link anyone can craft, an app's name) reaches the page as that text, and
 * the page keeps its own shape.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interactionPage } from '../../demo/stack.js';
import { authorizationRequest, Browser, startTestIdp, type TestIdp } from '../support/oidc-flow.js';

/** The built page's shape (demo/interaction/index.html after Vite), without its scripts. */
const TEMPLATE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Demo IdP</title>
<script type="module" crossorigin src="/interaction-ui/assets/index.js"></script>
</head>
<body>
<div>
  <p class="idp-brand">Demo IdP</p>
  <div id="root"></div>
</div>
</body>
</html>
`;

let dir: string;
let idp: TestIdp;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consent-kit-page-'));
  await mkdir(join(dir, '.vite'));
  await writeFile(join(dir, 'index.html'), TEMPLATE);
  await writeFile(join(dir, '.vite/manifest.json'), '{}');
  await mkdir(join(dir, 'assets'));
  const page = interactionPage(dir, (req, res) => idp.bridge.step(req, res));
  idp = await startTestIdp({ renderInteraction: (req, res) => page.render(req, res) });
});

afterAll(async () => {
  await idp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("given a sign-in link whose login_hint holds replacement patterns ($` $& $')", () => {
  it("should put the hint in the page as that text, with one root and one step, and none of the page's own markup copied", async () => {
    const hint = "$`$&$'@example.test";
    const browser = new Browser(idp.issuer);
    const uid = await browser.toInteraction(
      (await authorizationRequest(idp.web, { scope: 'openid', login_hint: hint })).url,
    );

    const html = await (await browser.jar.fetch(new URL(`/interaction/${uid}`, idp.issuer))).text();

    expect(html.match(/<div id="root"/g)).toHaveLength(1);
    expect(html.match(/<script type="module"/g)).toHaveLength(1);
    expect(html.match(/<\/html>/g)).toHaveLength(1);
    const steps = [...html.matchAll(/<script type="application\/json" id="consent-kit-step">(.*?)<\/script>/gs)];
    expect(steps).toHaveLength(1);
    expect(JSON.parse(steps[0]![1]!)).toMatchObject({ kind: 'login', uid, login: { loginHint: hint } });
  });
});
