/**
 * `npm run build` produces what package.json promises: every entry point with its types, the
 * stylesheet and the locales, importable by package name the way a host app imports them.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import postcss from 'postcss';
import pkg from '../../package.json' with { type: 'json' };
import { STYLESHEETS, stylesheet } from '../../scripts/kit-styles.js';
import ko from '../../src/locales/ko/consent-kit.json' with { type: 'json' };
import { consentStep } from '../fixtures/steps.js';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
const exists = (path: string) =>
  access(new URL(path, root)).then(
    () => true,
    () => false,
  );

type Export = string | { types: string; default: string };

/**
 * The top-level statements of `css` that are not a `@layer consent-kit` block (comments aside):
 * the kit must never style the host page outside its layer, or an unlayered host rule would
 * no longer win.
 */
function outsideTheLayer(css: string): string[] {
  return postcss
    .parse(css)
    .nodes.filter(
      (node) =>
        node.type !== 'comment' && !(node.type === 'atrule' && node.name === 'layer' && node.params === 'consent-kit'),
    )
    .map((node) =>
      node.type === 'rule'
        ? `rule ${node.selector}`
        : node.type === 'atrule'
          ? `atrule @${node.name} ${node.params}`
          : node.type,
    );
}
const exportsMap = pkg.exports as Record<string, Export>;

let buildLog = '';

// A hang guard, not a speed check: the build takes about 15 s idle and several times that on a
// loaded CI machine.
beforeAll(async () => {
  const { stdout, stderr } = await run('npm', ['run', 'build'], { cwd: root });
  buildLog = stdout + stderr;
}, 600_000);

/** The modules `file` (under dist/) imports statically, transitively, as written. */
async function staticImports(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = await readFile(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']/gm)) {
    if (specifier!.startsWith('.')) await staticImports(join(dirname(file), specifier!), seen);
    else seen.add(specifier!);
  }
  return seen;
}

/**
 * Bundles `source` (a consumer's page) the way a Vite app does, with `consent-kit` resolved
 * through package.json's `exports` to dist/, and returns the chunks.
 */
