/**
 * The chunk URLs a step needs, from a Vite build manifest (`build.manifest: true`,
 * `.vite/manifest.json`), for `<link rel="modulepreload">` tags: the page then fetches the
 * locale, the branding compiler or the sign-in kit together with its entry script instead of
 * discovering them after the step is read.
 *
 * The kit's lazy chunks are found by name, whether the host bundles the published package
 * (`dist/locale-ko-….js`, `locale-loader-…`, `brand-…`, `sign-in-…`) or its sources.
 */
import type { StepNeeds } from './index.js';

/** One chunk of a Vite manifest (the fields used here). */
export interface PreloadManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}

/** A Vite build manifest: chunks by source path. */
export type PreloadManifest = Readonly<Record<string, PreloadManifestChunk>>;

/** Options of {@link preloadLinks}. */
export interface PreloadLinkOptions {
  /** The URL prefix the assets are served under (Vite's `base`); default `/`. */
  base?: string | undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Source paths (and published chunk names) of the kit's lazily loaded modules. No kit language
 * is another's prefix at a hyphen (`zh` and `pt` are not kit languages), so a host's hash after
 * `locale-ko` never makes another language match.
 */
const PATTERNS = {
  locale: (lng: string) =>
    new RegExp(
      `(?:^|/)(?:locales/${escapeRegExp(lng)}/consent-kit\\.json|locale-${escapeRegExp(lng)}(?:-[\\w-]+)?\\.js)$`,
    ),
  loader: /(?:^|\/)(?:i18n\/load\.ts|locale-loader(?:-[\w-]+)?\.js)$/,
  branding: /(?:^|\/)(?:theme\/brand\.ts|brand-[\w-]+\.js)$/,
  signIn: /(?:^|\/)(?:login\/sign-in\.tsx|screens\/sign-in-screen\.tsx|sign-in-[\w-]+\.js)$/,
};

/**
 * The URLs to preload for `needs` (from `renderInteraction`), each chunk with the chunks it
 * imports, minus what the page's entry loads anyway. Chunks the manifest does not hold are
 * skipped (the screen then loads them itself).
 */
export function preloadLinks(needs: StepNeeds, manifest: PreloadManifest, options: PreloadLinkOptions = {}): string[] {
  const base = (options.base ?? '/').replace(/\/?$/, '/');
  const entries = Object.entries(manifest);
  const find = (pattern: RegExp) =>
    entries.find(([key, chunk]) => pattern.test(key) || pattern.test(chunk.src ?? ''))?.[0];

  // What the entry scripts load statically: already on its way, never listed twice.
  const loaded = new Set<string>();
  const walk = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) walk(imported, into);
  };
  for (const [key, chunk] of entries) if (chunk.isEntry) walk(key, loaded);

  const wanted = [
    ...needs.locales.flatMap((lng) => [find(PATTERNS.loader), find(PATTERNS.locale(lng))]),
    needs.branding ? find(PATTERNS.branding) : undefined,
    needs.signIn ? find(PATTERNS.signIn) : undefined,
  ];
  const keys = new Set<string>();
  for (const key of wanted) if (key) walk(key, keys);
  return [...keys].filter((key) => !loaded.has(key)).map((key) => base + manifest[key]!.file);
}
