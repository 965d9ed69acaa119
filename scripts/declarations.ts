/**
 * Finishes the published declarations after `tsc -p tsconfig.build.json`: the kit's typed keys
 * (`src/i18n/keys.ts`) come from the English locale file, and tsc emits that as
 * `import type en from '../locales/en/consent-kit.json'` — a path with no file under
 * `dist/types`, and a JSON import every consumer would need `resolveJsonModule` for. A host
 * type-checking with `skipLibCheck: false` failed on it. This writes the file's shape in its
 * place (`declare const en: { consent: { title: string; … } }`), so the declarations import
 * nothing but React, i18next and the kit's own `.d.ts`.
 *
 * Run by `npm run build`; `tsx scripts/declarations.ts [typesDir]` (default `dist/types`).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

type Tree = { [key: string]: string | Tree };

const LOCALES_DIR = resolve(import.meta.dirname, '../src/locales');
const JSON_IMPORT = /^import type (\w+) from '((?:\.\.\/)+|\.\/)locales\/([\w-]+)\/([\w-]+)\.json';$/gm;

/** The TypeScript type of a locale tree: its keys, with `string` at the leaves. */
export function shapeOf(tree: Tree, indent = ''): string {
  const inner = `${indent}  `;
  const fields = Object.entries(tree).map(
    ([key, value]) =>
      `${inner}${JSON.stringify(key)}: ${typeof value === 'string' ? 'string' : shapeOf(value, inner)};`,
  );
  return `{\n${fields.join('\n')}\n${indent}}`;
}

/** `source` with every locale JSON import replaced by a declaration of the file's shape. */
export function inlineLocaleImports(source: string): string {
  return source.replace(JSON_IMPORT, (_line, name: string, _up: string, lng: string, file: string) => {
    const tree = JSON.parse(readFileSync(join(LOCALES_DIR, lng, `${file}.json`), 'utf8')) as Tree;
    return `/** The shape of src/locales/${lng}/${file}.json. */\ndeclare const ${name}: ${shapeOf(tree)};`;
  });
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? declarationFiles(path) : name.endsWith('.d.ts') ? [path] : [];
  });
}

if (process.argv[1] === import.meta.filename) {
  const typesDir = resolve(process.argv[2] ?? 'dist/types');
  for (const file of declarationFiles(typesDir)) {
    const source = readFileSync(file, 'utf8');
    const inlined = inlineLocaleImports(source);
    if (inlined !== source) writeFileSync(file, inlined);
    if (/from '[^']*\.json'/.test(inlined)) throw new Error(`${file} still imports JSON`);
  }
}
