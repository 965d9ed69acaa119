/**
 * A stand-in interaction client for stories: `load()` answers with the story's step (or
 * never, or an error) and every action resolves without leaving the page. A Proxy, so it keeps
 * satisfying the client interface as methods are added.
 */
import type { InteractionClient } from '../../src/client/types.js';
import { InteractionError, type InteractionErrorCode } from '../../src/protocol/errors.js';
import type { InteractionStep } from '../../src/protocol/interaction.js';

/** What `load()` does. */
export type LoadBehaviour = { step: InteractionStep } | { pending: true } | { error: InteractionErrorCode };

/** The redirect every action returns: the story's own page, so nothing navigates away. */
const STAY = { to: 'https://app.example/callback' };

export function storyClient(behaviour: LoadBehaviour): InteractionClient {
  const load = () => {
    if ('step' in behaviour) return Promise.resolve(behaviour.step);
    if ('pending' in behaviour) return new Promise<never>(() => {});
    return Promise.reject(new InteractionError(behaviour.error, `story: ${behaviour.error}`));
  };
  return new Proxy({} as InteractionClient, {
    get(_target, prop) {
      if (prop === 'load') return load;
      if (prop === 'then') return undefined;
      if (prop === 'switchAccount') return () => load();
      return () => Promise.resolve(STAY);
    },
  });
}

/** Redirect handler for stories: logs instead of navigating away from Storybook. */
export function stayHere(url: string): void {
  console.info(`[story] would navigate to ${url}`);
}
