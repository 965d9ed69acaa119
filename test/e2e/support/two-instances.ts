/**
 * Two demo IdP processes (test/e2e/support/idp-instance.ts) behind one round-robin proxy, over
 * one redis-server: the IdP as an operator runs it with a load balancer. The demo app and
 * "Social Demo" run in the test process; everything listens on 127.0.0.1 and is stopped by the
 * suite's own hooks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../../../demo/app/server.js';
import { buildPaths } from '../../../demo/build.js';
import { signingKeys } from '../../../demo/idp/index.js';
import { startSocialProvider, type RunningSocialProvider } from '../../../demo/social/provider.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../support/round-robin-proxy.js';
import { useBrowserSession, type BrowserSession } from './demo-session.js';

/** One IdP process. */
export interface IdpInstance {
  port: number;
  /** Everything it printed, line by line. */
  readonly lines: string[];
  /** The codes its mailbox delivered to `to`, oldest first. */
  codesFor(to: string): string[];
}

/** The running two-instance IdP and its neighbours. */
export interface TwoInstanceStack {
  /** The proxy's address: the IdP's issuer. */
  issuer: string;
  app: RunningApp;
  socialIssuer: string;
  proxy: RoundRobinProxy;
  instances: IdpInstance[];
  redis: RedisServer;
  close(): Promise<void>;
}

const INSTANCE = fileURLToPath(new URL('./idp-instance.ts', import.meta.url));
const MAILBOX_LINE = /^\[mailbox\] Sign-in code for (\S+): (\d+)$/;

async function startInstance(env: Record<string, string>): Promise<{ instance: IdpInstance; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (line.startsWith('{"port"')) resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`IdP instance exited (${code}) before listening:\n${errors.slice(-3000)}`)),
    );
  });
  const instance: IdpInstance = {
    port,
    lines,
    codesFor: (to) =>
      lines.flatMap((line) => {
        const match = MAILBOX_LINE.exec(line);
        return match && match[1]!.toLowerCase() === to.toLowerCase() ? [match[2]!] : [];
      }),
  };
  return { instance, child };
}

/** Starts Redis, the app, the proxy, "Social Demo" and two IdP instances. */
export async function startTwoInstanceStack(buildDir: string): Promise<TwoInstanceStack> {
  const stops: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const redis = await startRedisServer();
    stops.push(() => redis.stop());
    const app = await startApp({ port: 0, spaDir: buildPaths(buildDir).spa });
    stops.push(() => app.close());
    const proxy = await startRoundRobinProxy();
    stops.push(() => proxy.close());
    const social: RunningSocialProvider = await startSocialProvider({
      port: 0,
      redirectUri: `${proxy.url}/interaction/callback`,
    });
    stops.push(() => social.close());

    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'two-instances:',
      ISSUER: proxy.url,
      JWKS: JSON.stringify(signingKeys()),
      BUILD_DIR: buildDir,
      SOCIAL_ISSUER: social.issuer,
      WEB_REDIRECT_URI: app.webRedirectUri,
      SPA_REDIRECT_URI: app.spaRedirectUri,
    };
    const started = await Promise.all([startInstance(env), startInstance(env)]);
    for (const { child } of started) {
      stops.push(async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        await once(child, 'exit');
      });
    }
    const instances = started.map(({ instance }) => instance);
    proxy.setTargets(instances.map((instance) => instance.port));
    app.setIssuer(proxy.url);
    return { issuer: proxy.url, app, socialIssuer: social.issuer, proxy, instances, redis, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The two-instance stack with Chromium: one per file, a fresh browser context per test. */
export function useTwoInstanceSession(): BrowserSession<TwoInstanceStack> {
  return useBrowserSession(() => startTwoInstanceStack(inject('demoBuildDir')));
}
