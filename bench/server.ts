/**
 * `npm run bench:server`: the demo IdP (oidc-provider + the consent-kit bridge) under load over
 * HTTP, no browser — first with its state in memory, then in Redis (a redis-server this script
 * starts on a free port and stops). For each:
 *
 * - 300 concurrent full authorization-code flows (authorization request, sign-in step, password,
 *   consent step, decision, code exchange with openid-client): failures, and p50 / p99 per step;
 * - the throughput of the kit's `GET …/details` against oidc-provider's own discovery document,
 *   on the same server in the same run;
 * - the IdP process's resident memory (after a full GC) once 1,000 flows have completed, and
 *   again after 5,000 completed plus 5,000 abandoned (left at the sign-in step).
 *
 * Budget: 0 failed flows, memory and Redis; RSS after 5,000 completed + 5,000 abandoned within
 * 1.5× of RSS after 1,000. Exits non-zero when over budget. The last line is
 * `server: <N> flows, <N> failed, p99 <N> ms, details/discovery throughput ratio <R>` over the
 * two 300-flow runs (p99 of a whole flow and the ratio: the worse of the two backends).
 * A benchmark, not a test: run it alone, and expect minutes.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import * as oidc from 'openid-client';
import { API_RESOURCE, DEMO_WEB_CLIENT } from '../demo/idp/index.js';
import { authorizationRequest, Browser, exchangeCode } from '../test/support/oidc-flow.js';
import { startRedisServer, type RedisServer } from '../test/support/redis-server.js';

const CONCURRENT_FLOWS = 300;
const RSS_FIRST = 1_000;
const RSS_COMPLETED = 5_000;
const RSS_ABANDONED = 5_000;
const RSS_BUDGET = 1.5;
/** Flows in flight at once while filling the IdP for the memory measurement. */
const FILL_CONCURRENCY = 50;
const THROUGHPUT_REQUESTS = Number(process.env.BENCH_THROUGHPUT_REQUESTS ?? 3_000);
const THROUGHPUT_CONCURRENCY = 50;

const STEPS = [
  'authorize',
  'sign-in step',
  'password',
  'to consent',
  'consent step',
  'decision',
  'to callback',
  'token',
  'whole flow',
] as const;
type Step = (typeof STEPS)[number];
type Timings = Record<Step, number[]>;
const USERS = [
  ['alice@demo.test', 'alice-password'],
  ['bob@demo.test', 'bob-password'],
] as const;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1).padStart(8) : '       –');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

class FlowError extends Error {}

