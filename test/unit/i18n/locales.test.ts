/**
 * Every shipped locale against English, the source of truth: same keys, the plural forms its
 * language needs (Intl.PluralRules categories, as i18next picks them), the same interpolation
 * variables, and no English sentence left behind. `node scripts/locales-missing.mjs` prints
 * what is missing when this fails.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_SCOPES } from '../../../src/consent/scope-label.js';
import { canLoad } from '../../../src/i18n/load.js';
import { SUPPORTED_LANGUAGES } from '../../../src/i18n/languages.js';
import { ERROR_CODES } from '../../../src/protocol/errors.js';
import { loadLocale as load, localeDirectories } from './locale-files.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

const en = load('en');
const directories = localeDirectories();
const others = directories.filter((lng) => lng !== 'en');

/** English keys, with each plural key expanded into `lng`'s CLDR categories. */
function expectedKeys(lng: string): Map<string, string> {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
  const out = new Map<string, string>();
  for (const [key, text] of en) {
    if (!PLURAL.test(key)) out.set(key, text);
    else {
      const base = key.replace(PLURAL, '');
      for (const category of categories) out.set(`${base}_${category}`, en.get(`${base}_other`) ?? text);
    }
  }
  return out;
}

/**
 * Text that counts as English prose: variables and names that stay untranslated everywhere
 * (API, scope values, brands) removed, lower-cased. Single words are not sentences (Italian
 * says "Password" too), so only text of two words or more is compared.
 */
const UNTRANSLATED = /\b(API|OpenID|OIDC|OAuth|ID)\b/g;
function prose(text: string): string | undefined {
  const stripped = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(UNTRANSLATED, ' ')
    .replace(/[\s\p{P}]+/gu, ' ')
    .trim()
    .toLowerCase();
  return stripped.split(' ').filter((word) => /\p{L}/u.test(word)).length >= 2 ? stripped : undefined;
}
const englishProse = new Set([...en.values()].map(prose).filter((p): p is string => p !== undefined));

describe('given the shipped locales', () => {
  it('should ship exactly the supported languages, each non-English one loadable on demand', () => {
    expect(directories).toEqual([...SUPPORTED_LANGUAGES].sort());
    expect(SUPPORTED_LANGUAGES).toHaveLength(30);
    for (const lng of others) expect([lng, canLoad(lng)]).toEqual([lng, true]);
    expect(canLoad('en')).toBe(false);
  });

  it('should describe every error code and every known scope in English', () => {
    for (const code of ERROR_CODES) expect([code, en.has(`errors.${code}`)]).toEqual([code, true]);
    for (const scope of KNOWN_SCOPES) expect([scope, en.has(`scopes.${scope}`)]).toEqual([scope, true]);
  });

  describe.each(others)('%s', (lng) => {
    const strings = load(lng);
    const expected = expectedKeys(lng);

    it('should have every English key, with the plural forms its language needs, and no others', () => {
      const missing = [...expected.keys()].filter((key) => !strings.has(key));
      // A plural form the language never selects is tolerated (Korean keeping `_one` lets
      // TypeScript treat its JSON like the English one); anything else extra is not.
      const pluralBases = new Set([...expected.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
      const extra = [...strings.keys()].filter(
        (key) => !expected.has(key) && !(PLURAL.test(key) && pluralBases.has(key.replace(PLURAL, ''))),
      );
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('should use the same interpolation variables as English', () => {
      for (const [key, text] of strings) {
        const english = expected.get(key);
        if (english === undefined) continue;
        const want = variables(english);
        // "one permission" / "two permissions" may be said in words, without the number.
        const allowed = /_(zero|one|two)$/.test(key) ? [want, want.filter((v) => v !== 'count')] : [want];
        expect(allowed.map((a) => a.join())).toContain(variables(text).join());
      }
    });

    it('should not leave an English sentence behind', () => {
      const copies = [...strings].filter(([, text]) => {
        const p = prose(text);
        return p !== undefined && englishProse.has(p);
      });
      expect(copies).toEqual([]);
    });

    it('should not contain empty strings', () => {
      expect([...strings].filter(([, text]) => text.trim() === '')).toEqual([]);
    });
  });
});
