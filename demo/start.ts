/**
 * `npm start`: builds the demo pages, starts the demo IdP and the third-party demo app on
 * 127.0.0.1, and prints where to go and how to sign in. Ctrl-C stops everything.
 */
import { buildDemo } from './build.js';
import { DEMO_USERS, type DemoUser } from './idp/users.js';
import { startStack } from './stack.js';

/** One line on what a demo user may do, from the same data the IdP uses. */
function describeUser(user: DemoUser): string {
  const scopes = Object.values(user.permissions).flat().join(', ');
  const orgs = user.organizations.map((o) => `${o.name} (${o.role})`).join(', ');
  return `${user.displayName}: ${scopes}; member of ${orgs}`;
}

const idpPort = Number(process.env.IDP_PORT ?? 3000);
const appPort = Number(process.env.APP_PORT ?? 3001);

console.log('Building the demo pages…');
await buildDemo();
const stack = await startStack({ idpPort, appPort });

console.log(`
consent-kit demo is running.

  Third-party app (web, client secret):  ${stack.app.url}/
  Third-party app (SPA, PKCE):           ${stack.app.url}/spa/
  Demo IdP (oidc-provider):               ${stack.issuer}

Demo users:
${DEMO_USERS.map((u) => `  ${u.email.padEnd(17)} password: ${u.password.padEnd(16)} ${describeUser(u)}`).join('\n')}

Open ${stack.app.url}/ and click "Sign in with Demo IdP". Add ?ui_locales=ko to /login for Korean.
Press Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
