/**
 * TypeScript in a CommonJS project (`module: nodenext`, package.json without "type": "module"):
 * the imports compile to require() calls, which must run as they type-check.
 */
import { createInteractionClient, InteractionError, kitAdapter } from 'consent-kit/client';
import type { InteractionStep } from 'consent-kit';
import { createMemoryStore } from 'consent-kit/server';

const client = createInteractionClient(kitAdapter({ baseUrl: 'https://idp.example.test/interaction/u1' }), {
  fetch: async () =>
    new Response('{"error":"invalid_request"}', { status: 400, headers: { 'content-type': 'application/json' } }),
});

async function main(): Promise<void> {
  let loaded: InteractionStep | undefined;
  let code: string | undefined;
  try {
    loaded = await client.load();
  } catch (error) {
    code = error instanceof InteractionError ? error.code : 'not an InteractionError';
  }
  console.log(JSON.stringify({ loaded: loaded?.kind ?? null, code, store: typeof createMemoryStore() }));
}

void main();
