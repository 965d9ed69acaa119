import { describe, expect, it } from 'vitest';
import { contrast } from '../../../src/theme/color.js';
import { deriveBrand, themeToCss, themeVariables } from '../../../src/theme/derive.js';
import { DEFAULT_COLORS } from '../../../src/theme/palette.js';
import { mergeThemes, resolveBranding, type Theme } from '../../../src/theme/model.js';
import { presets } from '../../../src/theme/presets.js';
import { BRAND_SAMPLES } from './brand-colors.js';

const SCHEMES = ['light', 'dark'] as const;

/** Every contrast promise of a derived palette, against the surfaces it is drawn on. */
function expectReadable(vars: Record<string, string>, surfaces: string[]) {
  const accent = vars['--ck-color-accent']!;
  const on = vars['--ck-color-on-accent']!;
  expect(contrast(accent, on), `button ${accent}/${on}`).toBeGreaterThanOrEqual(4.5);
  expect(contrast(vars['--ck-color-accent-hover']!, on), 'hover').toBeGreaterThanOrEqual(4.5);
  expect(contrast(vars['--ck-color-accent-pressed']!, on), 'pressed').toBeGreaterThanOrEqual(4.5);
  for (const surface of [...surfaces, vars['--ck-color-accent-subtle']!]) {
    expect(contrast(vars['--ck-color-accent-text']!, surface), `accent text on ${surface}`).toBeGreaterThanOrEqual(4.5);
  }
  for (const surface of surfaces) {
    expect(contrast(vars['--ck-color-focus']!, surface), `focus ring on ${surface}`).toBeGreaterThanOrEqual(3);
  }
}