async function bundleConsumer(source: string): Promise<Rolldown.OutputChunk[]> {
  const dir = await mkdtemp(join(tmpdir(), 'consent-kit-consumer-'));
  try {
    await writeFile(join(dir, 'main.js'), source);
    const alias = Object.entries(exportsMap)
      .filter(([key]) => !key.includes('*'))
      .map(([key, target]) => ({
        find: `consent-kit${key.slice(1)}`,
        replacement: fileURLToPath(new URL(typeof target === 'string' ? target : target.default, root)),
      }))
      .sort((a, b) => b.find.length - a.find.length);
    const output = await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { alias },
      build: {
        write: false,
        minify: false,
        lib: { entry: join(dir, 'main.js'), formats: ['es'] },
        rolldownOptions: {
          external: [/^react($|\/)/, /^react-dom($|\/)/, /^@radix-ui\//, /^i18next$/, /^react-i18next$/],
        },
      },
    });
    const result = (Array.isArray(output) ? output[0] : output) as Rolldown.RolldownOutput;
    return result.output.filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('given a fresh library build', () => {
  it.each(['.', './client', './server', './server/redis', './server/render', './theme'])(
    'should write the %s entry point and its type declarations',
    async (entry) => {
      const target = exportsMap[entry] as { types: string; default: string };
      await expect(exists(target.default)).resolves.toBe(true);
      await expect(exists(target.types)).resolves.toBe(true);
    },
  );

  it('should write declarations that import no JSON (a host without resolveJsonModule reads them)', async () => {
    const dir = new URL('dist/types/', root);
    const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(20);
    const jsonImports: string[] = [];
    for (const file of files) {
      const source = await readFile(new URL(file, dir), 'utf8');
      if (/from ['"][^'"]*\.json['"]|import\(['"][^'"]*\.json['"]\)/.test(source)) jsonImports.push(file);
    }
    expect(jsonImports).toEqual([]);
    // The typed keys survive: the English file's shape is written in their place.
    const keys = await readFile(new URL('i18n/keys.d.ts', dir), 'utf8');
    expect(keys).toMatch(/declare const en: \{\n\s+"common": \{/);
  });

  it('should mark the React entry as a client module and keep React and i18next external', async () => {
    const entry = exportsMap['.'] as { default: string };
    const source = await readFile(new URL(entry.default, root), 'utf8');
    expect(source.startsWith('"use client";') || source.startsWith("'use client';")).toBe(true);
    const imports = await staticImports(fileURLToPath(new URL(entry.default, root)));
    expect([...imports]).toEqual(expect.arrayContaining(['react', 'i18next', 'react-i18next']));
    for (const file of [...imports].filter((specifier) => specifier.startsWith('/'))) {
      expect(await readFile(file, 'utf8')).not.toContain('function useState(');
    }
  });

  it('should ship every stylesheet, each with every top-level rule inside the consent-kit layer', async () => {
    const css = await readFile(new URL((exportsMap['./styles.css'] as { default: string }).default, root), 'utf8');
    expect(outsideTheLayer(css)).toEqual([]);
    for (const name of STYLESHEETS) {
      expect([name, outsideTheLayer(stylesheet(name))]).toEqual([name, []]);
      // Shipped whole: the layer's rules of each file are all in styles.css.
      expect(css).toContain(stylesheet(name).trim());
    }
    expect(css).toContain('--ck-color-surface:');
  });

  it('should report a rule outside the layer, or in another layer', () => {
    expect(outsideTheLayer('@layer consent-kit { .ck-root { color: red; } }\n.ck-consent { color: blue; }')).toEqual([
      'rule .ck-consent',
    ]);
    expect(outsideTheLayer('@media (forced-colors: active) { @layer consent-kit { .a { color: red; } } }')).toEqual([
      'atrule @media (forced-colors: active)',
    ]);
    expect(outsideTheLayer('@layer other { .a { color: red; } } /* a comment */')).toEqual(['atrule @layer other']);
  });

  it('should ship every bundled locale as JSON under ./locales', async () => {
    for (const lng of ['en', 'ko']) {
      const json = JSON.parse(await readFile(new URL(`dist/locales/${lng}/consent-kit.json`, root), 'utf8')) as object;
      expect(Object.keys(json).length).toBeGreaterThan(0);
    }
  });

  it('should let Node import consent-kit/client, /server and /server/redis by package name', async () => {
    const script = `
      const client = await import('consent-kit/client');
      const server = await import('consent-kit/server');
      const redis = await import('consent-kit/server/redis');
      console.log(JSON.stringify([
        typeof client.createInteractionClient, typeof client.kitAdapter, typeof server.createOidcProviderBridge,
        typeof server.createMemoryStore, typeof redis.createRedisStore, typeof redis.createOidcRedisAdapter,
      ]));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['function', 'function', 'function', 'function', 'function', 'function']);
  });

  it('should keep the Redis code out of consent-kit/server, and load no Redis client itself', async () => {
    const server = await readFile(new URL((exportsMap['./server'] as { default: string }).default, root), 'utf8');
    expect(server).not.toMatch(/RateLimiterRedis|createRedisStore|ioredis/);
    const redis = await readFile(new URL((exportsMap['./server/redis'] as { default: string }).default, root), 'utf8');
    expect(redis).toContain('RateLimiterRedis');
    // The host hands its own ioredis client in: the entry never imports one.
    expect(redis).not.toMatch(/from ["']ioredis["']/);
  });
});

describe('given a host that bundles only the consent screen from the published package', () => {
  it('should build the library without an ineffective dynamic import', () => {
    expect(buildLog).not.toContain('INEFFECTIVE_DYNAMIC_IMPORT');
  });

  it.each([
    ['ConsentScreen', "import { ConsentScreen } from 'consent-kit'; export const screen = ConsentScreen;"],
    ['InteractionScreen', "import { InteractionScreen } from 'consent-kit'; export const screen = InteractionScreen;"],
  ])(
    'should leave the sign-in kit out of the bundle with %s, in a chunk loaded only when needed',
    async (_name, source) => {
      const chunks = await bundleConsumer(source);
      // What the page loads up front: the entry and what it imports statically.
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const initial = new Set<Rolldown.OutputChunk>();
      const visit = (chunk: Rolldown.OutputChunk | undefined) => {
        if (!chunk || initial.has(chunk)) return;
        initial.add(chunk);
        for (const name of chunk.imports) visit(byName.get(name));
      };
      visit(chunks.find((chunk) => chunk.isEntry));
      const upFront = [...initial].map((chunk) => chunk.code).join('\n');
      // The consent screen itself is in, the sign-in parts are not.
      expect(upFront).toContain('must be used within Consent.Root');
      expect(upFront).not.toContain('must be used within SignIn.Root');
      const signIn = chunks.filter((chunk) => chunk.code.includes('must be used within SignIn.Root'));
      expect(signIn).toHaveLength(1);
      expect(signIn[0]!.isDynamicEntry).toBe(true);
    },
  );
});

describe('given a React Server Component that compiles a theme', () => {
  it('should import consent-kit/theme from a module without the use client directive and without React', async () => {
    const entry = exportsMap['./theme'] as { default: string; types: string };
    await expect(exists(entry.types)).resolves.toBe(true);
    const file = fileURLToPath(new URL(entry.default, root));
    expect(await readFile(file, 'utf8')).not.toMatch(/^\s*['"]use client['"]/);
    const imports = [...(await staticImports(file))].filter((specifier) => !specifier.startsWith('/'));
    expect(imports.filter((specifier) => /react|i18next|radix/.test(specifier))).toEqual([]);
  });

  it('should let Node compile a theme to CSS through consent-kit/theme by name', async () => {
    const script = `
      const { createTheme, themeToCss, presets, mergeThemes } = await import('consent-kit/theme');
      const theme = createTheme(mergeThemes(presets.default, { colors: { light: { brand: '#0e7490' } } }));
      console.log(JSON.stringify([theme.kind, themeToCss(theme.theme).includes('--ck-')]));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(JSON.parse(stdout)).toEqual(['consent-kit/theme', true]);
  });
});

describe('given a Node server rendering a step with the published package', () => {
  it('should render the Korean consent screen with its buttons, the embedded step and the chunks to preload', async () => {
    const step = JSON.stringify({ ...consentStep(), uiLocales: ['ko'] });
    const script = `
      const { renderInteraction } = await import('consent-kit/server/render');
      const rendered = await renderInteraction(JSON.parse(process.argv[1]));
      console.log(JSON.stringify(rendered));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, step], { cwd: root });
    const rendered = JSON.parse(stdout) as {
      html: string;
      stepElement: string;
      preloadElement: string;
      language: string;
      needs: unknown;
    };
    expect(rendered.language).toBe('ko');
    expect(rendered.html).toContain(`>${ko.consent.authorize}</button>`);
    expect(rendered.html).toContain(`>${ko.consent.cancel}</button>`);
    expect(rendered.html).not.toContain('aria-busy="true"');
    expect(rendered.html.match(/class="ck-root"/g)).toHaveLength(1);
    expect(rendered.stepElement).toMatch(/^<script type="application\/json" id="consent-kit-step">/);
    // The Korean strings travel in the page (preloadElement): no locale chunk to preload.
    expect(rendered.preloadElement).toMatch(
      /^<script type="application\/json" id="consent-kit-preload">\{"language":"ko"/,
    );
    expect(rendered.preloadElement).toContain(ko.consent.authorize);
    expect(rendered.needs).toEqual({ locales: [], branding: false, signIn: false });
  });
});
