/**
 * The theme builder: pick a brand color, radius, font and logo in the Controls panel and see
 * both screens live, the contrast the kit derived, and the CSS to paste into your stylesheet.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import {
  BrandLogo,
  ConsentKitProvider,
  contrast,
  createTheme,
  themeToCss,
  themeVariables,
  type Theme,
} from '../../src/index.js';
import { consentStep, loginStep } from '../../test/fixtures/steps.js';
import { asset, BROKEN_LOGO } from '../support/assets.js';
import { ConsentFor, SignInFor } from '../support/screens.js';
import './theming.css';

const FONTS = {
  System: undefined,
  Serif: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, serif",
  Rounded: "ui-rounded, 'SF Pro Rounded', 'Nunito', system-ui, sans-serif",
  Monospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
} as const;

const LOGOS = { None: 'none', 'Acme ID': 'acme', 'Broken URL': 'broken' } as const;

interface BuilderArgs {
  brand: string;
  brandDark: string;
  radius: number;
  font: keyof typeof FONTS;
  fontSize: number;
  logo: (typeof LOGOS)[keyof typeof LOGOS];
  shadow: boolean;
  colorScheme: 'system' | 'light' | 'dark';
}

function buildTheme(args: BuilderArgs): Theme {
  const logo =
    args.logo === 'acme'
      ? { light: asset('brand-light.svg'), dark: asset('brand-dark.svg') }
      : args.logo === 'broken'
        ? { light: BROKEN_LOGO }
        : undefined;
  return {
    name: 'My brand',
    colorScheme: args.colorScheme,
    colors: { light: { brand: args.brand }, dark: args.brandDark ? { brand: args.brandDark } : undefined },
    radius: `${args.radius / 16}rem`,
    font: { family: FONTS[args.font], size: args.fontSize === 16 ? undefined : `${args.fontSize / 16}rem` },
    shadow: args.shadow ? undefined : 'none',
    logo,
    logoAlt: logo ? 'Acme ID' : undefined,
  };
}

function Report({ theme }: { theme: Theme }) {
  const rows: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    const { value, warnings } = themeVariables(theme, scheme);
    const accent = value['--ck-color-accent'];
    const on = value['--ck-color-on-accent'];
    const text = value['--ck-color-accent-text'];
    const surface = value['--ck-color-surface'];
    if (accent && on && text && surface) {
      const button = `button ${accent} with text ${on} — ${contrast(accent, on).toFixed(2)}:1`;
      rows.push(`${scheme}: ${button}; links ${text} on ${surface} — ${contrast(text, surface).toFixed(2)}:1`);
    }
    rows.push(...warnings.map((w) => `⚠ ${w}`));
  }
  return (
    <ul className="sb-theme-builder__report" aria-label="Contrast report">
      {rows.map((row) => (
        <li key={row}>{row}</li>
      ))}
    </ul>
  );
}

function ThemeBuilder(args: BuilderArgs) {
  let theme: Theme;
  let problem: string | undefined;
  try {
    theme = buildTheme(args);
    themeVariables(theme, 'light');
  } catch (error) {
    problem = (error as Error).message;
    theme = {};
  }
  const css = themeToCss(theme);
  const [copied, setCopied] = useState(false);
  return (
    <ConsentKitProvider theme={createTheme(theme)}>
      <div className="sb-theme-builder">
        <BrandLogo />
        <div className="sb-theme-builder__screens">
          <ConsentFor step={consentStep()} />
          <SignInFor step={loginStep()} />
        </div>
        <section className="sb-theme-builder__output" aria-labelledby="sb-css-title">
          <h2 id="sb-css-title">Your theme</h2>
          {problem ? <p role="alert">{problem}</p> : <Report theme={theme} />}
          <p>
            Paste this after <code>consent-kit/styles.css</code>, or pass the same object as the provider&apos;s{' '}
            <code>theme</code> prop.
          </p>
          <button
            type="button"
            className="ck-button ck-button--secondary"
            onClick={() =>
              void navigator.clipboard?.writeText(css).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy CSS'}
          </button>
          {/* A scrollable region takes keyboard focus (WCAG 2.1.1), and a name to announce with it. */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above */}
          {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: see above */}
          <pre className="sb-theme-builder__css" tabIndex={0} aria-label="Theme CSS">
            {css}
          </pre>
        </section>
      </div>
    </ConsentKitProvider>
  );
}

const meta = {
  title: 'Theming/Theme builder',
  component: ThemeBuilder,
  args: {
    brand: '#0e7490',
    brandDark: '',
    radius: 10,
    font: 'System',
    fontSize: 16,
    logo: 'acme',
    shadow: true,
    colorScheme: 'system',
  },
  argTypes: {
    brand: { control: 'color', description: 'Brand color (light scheme; also dark unless set below)' },
    brandDark: { control: 'color', description: 'Brand color in the dark scheme (optional)' },
    radius: { control: { type: 'range', min: 0, max: 24, step: 1 }, description: 'Corner radius, px' },
    font: { control: 'select', options: Object.keys(FONTS) },
    fontSize: { control: { type: 'range', min: 14, max: 20, step: 1 }, description: 'Base font size, px' },
    logo: { control: 'select', options: Object.values(LOGOS) },
    shadow: { control: 'boolean', description: 'Card shadow' },
    colorScheme: { control: 'inline-radio', options: ['system', 'light', 'dark'] },
  },
} satisfies Meta<typeof ThemeBuilder>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Start from a teal brand and make it yours in the Controls panel. */
export const Builder: Story = {};
/** A pale-yellow brand: the button keeps it with dark text; links and focus ring are darkened. */
export const PaleYellowBrand: Story = { args: { brand: '#fff59d', radius: 4 } };
/** A near-black brand: lightened for links and the ring in the dark scheme. */
export const NearBlackBrand: Story = { args: { brand: '#111111', radius: 0, font: 'Serif', shadow: false } };
