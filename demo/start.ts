/**
 * `npm start`: builds the demo pages, starts the demo IdP and the third-party demo app on
 * 127.0.0.1, and prints where to go and how to sign in. Ctrl-C stops everything.
 */
import { Redis } from 'ioredis';
import { buildDemo } from './build.js';
import { DEMO_USERS, type DemoUser } from './idp/users.js';
import { startStack } from './stack.js';

/** One line on what a demo user may do, from the same data the IdP uses. */
function describeUser(user: DemoUser): string {
  const scopes = Object.values(user.permissions).flat().join(', ');
  const orgs = user.organizations.map((o) => `${o.name} (${o.role})`).join(', ');
  return `${user.displayName}: ${scopes}; member of ${orgs}`;
}

/** How a demo user signs in. */
function signInOf(user: DemoUser): string {
  if (user.password) return `password: ${user.password}`;
  if (user.signsInByCode) return 'emailed code (see the mailbox)';
  return '"Continue with Social Demo"';
}

const idpPort = Number(process.env.IDP_PORT ?? 3000);
const appPort = Number(process.env.APP_PORT ?? 3001);
const socialPort = Number(process.env.SOCIAL_PORT ?? 3002);
// REDIS_URL (e.g. redis://127.0.0.1:6379/0) keeps the IdP's state in Redis instead of memory.
const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { lazyConnect: true }) : undefined;

console.log('Building the demo pages…');
await buildDemo();
if (redis) await redis.connect();
const stack = await startStack({ idpPort, appPort, socialPort, ...(redis && { redis }) });
const stateIn = redis ? `Redis at ${process.env.REDIS_URL}` : 'memory';

console.log(`
consent-kit demo is running.

  Third-party app (web, client secret):  ${stack.app.url}/
  Third-party app (SPA, PKCE):           ${stack.app.url}/spa/
  Demo IdP (oidc-provider):               ${stack.issuer} (state in ${stateIn})
  Demo mailbox (emailed sign-in codes):   ${stack.issuer}/mailbox
  Social Demo (a second oidc-provider):   ${stack.socialIssuer}

Demo users:
${DEMO_USERS.map((u) => `  ${u.email.padEnd(17)} ${signInOf(u).padEnd(36)} ${describeUser(u)}`).join('\n')}

Five wrong passwords for one identifier lock it for 15 minutes.

Open ${stack.app.url}/ and click "Sign in with Demo IdP". Add ?ui_locales=ko to /login for Korean.
Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.close();
  await redis?.quit();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
