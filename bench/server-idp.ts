/**
 * The demo IdP as `npm run bench:server` runs it: its own process (so its memory is measured
 * alone), in memory, or on Redis when BENCH_REDIS_URL is set. Prints `{"issuer": …}` once
 * listening; answers the parent's `{ type: 'rss' }` with its resident set size after a full GC.
 */
import { Redis } from 'ioredis';
import { demoClients, startIdp } from '../demo/idp/index.js';
import { SPA_REDIRECT_URI, WEB_REDIRECT_URI } from '../test/support/oidc-flow.js';

const redisUrl = process.env.BENCH_REDIS_URL;
const redis = redisUrl ? new Redis(redisUrl) : undefined;

const idp = await startIdp({
  clients: demoClients({ webRedirectUri: WEB_REDIRECT_URI, spaRedirectUri: SPA_REDIRECT_URI }),
  ...(redis && { redis }),
  // Every flow signs in one of the demo's two password users, 300 at a time, from one address:
  // limits far above that keep the limiter on every sign-in (its cost is measured) without
  // refusing the load. Each attempt holds one of the identifier's and the address's points while
  // it runs, so the defaults (5 and 50) would cap concurrent sign-ins of one user at 5.
  signIn: () => ({ attemptLimit: { maxFailures: 100_000, maxFailuresPerIp: 1_000_000 } }),
});

process.on('message', (message: { type?: string }) => {
  if (message?.type !== 'rss') return;
  // Measure what is retained, not garbage waiting for the next collection.
  for (let index = 0; index < 3; index += 1) globalThis.gc?.();
  process.send?.({ type: 'rss', rss: process.memoryUsage().rss, gc: typeof globalThis.gc === 'function' });
});
process.on('disconnect', async () => {
  await idp.close();
  await redis?.quit();
  process.exit(0);
});

console.log(JSON.stringify({ issuer: idp.issuer }));
