/**
 * `consent-kit/client`: the typed, provider-neutral interaction client, its adapters and the
 * protocol types it speaks. No React, no runtime dependency; runs in browsers and Node.
 *
 * @packageDocumentation
 */
export { createInteractionClient, followRedirect } from './interaction-client.js';
export { kitAdapter } from './adapters/kit.js';
export { parseEmbeddedStep, readEmbeddedStep } from './embedded-step.js';
export type { KitAdapterOptions } from './adapters/kit.js';
export { logtoAdapter } from './adapters/logto.js';
export type { LogtoAdapterOptions } from './adapters/logto.js';
export { betterAuthAdapter } from './adapters/better-auth.js';
export type { BetterAuthAdapterOptions } from './adapters/better-auth.js';
export { supabaseAdapter, SupabaseAlreadyDecided } from './adapters/supabase.js';
export type { SupabaseAdapterOptions } from './adapters/supabase.js';
export { createTransport, DEFAULT_TIMEOUT } from './transport.js';
export type { TransportOptions } from './transport.js';
export type {
  InteractionAdapter,
  InteractionClient,
  InteractionClientOptions,
  RequestOptions,
  Transport,
  TransportRequest,
  TransportResponse,
} from './types.js';
export * from '../protocol/index.js';
