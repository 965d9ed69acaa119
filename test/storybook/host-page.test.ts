/**
 * Safe to embed: a host page with its own styles, served under a strict Content-Security-Policy
 * (no `unsafe-inline` anywhere), mounts both screens with a custom theme. Nothing outside the
 * kit's roots changes style, no `<style>` element or inline script is needed, no policy is
 * violated, and the theme (set through the CSSOM) still applies.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BROWSER_WAIT_MS, launchBrowser } from '../e2e/support/browser.js';
import { serveStatic, type StaticServer } from './static-server.js';
import type { Browser } from 'playwright-core';
import { parseColor } from '../../src/theme/color.js';
import { themeVariables } from '../../src/theme/derive.js';
import { THEME } from './host/theme.js';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([
    serveStatic(inject('hostPageDir'), { 'content-security-policy': CSP }),
    launchBrowser(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Computed values that follow from the size of the content, not from any rule. */
const GEOMETRY = new Set(['height', 'block-size', 'width', 'inline-size', 'perspective-origin', 'transform-origin']);

interface Visit {
  styles: Record<string, Record<string, string>>;
  violations: string[];
  errors: string[];
}

/** Loads the host page and returns the computed style of every host element (outside #kit). */
async function visit(page: Page, query: string): Promise<Visit> {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(new URL(query, server.url).href);
  await page.waitForSelector('body[data-ready]');
  if (query.includes('kit')) await page.waitForSelector('.ck-root[lang] .ck-consent__title');
  const result = await page.evaluate(() => {
    const styles: Record<string, Record<string, string>> = {};
    const elements = [document.documentElement, document.body, ...document.body.querySelectorAll('*')].filter(
      (el) => !el.closest('#kit'),
    );
    elements.forEach((el, i) => {
      const cs = getComputedStyle(el);
      const own: Record<string, string> = {};
      for (const prop of cs) own[prop] = cs.getPropertyValue(prop);
      for (const prop of ['--brand', '--ck-host-owned', '--ck-color-accent', '--ck-space-4', '--ck-font-sans'])
        own[prop] = cs.getPropertyValue(prop);
      styles[
        `${i}:${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className)}` : ''}`
      ] = own;
    });
    return { styles, violations: (window as unknown as { __violations: string[] }).__violations };
  });
  return { ...result, errors };
}

describe('a host page with its own styles and a strict CSP', () => {
  let before: Visit;
  let after: Visit;
  let page: Page;

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    context.setDefaultTimeout(BROWSER_WAIT_MS);
    before = await visit(await context.newPage(), '/');
    page = await context.newPage();
    after = await visit(page, '/?kit=themed');
  });

  it('should serve the page and its assets with no inline style or script', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).not.toMatch(/<style|\sstyle=|<script(?![^>]*\ssrc=)/i);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
  });

  it('should render both screens without violating the policy or logging an error', () => {
    expect(after.violations).toEqual([]);
    expect(after.errors).toEqual([]);
    expect(before.violations).toEqual([]);
  });

  it('should leave every host element exactly as styled before the kit arrived', () => {
    expect(Object.keys(after.styles)).toEqual(Object.keys(before.styles));
    const changed: string[] = [];
    for (const [el, props] of Object.entries(before.styles)) {
      for (const [prop, value] of Object.entries(props)) {
        // The containers of #kit grow with its content: their size is not a style leak.
        if (/^\d+:(html|body|main)\b/.test(el) && GEOMETRY.has(prop)) continue;
        if (after.styles[el]![prop] !== value) changed.push(`${el} ${prop}: ${value} → ${after.styles[el]![prop]}`);
      }
    }
    expect(changed).toEqual([]);
    // And the kit's variables never reach the host's own elements.
    expect(before.styles['0:html']!['--ck-color-accent']).toBe('');
    expect(after.styles['0:html']!['--ck-color-accent']).toBe('');
    expect(after.styles['0:html']!['--brand']).toBe('#b91c1c');
  });

  it('should still apply the theme, set through the CSSOM', async () => {
    const kit = await page.evaluate(() => {
      const root = document.querySelector('.ck-root')!;
      const badge = document.querySelector('.ck-consent .ck-badge[data-tone="info"]')!;
      return {
        accent: getComputedStyle(root).getPropertyValue('--ck-color-accent'),
        font: getComputedStyle(root).fontFamily,
        badge: getComputedStyle(badge).color,
      };
    });
    const expected = themeVariables(THEME, 'light').value['--ck-color-accent-text']!;
    const { r, g, b } = parseColor(expected)!;
    expect(kit).toEqual({ accent: '#0e7490', font: 'Verdana, sans-serif', badge: `rgb(${r}, ${g}, ${b})` });
  });

  it('should apply the same theme from a themeToCss stylesheet, with no style attribute at all', async () => {
    const css = await page.context().newPage();
    const visit2 = await visit(css, '/?kit=css');
    await css.waitForFunction(
      () => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/theme.css')),
      undefined,
      {
        polling: 20,
      },
    );
    const read = (p: Page) =>
      p.evaluate(() => {
        const root = document.querySelector('.ck-root')!;
        const badge = document.querySelector('.ck-consent .ck-badge[data-tone="info"]')!;
        return {
          accent: getComputedStyle(root).getPropertyValue('--ck-color-accent').trim(),
          radius: getComputedStyle(root).getPropertyValue('--ck-radius-md').trim(),
          font: getComputedStyle(root).fontFamily,
          badge: getComputedStyle(badge).color,
          styled: document.querySelectorAll('.ck-root[style], .ck-scope[style]').length,
        };
      });
    const [fromProp, fromCss] = await Promise.all([read(page), read(css)]);
    expect(visit2.violations).toEqual([]);
    expect(visit2.errors).toEqual([]);
    expect(fromCss).toEqual({ ...fromProp, styled: 0 });
    expect(fromProp.styled).toBeGreaterThan(0);
  });

  /*
   * The flip side of `@layer consent-kit` (a design choice: any unlayered host rule wins without
   * !important): a host's bare element rules (`button {}`, `* {}`) reach inside the kit too.
   * Hosts put such resets in a layer of their own (see Docs/Embedding). Recorded here so a
   * change of that trade-off is a conscious one.
   */
  it("should let the host's unlayered element rules win over the kit's layered ones", async () => {
    const sizing = await page.evaluate(
      () => getComputedStyle(document.querySelector('.ck-consent .ck-button--primary')!).boxSizing,
    );
    expect(sizing).toBe('content-box');
  });
});
