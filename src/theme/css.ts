/**
 * Printing `--ck-` variables as CSS: the rules for a root in light and dark schemes, as the
 * system asks or as `data-theme` forces. Used for a theme (`themeToCss`) and for the kit's own
 * default palette (`paletteCss`), so both follow the same selectors.
 */

/** One rule: `selector { name: value; … }`, or nothing when there are no declarations. */
export function cssRule(selector: string, declarations: Readonly<Record<string, string>>, indent = '  '): string {
  const lines = Object.entries(declarations).map(([name, value]) => `${name}: ${value};`);
  if (!lines.length) return '';
  return `${indent}${selector} {\n${lines.map((line) => `${indent}  ${line}`).join('\n')}\n${indent}}\n`;
}

/**
 * The rules that give `selector` its `light` declarations, and its `dark` ones when the system
 * asks for a dark scheme (unless `data-theme="light"` forces light) or `data-theme="dark"` forces
 * dark. A media query and a plain selector cannot share one rule, so `dark` is printed twice.
 */
export function schemeRules(
  selector: string,
  light: Readonly<Record<string, string>>,
  dark: Readonly<Record<string, string>>,
): string {
  let css = cssRule(selector, light);
  const inner = cssRule(`${selector}:not([data-theme='light'])`, dark, '    ');
  if (inner) css += `  @media (prefers-color-scheme: dark) {\n${inner}  }\n`;
  return css + cssRule(`${selector}[data-theme='dark']`, dark);
}
