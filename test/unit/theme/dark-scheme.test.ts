/**
 * tokens.css states the dark palette twice: once for a system in dark mode (inside
 * `prefers-color-scheme`) and once for a host that forces `data-theme="dark"`. CSS cannot share
 * one rule between a media query and a plain selector, so the copy stays; this keeps the two
 * from drifting apart, which would make a forced dark theme differ from the system's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../../src/styles/tokens.css'), 'utf8');

/** The declarations of the first rule whose selector is `selector`, in order. */
function declarations(selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return body
    .split(';')
    .map((line) => line.trim())
    .filter(Boolean);
}

describe('given the dark palette in tokens.css', () => {
  it('should declare the same values for the system dark scheme and a forced data-theme="dark"', () => {
    const system = declarations(".ck-root:not([data-theme='light'])");
    const forced = declarations(".ck-root[data-theme='dark']");
    expect(system.length).toBeGreaterThan(10);
    expect(forced).toEqual(system);
  });
});
