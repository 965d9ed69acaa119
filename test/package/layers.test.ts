/**
 * The layers of src/ import only downwards (docs/architecture.md):
 *
 *   screens → consent, sign-in → kit → ui → theme, i18n → client, server → protocol → locales
 *
 * Folders on one line are siblings and never import each other. Besides the order: nothing
 * outside server/ imports server/ (it is Node only; the UI never ships it), protocol/ and
 * client/ import neither React nor Node built-ins (they run in browsers and in Node), and
 * server/ imports no React. src/index.ts, the React entry, sits above screens.
 *
 * Imports are read by parsing each file (oxc, through Vite): static imports and re-exports,
 * `import type`, dynamic `import()` and type-level `typeof import()`, so a comment or a string
 * that looks like an import counts for nothing and no real import is missed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/** Top to bottom; a folder may import the folders on later lines only. */
const TIERS: readonly (readonly string[])[] = [
  // The React entry, and server rendering (`consent-kit/server/render`): both compose the screens.
  ['index.ts', 'render'],
  ['screens'],
  ['consent', 'sign-in'],
  ['kit'],
  ['ui'],
  ['theme', 'i18n'],
  ['client', 'server'],
  ['protocol'],
  // Data and declarations: the locale files, and the stylesheets' module declaration.
  ['locales', 'styles'],
];

/** Package imports each layer may not make, with the reason shown on failure. */
const FORBIDDEN_PACKAGES: Readonly<Record<string, { pattern: RegExp; reason: string }>> = {
  protocol: {
    pattern: /^(react|react-dom|i18next|react-i18next|@radix-ui\/.*|node:.*|[^.].*)$/,
    reason: 'protocol imports nothing',
  },
  client: {
    pattern: /^(react(-dom)?(\/.*)?|react-i18next|@radix-ui\/.*|node:.*)$/,
    reason: 'client runs in browsers and Node, without React',
  },
  server: { pattern: /^(react(-dom)?(\/.*)?|react-i18next|@radix-ui\/.*)$/, reason: 'server has no React' },
};

function tierOf(layer: string): number {
  const index = TIERS.findIndex((tier) => tier.includes(layer));
  if (index < 0) throw new Error(`src/${layer} is in no tier: add it to TIERS and docs/architecture.md`);
  return index;
}

/** The layer of a path under src/: its first folder, or the file name for files at the top. */
function layerOf(path: string): string {
  return relative(SRC, path).split(sep)[0]!;
}

/** Every module specifier `source` imports, as written. */
function importsOf(file: string, source: string): string[] {
  const result = parseSync(file, source);
  if (result.errors.length > 0) throw new Error(`${file}: ${result.errors[0]!.message}`);
  const specifiers = [
    ...result.module.staticImports.map((entry) => entry.moduleRequest.value),
    ...result.module.staticExports.flatMap((entry) => entry.entries.map((e) => e.moduleRequest?.value ?? '')),
    ...result.module.dynamicImports.map((entry) => source.slice(entry.moduleRequest.start, entry.moduleRequest.end)),
  ];
  // Type positions (`typeof import('./x.js')`) are in the syntax tree only.
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === 'TSImportType')
      specifiers.push(String((record.source as { value?: unknown } | undefined)?.value ?? ''));
    for (const value of Object.values(record)) if (value && typeof value === 'object') visit(value);
  };
  visit(result.program);
  return specifiers.filter(Boolean).map((specifier) => specifier.replace(/^(['"`])(.*)\1$/, '$2'));
}

/** What `file` (a path under src/) imports against the layering, one message each. */
function violations(file: string, source: string): string[] {
  const from = layerOf(file);
  const problems: string[] = [];
  for (const specifier of importsOf(file, source)) {
    if (!specifier.startsWith('.')) {
      const rule = FORBIDDEN_PACKAGES[from];
      if (rule?.pattern.test(specifier)) problems.push(`${relative(SRC, file)} imports ${specifier}: ${rule.reason}`);
      continue;
    }
    const target = resolve(dirname(file), specifier);
    if (!target.startsWith(SRC + sep)) {
      problems.push(`${relative(SRC, file)} imports ${specifier}, outside src/`);
      continue;
    }
    const to = layerOf(target);
    if (to === from) continue;
    if (to === 'server')
      problems.push(`${relative(SRC, file)} imports ${specifier}: nothing outside server/ imports it`);
    else if (tierOf(to) <= tierOf(from)) {
      problems.push(`${relative(SRC, file)} imports ${specifier}: ${from} may not import ${to}, which is not below it`);
    }
  }
  return problems;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('given every TypeScript file under src/', () => {
  const files = sourceFiles(SRC);

  it('should find the layers the architecture names, and each file in one of them', () => {
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) expect(() => tierOf(layerOf(file))).not.toThrow();
  });

  it('should name every folder of src/ in the layer diagram of docs/architecture.md', () => {
    const doc = readFileSync(resolve(SRC, '../docs/architecture.md'), 'utf8');
    const diagram = doc.slice(doc.indexOf('## Layers'), doc.indexOf('## One decision'));
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const { name } of folders) expect([name, diagram.includes(`${name}/`)]).toEqual([name, true]);
  });

  it('should import only from its own folder or the layers below it', () => {
    const problems = files.flatMap((file) => violations(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });
});

describe('given imports that break the layering', () => {
  const at = (path: string) => join(SRC, path);

  it.each([
    ['ui/button.tsx', "import { useConsentContext } from '../consent/context.js';", 'ui may not import consent'],
    ['theme/context.tsx', "import type { KitT } from '../i18n/keys.js';", 'theme may not import i18n'],
    ['consent/actions.tsx', "export { SignIn } from '../sign-in/parts.js';", 'consent may not import sign-in'],
    ['kit/provider.tsx', "const lazy = () => import('../screens/consent-screen.js');", 'kit may not import screens'],
    ['ui/alert.tsx', "type M = typeof import('../kit/provider.js');", 'ui may not import kit'],
    [
      'screens/navigate.ts',
      "import { createOidcProviderBridge } from '../server/index.js';",
      'nothing outside server/',
    ],
    ['client/transport.ts', "import { useState } from 'react';", 'without React'],
    ['protocol/url.ts', "import { readFile } from 'node:fs/promises';", 'protocol imports nothing'],
  ])('should report %s importing upwards or across (%s)', (file, source, message) => {
    expect(violations(at(file), source).join('\n')).toContain(message);
  });

  it('should not count what only looks like an import', () => {
    const source = "// import { x } from '../consent/context.js';\nconst text = \"from '../screens/x.js'\";\n";
    expect(violations(at('ui/button.tsx'), source)).toEqual([]);
  });
});
