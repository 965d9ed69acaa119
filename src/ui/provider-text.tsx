/**
 * Text a provider sends (app, organization, connector and user names, roles, scope
 * descriptions, redirect targets) as it goes on screen. All of it is untrusted and unbounded:
 *
 * - **isolated** in a `<bdi>`: a right-to-left name does not reorder the sentence around it, and
 *   direction controls inside it end with it;
 * - **bounded**: past `max` characters it is cut with "…", so a name of 30,000 characters cannot
 *   push Authorize off the page. The whole text stays in the accessibility tree, and
 *   {@link FullText} shows it on request — up to {@link WHOLE_MAX} characters, cut with "…" past
 *   that too;
 * - with `reveal`, **invisible and direction-changing characters shown** as `⟨U+202E⟩`, for the
 *   texts a user decides by (the app's name, where they will be sent): an app named
 *   "Bank \u202Egnp.exe" must not read "Bank exe.png".
 */
import { Fragment, type ReactNode } from 'react';
import type { KitKey, KitT } from '../i18n/keys.js';

/** Characters shown for names (app, organization, connector, user, role, API). */
export const NAME_MAX = 80;
/** Characters shown for descriptions and redirect targets. */
export const TEXT_MAX = 160;
/**
 * Characters of a provider text kept at all (the accessibility tree, {@link FullText}), revealed
 * characters counted as written out. Nobody reads further, and a name of a million characters
 * would otherwise be in the page at each of its appearances (eight times as long revealed: an
 * app name of 1 MB put 56 million characters in the consent screen).
 */
export const WHOLE_MAX = 2_000;

/**
 * Invisible or direction-changing characters: controls (Cc), format characters (Cf: bidi
 * embeddings, overrides and isolates, marks, zero-width space, word joiner, BOM, tags), line and
 * paragraph separators and the Hangul fillers that draw nothing. Not the zero-width (non-)joiner
 * or the soft hyphen: Persian, Indic scripts and emoji sequences need them, and they reorder
 * nothing.
 */
const HIDDEN = /(?![\u00AD\u200C\u200D])[\p{Cc}\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0]/gu;

/** Whether `text` holds a character {@link reveal} would show. */
export function hasHidden(text: string): boolean {
  return text.search(HIDDEN) >= 0;
}

/** `text` with every hidden character written out as `⟨U+XXXX⟩`. */
export function reveal(text: string): string {
  return text.replace(HIDDEN, (c) => `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * The first `max` code points of `text` (a cut never splits a surrogate pair), or undefined when
 * it has no more. Reads no more of `text` than it needs: most texts stop at the length check.
 */
function cut(text: string, max: number): string | undefined {
  if (text.length <= max) return undefined;
  // `max` code points take at most `2 * max` code units; a pair split at the slice's end lies
  // past the first `max`.
  const chars = Array.from(text.length > 2 * max ? text.slice(0, 2 * max) : text);
  return chars.length <= max ? undefined : chars.slice(0, max).join('');
}

/**
 * The text as kept (revealed when asked, at most {@link WHOLE_MAX} characters) and, when longer
 * than `max` characters, its cut start.
 */
function shown(text: string, max: number, show: boolean | undefined): { full: string; head?: string } {
  // Bounded before `reveal`, which writes each hidden character out in ten.
  const bounded = cut(text, WHOLE_MAX);
  const revealed = show ? reveal(bounded ?? text) : (bounded ?? text);
  const kept = cut(revealed, WHOLE_MAX);
  const full = bounded !== undefined || kept !== undefined ? `${kept ?? revealed}…` : revealed;
  const head = cut(full, max);
  return head === undefined ? { full } : { full, head };
}

/**
 * The text as a plain string, bounded like {@link ProviderText} (cut with "…"): for attributes
 * (`alt`, `aria-label`), where no element can isolate it.
 */
export function providerString(text: string, max = NAME_MAX, show?: boolean): string {
  const { full, head } = shown(text, max, show);
  return head === undefined ? full : `${head}…`;
}

/** Props of {@link ProviderText}. */
export interface ProviderTextProps {
  /** The provider's text. */
  text: string;
  /** Characters shown before the cut; default {@link NAME_MAX}. */
  max?: number | undefined;
  /** Show invisible and direction-changing characters (see the module documentation). */
  reveal?: boolean | undefined;
}

/** One provider text: isolated, bounded, rendered as text. */
export function ProviderText({ text, max = NAME_MAX, reveal: show }: ProviderTextProps) {
  const { full, head } = shown(text, max, show);
  if (head === undefined) return <bdi className="ck-text">{full}</bdi>;
  return (
    <bdi className="ck-text" data-cut="">
      {/* Seen: the start. Heard: the whole, as the accessibility tree has it. */}
      <span aria-hidden="true">{head}…</span>
      <span className="ck-visually-hidden">{full}</span>
    </bdi>
  );
}

/** Props of {@link FullText}. */
export interface FullTextProps {
  /** The texts shown by {@link ProviderText} nearby (with the same `max` and `reveal`). */
  texts: readonly (string | undefined)[];
  max?: number | undefined;
  reveal?: boolean | undefined;
  /** The disclosure's label ("Show full text"). */
  label: string;
}

/**
 * The whole of the nearby provider texts that were cut, in a native disclosure (keyboard and
 * screen-reader friendly with no script; closed, its content is not even laid out). Renders
 * nothing when nothing was cut.
 */
export function FullText({ texts, max = NAME_MAX, reveal: show, label }: FullTextProps) {
  const cut = new Set<string>();
  for (const text of texts) {
    const { full, head } = shown(text ?? '', max, show);
    if (head !== undefined) cut.add(full);
  }
  if (cut.size === 0) return null;
  return (
    <details className="ck-full-text">
      <summary className="ck-full-text__summary">{label}</summary>
      {[...cut].map((full) => (
        <p key={full} className="ck-full-text__item">
          <bdi className="ck-text">{full}</bdi>
        </p>
      ))}
    </details>
  );
}

/**
 * The warning under a text the user decides by (the app's name, where they will be sent) when it
 * holds invisible or direction-changing characters ({@link hasHidden}): shown ones alone are
 * easy to miss. Nothing otherwise. `children`: the warning ("This name contains hidden
 * characters").
 */
export function HiddenWarning({ text, className, children }: { text: string; className: string; children: ReactNode }) {
  if (!hasHidden(text)) return null;
  return (
    <p className={className} data-tone="warning">
      {children}
    </p>
  );
}

/**
 * `t(key)` with React nodes in place of some `{{variables}}`, so provider text inside a
 * translated sentence is a {@link ProviderText} (isolated, bounded) rather than a raw string.
 * Each node variable is handed to `t` as a marker and the sentence is split around it.
 */
export function tNodes(
  t: KitT,
  key: KitKey,
  nodes: Record<string, ReactNode>,
  values?: Record<string, unknown>,
): ReactNode[] {
  const names = Object.keys(nodes);
  const text = t(key, { ...values, ...Object.fromEntries(names.map((name, i) => [name, `\u0000${i}\u0000`])) });
  // "a␀0␀b" → ["a", "0", "b"]: odd entries are marker numbers.
  return text.split('\u0000').map((part, i) =>
    // The sentence's parts never move: their position is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    i % 2 ? <Fragment key={i}>{nodes[names[Number(part)]!]}</Fragment> : part,
  );
}
