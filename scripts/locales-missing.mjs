#!/usr/bin/env node
/**
 * Lists, for every locale in src/locales, the keys it lacks and the keys it has that English
 * does not, counting plural forms the way i18next does: a plural key in English
 * (`summary_one`, `summary_other`) must exist in each locale in exactly the CLDR categories of
 * that language (`Intl.PluralRules`), e.g. Arabic needs `_zero _one _two _few _many _other`.
 * Also flags interpolation variables that differ from English.
 *
 *   node scripts/locales-missing.mjs            # report; exit 1 when something is off
 *   node scripts/locales-missing.mjs --json     # machine-readable, with the English text of each missing key
 *   node scripts/locales-missing.mjs ko ja      # only these locales
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../src/locales/', import.meta.url));
const NS_FILE = 'consent-kit.json';
const PLURAL = /_(zero|one|two|few|many|other)$/;

const flatten = (tree, prefix = '', out = new Map()) => {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
};
const read = (lng) => flatten(JSON.parse(readFileSync(`${root}${lng}/${NS_FILE}`, 'utf8')));
const variables = (text) =>
  [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/**
 * Same interpolation variables as English. The exact-number forms (`_zero`, `_one`, `_two`)
 * may leave `{{count}}` out, as languages say "one permission" or "two permissions" in words.
 */
export function sameVariables(key, text, english) {
  const mine = variables(text);
  const theirs = variables(english);
  if (mine === theirs) return true;
  return (
    /_(zero|one|two)$/.test(key) &&
    mine ===
      theirs
        .split(',')
        .filter((v) => v !== 'count')
        .join(',')
  );
}

/**
 * Plural categories a locale keeps beyond this engine's CLDR data: Hebrew `many`, dropped in
 * CLDR 42 but still selected by engines with older ICU (test/unit/i18n/plurals.test.ts).
 */
const LEGACY_CATEGORIES = { he: ['many'] };

/** The keys `lng` must have: English's, with plural keys expanded to the language's categories. */
export function expectedKeys(en, lng) {
  const categories = [
    ...new Intl.PluralRules(lng).resolvedOptions().pluralCategories,
    ...(LEGACY_CATEGORIES[lng] ?? []),
  ];
  const out = new Map();
  for (const [key, text] of en) {
    if (!PLURAL.test(key)) out.set(key, text);
    else {
      const base = key.replace(PLURAL, '');
      const other = en.get(`${base}_other`) ?? text;
      for (const category of categories) if (!out.has(`${base}_${category}`)) out.set(`${base}_${category}`, other);
    }
  }
  return out;
}

export function report(lng, en = read('en')) {
  const have = read(lng);
  const want = expectedKeys(en, lng);
  const missing = [...want.keys()].filter((key) => !have.has(key));
  const pluralBases = new Set([...want.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
  const unusedPlural = (key) => PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, ''));
  // A plural form the language never selects is harmless (i18next ignores it): noted, not an error.
  const unused = [...have.keys()].filter((key) => !want.has(key) && unusedPlural(key));
  const extra = [...have.keys()].filter((key) => !want.has(key) && !unusedPlural(key));
  const variableMismatch = [...have.entries()]
    .filter(([key]) => want.has(key))
    .filter(([key, text]) => !sameVariables(key, text, want.get(key)))
    .map(([key]) => key);
  return {
    lng,
    missing,
    extra,
    unused,
    variableMismatch,
    english: Object.fromEntries(missing.map((k) => [k, want.get(k)])),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const only = args.filter((a) => !a.startsWith('--'));
  const en = read('en');
  const locales = readdirSync(root)
    .filter((lng) => lng !== 'en' && (only.length === 0 || only.includes(lng)))
    .sort();
  const results = locales.map((lng) => report(lng, en));
  if (json) console.log(JSON.stringify(results, null, 2));
  else {
    for (const r of results) {
      const parts = [];
      if (r.missing.length) parts.push(`missing ${r.missing.join(' ')}`);
      if (r.extra.length) parts.push(`extra ${r.extra.join(' ')}`);
      if (r.unused.length) parts.push(`(unused plural forms ${r.unused.join(' ')})`);
      if (r.variableMismatch.length) parts.push(`variables differ ${r.variableMismatch.join(' ')}`);
      console.log(`${r.lng.padEnd(6)} ${parts.length ? parts.join('; ') : 'ok'}`);
    }
    console.log(`${en.size} English keys, ${locales.length} other locales`);
  }
  const bad = results.some((r) => r.missing.length || r.extra.length || r.variableMismatch.length);
  process.exit(bad ? 1 : 0);
}
