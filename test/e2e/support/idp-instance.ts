/**
 * One instance of the demo IdP in its own process, as the two-instance suite runs it: the demo's
 * oidc-provider, bridge, sign-in methods and interaction page, its state in the Redis at
 * REDIS_URL, serving the shared ISSUER (a proxy's address) with the shared signing keys (JWKS).
 * Prints `{"port": …}` once listening and each emailed code as a mailbox line; stops on SIGTERM.
 */
import { Redis } from 'ioredis';
import { buildPaths } from '../../../demo/build.js';
import { demoClients, startIdp } from '../../../demo/idp/index.js';
import { demoSignIn } from '../../../demo/idp/sign-in.js';
import { createMailbox } from '../../../demo/mailbox/mailbox.js';
import { interactionPage } from '../../../demo/stack.js';
import type { OidcProviderBridge } from '../../../src/server/index.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const redis = new Redis(env('REDIS_URL'));
// The page embeds the bridge's step for each request (the IdP, and so its bridge, comes next).
let bridge: { step: OidcProviderBridge['step'] } | undefined;
const page = interactionPage(buildPaths(env('BUILD_DIR')).interaction, async (req, res) => bridge?.step(req, res));
// Codes go to this process's mailbox: printed on stdout, where the suite reads them.
const mailbox = createMailbox((line) => console.log(line));
const socialIssuer = process.env.SOCIAL_ISSUER;

const idp = await startIdp({
  issuer: env('ISSUER'),
  jwks: JSON.parse(env('JWKS')) as { keys: object[] },
  redis,
  redisPrefix: env('REDIS_PREFIX'),
  clients: demoClients({ webRedirectUri: env('WEB_REDIRECT_URI'), spaRedirectUri: env('SPA_REDIRECT_URI') }),
  renderInteraction: page.render,
  serve: async (req, res) => (await mailbox.serve(req, res)) || page.assets(req, res),
  signIn: (issuer, store) => demoSignIn({ issuer, store, mailbox, socialIssuer: () => socialIssuer }),
});
bridge = idp.bridge;

async function stop() {
  await idp.close();
  await redis.quit();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

console.log(JSON.stringify({ port: idp.port }));
