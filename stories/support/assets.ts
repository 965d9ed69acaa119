/**
 * Fixture URLs point at `https://cdn.example.com/…`, which is not reachable from Storybook (or
 * offline). Stories swap them for the same pictures served by Storybook itself, so the screens
 * show real logos and the story tests make no outside request.
 */
import type { InteractionStep } from '../../src/protocol/interaction.js';

/** An absolute URL of a file in `stories/assets/` (the kit only accepts absolute http(s) URLs). */
export function asset(path: string): string {
  return new URL(path.replace(/^\//, ''), globalThis.location?.href ?? 'http://localhost/').href;
}

const CDN = 'https://cdn.example.com/';

/** Every `https://cdn.example.com/x.png` string anywhere in `value`, as `<storybook>/cdn/x.svg`. */
function localize(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.startsWith(CDN) ? asset(`cdn/${value.slice(CDN.length).replace(/\.png$/, '.svg')}`) : value;
  }
  if (Array.isArray(value)) return value.map(localize);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v)]));
  }
  return value;
}

/**
 * The step with its fixture logo, avatar and connector URLs served locally (add the picture to
 * `stories/assets/cdn/` when a fixture names a new one: the story tests report a 404).
 */
export function withLocalAssets<S extends InteractionStep>(step: S): S {
  return localize(step) as S;
}

/** A URL that never loads (reserved `.invalid` domain): the broken-logo stories use it. */
export { BROKEN_LOGO } from '../../test/fixtures/stress.js';
