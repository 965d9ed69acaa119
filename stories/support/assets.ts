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

function local(url: string | undefined): string | undefined {
  if (!url?.startsWith(CDN)) return url;
  return asset(`cdn/${url.slice(CDN.length).replace(/\.png$/, '.svg')}`);
}

/** The step with its fixture logo and avatar URLs served locally. */
export function withLocalAssets<S extends InteractionStep>(step: S): S {
  const copy = structuredClone(step);
  if (copy.client.logo) copy.client.logo = { light: local(copy.client.logo.light), dark: local(copy.client.logo.dark) };
  if (copy.kind === 'consent' && copy.user.avatar) copy.user.avatar = local(copy.user.avatar);
  for (const key of Object.keys(copy.client.logo ?? {}) as ('light' | 'dark')[]) {
    if (copy.client.logo![key] === undefined) delete copy.client.logo![key];
  }
  return copy;
}

/** A URL that never loads (reserved `.invalid` domain): the broken-logo stories use it. */
export const BROKEN_LOGO = 'https://logo.invalid/broken.png';