function expectStatus(reply: { status: number; text: string }, status: number, what: string): void {
  if (reply.status !== status) throw new FlowError(`${what}: HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
}

/** One full authorization-code flow, each step timed. */
async function completeFlow(
  issuer: string,
  config: oidc.Configuration,
  index: number,
  timings?: Timings,
): Promise<void> {
  const time = async <T>(step: Step, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings?.[step].push(performance.now() - start);
    return result;
  };
  const started = performance.now();
  const [identifier, password] = USERS[index % USERS.length]!;
  const browser = new Browser(issuer);
  const request = await authorizationRequest(config, { scope: 'openid email read:reports', resource: API_RESOURCE });
  const loginUid = await time('authorize', () => browser.toInteraction(request.url));
  const login = await time('sign-in step', () => browser.kit(loginUid, 'details'));
  expectStatus(login, 200, 'sign-in step');
  const signedIn = await time('password', () => browser.kit(loginUid, 'login', { identifier, password }));
  expectStatus(signedIn, 200, 'password');
  const consentUid = await time('to consent', () => browser.toInteraction(signedIn.body.redirectTo));
  const consent = await time('consent step', () => browser.kit(consentUid, 'details'));
  expectStatus(consent, 200, 'consent step');
  if (consent.body?.kind !== 'consent') throw new FlowError(`consent step: got ${consent.body?.kind}`);
  const decided = await time('decision', () =>
    browser.kit(consentUid, 'consent', {
      profileScopes: ['openid', 'email'],
      resources: { [API_RESOURCE]: ['read:reports'] },
      organizationIds: [],
      remember: false,
    }),
  );
  expectStatus(decided, 200, 'decision');
  const callback = await time('to callback', () => browser.toCallback(decided.body.redirectTo));
  const tokens = await time('token', () => exchangeCode(config, callback, request));
  if (!tokens.access_token || tokens.scope !== 'read:reports') throw new FlowError(`token: scope ${tokens.scope}`);
  timings?.['whole flow'].push(performance.now() - started);
}

/** A flow left at the sign-in step: the interaction stays until it expires. */
async function abandonFlow(issuer: string, config: oidc.Configuration): Promise<void> {
  const browser = new Browser(issuer);
  const request = await authorizationRequest(config, { scope: 'openid email' });
  const uid = await browser.toInteraction(request.url);
  expectStatus(await browser.kit(uid, 'details'), 200, 'abandoned sign-in step');
}

/** Runs `count` tasks, `concurrency` at a time; resolves with the failures. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<unknown[]> {
  const failures: unknown[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        await task(index).catch((error: unknown) => void failures.push(error));
      }
    }),
  );
  return failures;
}

/** Requests per second of `request`, THROUGHPUT_REQUESTS of them, THROUGHPUT_CONCURRENCY at a time. */
async function throughput(request: () => Promise<void>): Promise<number> {
  const start = performance.now();
  const failures = await pool(THROUGHPUT_REQUESTS, THROUGHPUT_CONCURRENCY, () => request());
  if (failures.length > 0) throw new Error(`throughput run failed ${failures.length} times: ${String(failures[0])}`);
  return THROUGHPUT_REQUESTS / ((performance.now() - start) / 1000);
}

/** Starts `bench/server-idp.ts` in its own Node process (with --expose-gc). */
async function startIdpProcess(redisUrl?: string): Promise<{ child: ChildProcess; issuer: string }> {
  const child = fork(fileURLToPath(new URL('./server-idp.ts', import.meta.url)), [], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...(redisUrl && { BENCH_REDIS_URL: redisUrl }) },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const issuer = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"issuer"'));
      if (line) resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once('exit', (code) => reject(new Error(`the IdP process exited (${code}) before listening:\n${output}`)));
  });
  child.stdout!.resume();
  return { child, issuer };
}

async function rssOf(child: ChildProcess): Promise<number> {
  child.send({ type: 'rss' });
  const [message] = (await once(child, 'message')) as [{ type: string; rss: number; gc: boolean }];
  if (!message.gc) throw new Error('the IdP process runs without --expose-gc');
  return message.rss;
}

interface BackendResult {
  name: string;
  flows: number;
  failed: number;
  p99: number;
  ratio: number;
  rssFirst: number;
  rssLast: number;
  otherFailures: number;
}

async function benchBackend(name: string, redisUrl?: string): Promise<BackendResult> {
  const { child, issuer } = await startIdpProcess(redisUrl);
  try {
    const config = await oidc.discovery(new URL(issuer), DEMO_WEB_CLIENT.id, DEMO_WEB_CLIENT.secret, undefined, {
      execute: [oidc.allowInsecureRequests],
    });
    // Warm-up: JIT, connections, the provider's lazily built parts.
    const warmupFailures = await pool(20, 5, (index) => completeFlow(issuer, config, index));
    let completed = 20 - warmupFailures.length;

    const timings = Object.fromEntries(STEPS.map((step) => [step, []])) as unknown as Timings;
    const failures = await pool(CONCURRENT_FLOWS, CONCURRENT_FLOWS, (index) =>
      completeFlow(issuer, config, index, timings),
    );
    completed += CONCURRENT_FLOWS - failures.length;

    // Throughput: the kit's details of one sign-in step against discovery, alternated, best of two.
    const browser = new Browser(issuer);
    const uid = await browser.toInteraction((await authorizationRequest(config, { scope: 'openid' })).url);
    const details = async () => expectStatus(await browser.kit(uid, 'details'), 200, 'details');
    const discovery = async () => {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new FlowError(`discovery: HTTP ${response.status}`);
    };
    const rates = { details: [] as number[], discovery: [] as number[] };
    for (let round = 0; round < 2; round += 1) {
      rates.discovery.push(await throughput(discovery));
      rates.details.push(await throughput(details));
    }
    const detailsRate = Math.max(...rates.details);
    const discoveryRate = Math.max(...rates.discovery);

    // Memory: after 1,000 completed flows, then after 5,000 completed and 5,000 abandoned.
    const fillFailures: unknown[] = [];
    fillFailures.push(
      ...(await pool(RSS_FIRST - completed, FILL_CONCURRENCY, (index) => completeFlow(issuer, config, index))),
    );
    const rssFirst = await rssOf(child);
    const more = RSS_COMPLETED - RSS_FIRST;
    fillFailures.push(
      ...(await pool(more + RSS_ABANDONED, FILL_CONCURRENCY, (index) =>
        index % 2 === 0 && index / 2 < more ? completeFlow(issuer, config, index) : abandonFlow(issuer, config),
      )),
    );
    const rssLast = await rssOf(child);

    let redisMemory = '';
    if (redisUrl) {
      const client = new Redis(redisUrl);
      const info = await client.info('memory');
      const keys = await client.dbsize();
      await client.quit();
      redisMemory = `; Redis holds ${keys} keys in ${/used_memory_human:(\S+)/.exec(info)?.[1] ?? '?'}`;
    }

    const all = [...failures, ...warmupFailures, ...fillFailures];
    console.log(
      `\n${name}: ${CONCURRENT_FLOWS} concurrent authorization-code flows over HTTP, ${failures.length} failed`,
    );
    console.log(`  ${'step'.padEnd(14)}   p50 ms   p99 ms`);
    for (const step of STEPS)
      console.log(`  ${step.padEnd(14)} ${ms(percentile(timings[step], 0.5))} ${ms(percentile(timings[step], 0.99))}`);
    console.log(
      `  throughput: GET …/details ${detailsRate.toFixed(0)} req/s, discovery ${discoveryRate.toFixed(0)} req/s ` +
        `(${THROUGHPUT_REQUESTS} requests, ${THROUGHPUT_CONCURRENCY} at a time, best of 2): ` +
        `ratio ${(detailsRate / discoveryRate).toFixed(2)}`,
    );
    console.log(
      `  IdP RSS after GC: ${mib(rssFirst)} after ${RSS_FIRST} completed flows, ` +
        `${mib(rssLast)} after ${RSS_COMPLETED} completed ` +
        `+ ${RSS_ABANDONED} abandoned (${(rssLast / rssFirst).toFixed(2)}×, budget ${RSS_BUDGET}×)${redisMemory}`,
    );
    if (all.length > 0) console.log(`  failures (${all.length}), first: ${String(all[0])}`);
    return {
      name,
      flows: CONCURRENT_FLOWS,
      failed: failures.length,
      p99: percentile(timings['whole flow'], 0.99),
      ratio: detailsRate / discoveryRate,
      rssFirst,
      rssLast,
      otherFailures: warmupFailures.length + fillFailures.length,
    };
  } finally {
    child.disconnect();
    await once(child, 'exit');
  }
}

let redis: RedisServer | undefined;
const results: BackendResult[] = [];
try {
  results.push(await benchBackend('memory'));
  redis = await startRedisServer();
  results.push(await benchBackend('redis', redis.url));
} finally {
  await redis?.stop();
}

const over: string[] = [];
for (const result of results) {
  if (result.failed + result.otherFailures > 0)
    over.push(`${result.name}: ${result.failed + result.otherFailures} failed flows (budget 0)`);
  if (result.rssLast > result.rssFirst * RSS_BUDGET) {
    over.push(`${result.name}: RSS grew ${(result.rssLast / result.rssFirst).toFixed(2)}× (budget ${RSS_BUDGET}×)`);
  }
}
const flows = results.reduce((sum, result) => sum + result.flows, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const p99 = Math.max(...results.map((result) => result.p99));
const ratio = Math.min(...results.map((result) => result.ratio));
console.log(over.length > 0 ? `\nover budget:\n  ${over.join('\n  ')}` : '\nwithin budget');
console.log(
  `server: ${flows} flows, ${failed} failed, p99 ${Math.round(p99)} ms, ` +
    `details/discovery throughput ratio ${ratio.toFixed(2)}`,
);
process.exitCode = over.length > 0 ? 1 : 0;
