/**
 * Replays a recording from a running Logto (`test/fixtures/logto/recorded/`) as `fetch`: each
 * request the adapter sends must be the next recorded API request (method, path and JSON body),
 * and gets Logto's recorded answer. A request that differs is answered 599 and listed in
 * `mismatches`, so a test fails both on the adapter's error and on the list.
 */
import { apiExchanges, type LogtoRecording, type RecordedExchange } from '../../../fixtures/logto/recording.js';

export interface Replay {
  fetch: typeof globalThis.fetch;
  /** Requests that were not the next recorded one, as `METHOD path body`. */
  mismatches: string[];
  /** Recorded API exchanges not yet requested. */
  remaining(): RecordedExchange[];
}

/**
 * @param from - start at the first API exchange with this `METHOD path` (a page that loads
 *   mid-flow, such as the consent page after sign-in); default: the first exchange.
 */
export function replayLogto(recording: LogtoRecording, origin = 'https://auth.example', from?: string): Replay {
  const all = apiExchanges(recording);
  const start = from === undefined ? 0 : all.findIndex((e) => `${e.request.method} ${e.request.path}` === from);
  if (start < 0) throw new Error(`the recording has no ${from}`);
  const queue = all.slice(start);
  const mismatches: string[] = [];

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), origin);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const sent = `${method} ${url.pathname}${url.search} ${JSON.stringify(body)}`;
    const next = queue[0];
    const expected = next && `${next.request.method} ${next.request.path} ${JSON.stringify(next.request.body)}`;
    if (url.origin !== origin || sent !== expected) {
      mismatches.push(`${sent} (recorded next: ${expected ?? 'nothing'})`);
      return new Response('not in the recording', { status: 599 });
    }
    queue.shift();
    const { status, contentType, body: answer } = next!.response;
    const text = answer === undefined ? null : typeof answer === 'string' ? answer : JSON.stringify(answer);
    return new Response(text, { status, headers: contentType ? { 'content-type': contentType } : {} });
  };

  return { fetch: fetch as typeof globalThis.fetch, mismatches, remaining: () => [...queue] };
}
