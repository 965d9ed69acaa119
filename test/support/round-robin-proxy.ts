/**
 * A round-robin HTTP proxy on 127.0.0.1, standing in for a load balancer in front of several IdP
 * instances: each request (not each connection) goes to the next instance, `Host` kept. A test
 * may pin requests whose path matches a pattern to one instance, to make "started on A, finished
 * on B" certain; every request served is logged with the instance that served it.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy routed it. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** Index of the instance that served it. */
  instance: number;
  status?: number;
}

/** A running proxy. */
export interface RoundRobinProxy {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The instances' ports, in order; set once they listen. */
  setTargets(ports: number[]): void;
  /** Sends the next `times` requests whose path matches `pattern` to instance `index`. */
  pin(pattern: RegExp, index: number, times?: number): void;
  /** Every request served, in order. */
  readonly log: ProxiedRequest[];
  close(): Promise<void>;
}

/** Starts the proxy (with no targets: 503 until `setTargets`). */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let targets: number[] = [];
  let next = 0;
  const pins: Array<{ pattern: RegExp; index: number; times: number }> = [];
  const log: ProxiedRequest[] = [];
  const agent = new Agent({ keepAlive: true });

  function pick(path: string): number {
    const pin = pins.find((candidate) => candidate.pattern.test(path));
    if (pin) {
      pin.times -= 1;
      if (pin.times <= 0) pins.splice(pins.indexOf(pin), 1);
      return pin.index;
    }
    const index = next % targets.length;
    next += 1;
    return index;
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (targets.length === 0) {
      res.writeHead(503).end();
      return;
    }
    const path = req.url ?? '/';
    const instance = pick(path.split('?')[0]!);
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path, instance };
    log.push(entry);
    const upstream = request(
      { host: '127.0.0.1', port: targets[instance], method: req.method, path, headers: req.headers, agent },
      (response) => {
        entry.status = response.statusCode;
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setTargets(ports) {
      targets = [...ports];
    },
    pin(pattern, index, times = 1) {
      pins.push({ pattern, index, times });
    },
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        agent.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
