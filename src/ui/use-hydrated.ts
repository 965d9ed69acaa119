/**
 * `useHydrated()`: whether this render runs in a live page. `false` only in a server render and
 * in the hydration of its markup; `true` from the first render of a screen mounted in the
 * browser (no extra render there).
 *
 * Server-rendered forms hold their controls disabled until then: a click before the page's
 * script has hydrated them would otherwise submit the form natively (a GET of the page with the
 * typed identifier in its URL), and typing would be lost when hydration takes the inputs over.
 */
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** `true` once the component runs in a hydrated or client-rendered page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
