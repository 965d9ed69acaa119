/**
 * The `--ck-` variables are public API (Ory renamed theirs and broke every customer theme):
 * every variable the stylesheets define must be documented in stories/docs/theming.mdx, and
 * every documented variable must still be defined. Renaming one fails here first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedStyles } from '../../../scripts/kit-styles.js';
import { themeVariables } from '../../../src/theme/derive.js';

const root = join(import.meta.dirname, '../../..');

/** Variables the shipped stylesheet defines (`--ck-x: …`, the generated palette included). */
function defined(): Set<string> {
  const css = shippedStyles().replace(/\/\*[\s\S]*?\*\//g, '');
  return new Set([...css.matchAll(/(--ck-[a-z0-9-]+)\s*:/g)].map((m) => m[1]!));
}

/** Variables the theming docs name, with `{a,b}` groups expanded. */
function documented(): Set<string> {
  const mdx = readFileSync(join(root, 'stories/docs/theming.mdx'), 'utf8');
  const reference = mdx.slice(mdx.indexOf('## CSS variables'));
  const names = new Set<string>();
  for (const m of reference.matchAll(/`(--ck-[a-z0-9-]*(?:\{[a-z0-9,]+\}[a-z0-9-]*)?)`/g)) {
    const token = m[1]!;
    const group = /\{([a-z0-9,]+)\}/.exec(token);
    if (!group) names.add(token);
    else for (const part of group[1]!.split(',')) names.add(token.replace(group[0], part));
  }
  return names;
}

describe('the public CSS variables', () => {
  it('should document every variable the stylesheets define', () => {
    const docs = documented();
    expect([...defined()].filter((name) => !docs.has(name)).sort()).toEqual([]);
  });

  it('should still define every documented variable', () => {
    const css = defined();
    expect([...documented()].filter((name) => !css.has(name)).sort()).toEqual([]);
  });

  it('should only set documented variables from a theme', () => {
    const docs = documented();
    const theme = {
      colors: { light: { brand: '#0e7490', text: '#111111' }, dark: { brand: '#67e8f9' } },
      radius: '4px',
      spacing: '0.25rem',
      font: { family: 'Inter', mono: 'monospace', size: '1rem' },
      shadow: 'none',
    };
    for (const scheme of ['light', 'dark'] as const) {
      expect(Object.keys(themeVariables(theme, scheme).value).filter((name) => !docs.has(name))).toEqual([]);
    }
  });
});
