/**
 * A CommonJS host requiring consent-kit. consent-kit ships ES modules only; Node ^20.19 and
 * >=22.12 load them through require() (require(esm)), which is the documented outcome. Renders
 * the consent screen on the server with react-dom/server to show the React entry works too.
 * Prints one JSON line.
 */
const { createElement } = require('react');
const { renderToString } = require('react-dom/server');
const { ConsentScreen } = require('consent-kit');
const { createInteractionClient, InteractionError, kitAdapter } = require('consent-kit/client');
const { createOidcProviderBridge } = require('consent-kit/server');
const { version } = require('consent-kit/package.json');

const step = JSON.parse(process.argv[2]);
const client = createInteractionClient(kitAdapter({ baseUrl: 'https://idp.example.test/interaction/consent-1' }), {
  fetch: async () => new Response(JSON.stringify(step), { headers: { 'content-type': 'application/json' } }),
});

client.load().then((loaded) => {
  const html = renderToString(createElement(ConsentScreen, { client, step: loaded }));
  console.log(
    JSON.stringify({
      version,
      kind: loaded.kind,
      bridge: typeof createOidcProviderBridge,
      error: new InteractionError('network', 'offline') instanceof Error,
      // The heading's text: the app's name inside it is isolated markup (<bdi>).
      heading: /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1]?.replace(/<[^>]*>/g, ''),
    }),
  );
});
