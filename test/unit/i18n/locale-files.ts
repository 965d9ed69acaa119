/**
 * The shipped locale files as flat maps of dotted key → string, for the i18n tests
 * (`consent.resource.count_one` → "…"). Read from `src/locales`, not imported, so every test
 * sees exactly the files on disk.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

export const LOCALES_DIR = join(import.meta.dirname, '../../../src/locales');

/** The locale directories, sorted (`ar`, `cs`, …, `zh-TW`). */
export const localeDirectories = (): string[] => readdirSync(LOCALES_DIR).sort();

export function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}

/** Every string of `lng`'s `consent-kit.json`, by dotted key. */
export const loadLocale = (lng: string): Map<string, string> =>
  flatten(JSON.parse(readFileSync(join(LOCALES_DIR, lng, 'consent-kit.json'), 'utf8')) as Tree);
