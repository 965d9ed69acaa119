/** axe-core in a real page: the accessibility check every browser test shares. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page and returns its violations. */
export async function axe(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's strict CSP does not block it. Once
  // per document: pages that switch content without reloading (Storybook) keep it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const run = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe.run;
    // The consent screen defers rendering of off-screen groups (`content-visibility: auto`).
    // axe's color-contrast rule finds the background through hit testing, which skipped content
    // does not take part in, so it sometimes measured that text against the page behind the
    // card. Render everything for the check: the colors are the ones a user scrolling sees.
    // A constructed sheet is CSSOM, which a strict style-src CSP allows.
    const reveal = new CSSStyleSheet();
    reveal.replaceSync('* { content-visibility: visible !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, reveal];
    try {
      const result = await run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations;
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== reveal);
    }
  });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
