/**
 * One term per concept and one register per locale, checked over every string of the locale
 * against the glossary tables in docs/localization.md (read from the doc, so the doc is the
 * glossary and cannot drift from what is tested). How a table is read is described above the
 * tables; in short: **term** must appear in the string named by **in**, and no string may
 * contain a **never** variant. The `address` row is the register.
 *
 * Also French typography (no-break spaces before `: ? ! ;` and inside `« »`), which the same
 * section of the doc sets out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../../../src/i18n/languages.js';
import { loadLocale } from './locale-files.js';

interface GlossaryRow {
  concept: string;
  term: string;
  /** The key whose string must contain `term`, or undefined when the term is not a word. */
  anchor: string | undefined;
  never: string[];
}

const DOC = join(import.meta.dirname, '../../../docs/localization.md');

/** The concepts every locale's table must have. */
const REQUIRED = ['permission', 'authorize', 'cancel', 'organization', 'account', 'sign in', 'address'];

/** The `### <lng>` tables of the doc's `## Glossary` section. */
function readGlossary(markdown: string): Map<string, GlossaryRow[]> {
  const start = markdown.indexOf('\n## Glossary\n');
  if (start < 0) throw new Error('docs/localization.md has no "## Glossary" section');
  const rest = markdown.slice(start + 1);
  const end = rest.slice(3).search(/\n## /);
  const section = end < 0 ? rest : rest.slice(0, end + 3);
  const glossary = new Map<string, GlossaryRow[]>();
  for (const block of section.split(/^### /m).slice(1)) {
    const [heading, ...lines] = block.split('\n');
    const rows = lines
      .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line) && !line.startsWith('| concept |'))
      .map((line): GlossaryRow => {
        const cells = line
          .slice(1, -1)
          .split(' | ')
          .map((cell) => cell.trim());
        if (cells.length !== 4) throw new Error(`glossary ${heading}: a row needs 4 cells: ${line}`);
        const [concept, term, anchor, never] = cells as [string, string, string, string];
        return {
          concept,
          term,
          anchor: /^`[^`]+`$/.test(anchor) ? anchor.slice(1, -1) : undefined,
          never: [...never.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
        };
      });
    glossary.set(heading!.trim(), rows);
  }
  return glossary;
}

/** The notation of a hidden character (`common.hiddenCharacters`), the same in every language. */
const SYMBOL = '⟨U+…⟩';

/** Languages written without spaces between words: a variant matches anywhere in them. */
const UNSPACED = /^(ja|ko|zh|th)(-|$)/;
const LETTER = '[\\p{L}\\p{M}\\p{N}]';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A glossary variant as a pattern, following the rules written above the tables. */
function variantPattern(variant: string, lng: string): RegExp {
  if (variant.length > 2 && variant.startsWith('/') && variant.endsWith('/'))
    return new RegExp(variant.slice(1, -1), 'iu');
  const flags = /^\p{Lu}/u.test(variant) ? 'u' : 'iu';
  const open = variant.startsWith('…');
  const openEnd = variant.endsWith('…');
  const body = escapeRegExp(variant.replace(/^…|…$/g, '')).replace(/ /g, '[\\s\\u00a0\\u202f]+');
  if (UNSPACED.test(lng)) return new RegExp(body, flags);
  return new RegExp(`${open ? '' : `(?<!${LETTER})`}${body}${openEnd ? '' : `(?!${LETTER})`}`, flags);
}

const glossary = readGlossary(readFileSync(DOC, 'utf8'));

describe('given the glossary in docs/localization.md', () => {
  it('should have a table for every shipped locale with every required concept', () => {
    expect([...glossary.keys()].sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
    for (const [lng, rows] of glossary) {
      expect([lng, REQUIRED.filter((concept) => !rows.some((row) => row.concept === concept))]).toEqual([lng, []]);
    }
  });

  describe.each([...SUPPORTED_LANGUAGES])('%s', (lng) => {
    const strings = loadLocale(lng);
    const rows = glossary.get(lng) ?? [];
    const terms = rows.filter((row) => row.concept !== 'address');
    const register = rows.filter((row) => row.concept === 'address');

    /** Every [key, concept, variant, text] where a string of the locale uses a never variant of `of`. */
    const violations = (of: GlossaryRow[]) =>
      of.flatMap((row) =>
        row.never.flatMap((variant) => {
          const pattern = variantPattern(variant, lng);
          return (
            [...strings]
              // `⟨U+…⟩` is a symbol (how the screens write a hidden character), not a word: Dutch
              // never says "u", but its strings may show the notation.
              .filter(([, text]) => pattern.test(text.replaceAll(SYMBOL, '')))
              .map(([key, text]) => ({ key, concept: row.concept, variant, text }))
          );
        }),
      );

    it('should use each glossary term in the string the glossary names', () => {
      const missing = rows
        .filter((row) => row.anchor !== undefined)
        .filter((row) => {
          const text = strings.get(row.anchor!);
          return text === undefined || !text.toLowerCase().includes(row.term.replace(/…$/, '').toLowerCase());
        })
        .map((row) => ({ concept: row.concept, term: row.term, in: row.anchor, text: strings.get(row.anchor!) }));
      expect(missing).toEqual([]);
    });

    it('should say each concept with its one term, never another word', () => {
      expect(violations(terms)).toEqual([]);
    });

    it('should keep to one register', () => {
      expect(register).toHaveLength(1);
      expect(violations(register)).toEqual([]);
    });
  });
});

describe('given French typography', () => {
  const fr = loadLocale('fr');
  // Imprimerie nationale: espace fine insécable (U+202F) before ? ! ; — espace insécable
  // (U+00A0) before : and inside « ». Nothing else may stand there, nor nothing at all.
  const RULES: [string, RegExp][] = [
    ['U+202F before ? ! ;', /(?<!\u202f)[?!;]/u],
    ['U+00A0 before :', /(?<!\u00a0):/u],
    ['U+00A0 after «', /«(?!\u00a0)/u],
    ['U+00A0 before »', /(?<!\u00a0)»/u],
  ];

  it.each(RULES)('should put %s', (_rule, wrong) => {
    const offending = [...fr].filter(([, text]) => wrong.test(text.replace(/\{\{[^}]*\}\}/g, '')));
    expect(offending).toEqual([]);
  });
});