describe('brand derivation', () => {
  describe.each(SCHEMES)('in the %s scheme', (scheme) => {
    const cases = Object.keys(presets).flatMap((preset) =>
      Object.entries(BRAND_SAMPLES).map(([label, brand]) => [preset as keyof typeof presets, label, brand] as const),
    );
    it.each(cases)('should keep the %s preset with %s (%s) readable everywhere it is used', (preset, _label, brand) => {
      const theme = mergeThemes(presets[preset], { colors: { light: { brand }, dark: { brand } } });
      const { value, warnings } = themeVariables(theme, scheme);
      const c = { ...DEFAULT_COLORS[scheme], ...theme.colors?.[scheme] };
      expectReadable(value, [c.surface, c.surfaceMuted, c.canvas]);
      expect(warnings).toEqual([]);
    });

    it.each(Object.keys(presets) as (keyof typeof presets)[])('should keep the %s preset readable', (name) => {
      const theme: Theme = presets[name];
      const { value, warnings } = themeVariables(theme, scheme);
      const colors = { ...DEFAULT_COLORS[scheme], ...theme.colors?.[scheme] };
      if (Object.keys(value).some((k) => k.startsWith('--ck-color'))) {
        expectReadable(value, [colors.surface, colors.surfaceMuted, colors.canvas]);
      }
      expect(warnings).toEqual([]);
    });
  });

  it('should keep the brand color itself for the button when text can read on it', () => {
    expect(deriveBrand('#fff59d', 'light').value.accent).toBe('#fff59d');
    expect(deriveBrand('#fff59d', 'light').value.onAccent).toBe('#0c0e13');
    expect(deriveBrand('#5d34f2', 'light').value.onAccent).toBe('#ffffff');
  });

  it('should darken pale-yellow links and ring but keep the hue', () => {
    const { accentText, focus } = deriveBrand('#fff59d', 'light').value;
    expect(contrast(accentText, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(focus, '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(accentText).not.toBe('#fff59d');
  });

  it('should lighten a near-black brand in the dark scheme', () => {
    const { accentText } = deriveBrand('#111111', 'dark').value;
    expect(contrast(accentText, DEFAULT_COLORS.dark.surface)).toBeGreaterThanOrEqual(4.5);
  });

  it('should warn, and fix the button, when a forced text color cannot read on the brand', () => {
    const { value, warnings } = deriveBrand('#fff59d', 'light', { onBrand: '#ffffff' });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/below 4\.5:1/);
    expect(value.onAccent).toBe('#ffffff');
    expect(contrast(value.accent, value.onAccent)).toBeGreaterThanOrEqual(4.5);
  });

  it('should warn about a designer-chosen text color that does not read on its surface', () => {
    const { warnings } = themeVariables({ colors: { light: { text: '#999999' } } }, 'light');
    expect(warnings.join('\n')).toMatch(/text #999999 on surface/);
  });

  it('should refuse colors and lengths it cannot compute or that would break out of CSS', () => {
    expect(() => themeVariables({ colors: { light: { brand: 'tomato' } } }, 'light')).toThrow(TypeError);
    expect(() => themeVariables({ colors: { light: { surface: 'red;}' } } }, 'light')).toThrow(TypeError);
    expect(() => themeVariables({ radius: '4px; color: red' }, 'light')).toThrow(TypeError);
    expect(() => themeVariables({ font: { family: 'x} body{color:red' } }, 'light')).toThrow(TypeError);
    expect(() => themeVariables({ shadow: 'url(https://evil.example/x)' }, 'light')).toThrow(TypeError);
  });
});

describe('theme variables', () => {
  it('should set nothing for the default theme, so the stylesheet defaults apply', () => {
    expect(themeVariables(presets.default, 'light').value).toEqual({});
  });

  it('should scale radius, spacing and font size from one value each', () => {
    const { value } = themeVariables(
      { radius: '4px', spacing: '0.3rem', font: { size: '18px', family: 'Inter, sans-serif' } },
      'light',
    );
    expect(value).toMatchObject({
      '--ck-radius-md': '4px',
      '--ck-radius-sm': 'calc(4px * 0.6)',
      '--ck-radius-lg': 'calc(4px * 1.6)',
      '--ck-space-4': 'calc(0.3rem * 4)',
      '--ck-font-size-md': '18px',
      '--ck-font-sans': 'Inter, sans-serif',
    });
    expect(themeVariables({ radius: '0' }, 'light').value['--ck-radius-md']).toBe('0px');
  });

  it('should reuse the light brand in the dark scheme when the theme gives no dark one', () => {
    const dark = themeVariables({ colors: { light: { brand: '#e02424' } } }, 'dark').value;
    expect(dark['--ck-color-accent']).toBe('#e02424');
    expect(dark['--ck-color-surface']).toBe(DEFAULT_COLORS.dark.surface);
  });
});

describe('themeToCss', () => {
  it('should print a layered stylesheet that follows the system scheme by default', () => {
    const css = themeToCss({ name: 'Acme', colors: { light: { brand: '#e02424' } }, radius: '4px' });
    expect(css).toMatch(/^\/\* consent-kit theme: Acme \*\/\n@layer consent-kit \{/);
    expect(css).toContain('.ck-root {\n    --ck-radius-sm: calc(4px * 0.6);\n    --ck-radius-md: 4px;');
    expect(css).toContain("@media (prefers-color-scheme: dark) {\n    .ck-root:not([data-theme='light']) {");
    expect(css).toContain(".ck-root[data-theme='dark'] {");
    expect(css.match(/\{/g)!.length).toBe(css.match(/\}/g)!.length);
  });

  it('should make dark the default of a dark-first theme, and scope to a selector', () => {
    const css = themeToCss(presets.midnight, { selector: '.ck-root.acme' });
    expect(css).toContain('.ck-root.acme {\n    --ck-color-canvas: #020617;');
    expect(css).toContain('color-scheme: dark;');
    expect(css).toContain(".ck-root.acme[data-theme='light'] {");
    expect(css).not.toContain('prefers-color-scheme');
  });

  it('should not let a theme name close the comment', () => {
    expect(themeToCss({ name: 'x */ body { color: red } /*' })).not.toMatch(/x \*\//);
  });

  it.each(['x **// body { color: red } /*', 'x */*/ body { color: red } /*', 'x ***/// body { color: red }'])(
    'should not let a theme name close the comment once its */ are taken out (%j)',
    (name) => {
      const comment = themeToCss({ name }).split('\n')[0]!;
      expect(comment.startsWith('/* consent-kit theme: ')).toBe(true);
      // The comment's only end is its own, at the end of the line.
      expect(comment.indexOf('*/')).toBe(comment.length - 2);
    },
  );
});

describe('branding precedence', () => {
  const operator: Theme = {
    name: 'Operator',
    colors: { light: { brand: '#111111' } },
    logo: { light: 'https://idp.example/logo.svg' },
    radius: '8px',
  };

  it('should put the organization over the app over the operator, field by field', () => {
    const theme = resolveBranding({
      theme: operator,
      app: { brand: { light: '#1db954' }, logo: { light: 'https://app.example/logo.png' }, name: 'App' },
      organization: { brand: { light: '#e02424', dark: '#ff8080' } },
    });
    expect(theme.colors?.light?.brand).toBe('#e02424');
    expect(theme.colors?.dark?.brand).toBe('#ff8080');
    // The organization gave no logo: the app's stays; the operator's radius stays.
    expect(theme.logo?.light).toBe('https://app.example/logo.png');
    expect(theme.logoAlt).toBe('App');
    expect(theme.radius).toBe('8px');
  });

  it("should replace the operator's logo as a whole, so its dark variant does not outlive it", () => {
    const theme = resolveBranding({
      theme: {
        ...operator,
        logo: { light: 'https://idp.example/l.svg', dark: 'https://idp.example/d.svg' },
        logoAlt: 'Operator',
      },
      organization: { logo: { light: 'https://org.example/l.svg' } },
    });
    expect(theme.logo).toEqual({ light: 'https://org.example/l.svg' });
    expect(theme.logoAlt).toBeUndefined();
  });

  it('should keep the operator theme when the provider supplies no branding', () => {
    expect(resolveBranding({ theme: operator })).toEqual(mergeThemes(operator));
    expect(resolveBranding({}).colors).toBeUndefined();
  });

  it('should merge partial colors without dropping the rest', () => {
    const merged = mergeThemes(presets.paper, { colors: { light: { brand: '#0a7d4f' } } });
    expect(merged.colors?.light).toMatchObject({ brand: '#0a7d4f', surface: '#fffdf8' });
    expect(merged.colors?.dark?.surface).toBe('#1d1c19');
  });
});

describe('printed colors', () => {
  it('should check contrast on the rounded colors it prints (the tint of a paper preset with an orange brand)', () => {
    for (const [brand, scheme] of [
      ['#ff7a00', 'light'],
      ['#808080', 'dark'],
      ['#e02424', 'dark'],
    ] as const) {
      const v = themeVariables(
        mergeThemes(presets.paper, { colors: { light: { brand }, dark: { brand } } }),
        scheme,
      ).value;
      expect(contrast(v['--ck-color-accent-text']!, v['--ck-color-accent-subtle']!)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
