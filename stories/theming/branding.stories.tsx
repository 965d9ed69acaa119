/**
 * Per-app and per-organization branding: the organization's colors and logo over the app's,
 * over the operator's theme, over the kit's default (`resolveBranding`).
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  BrandLogo,
  ConsentKitProvider,
  createTheme,
  resolveBranding,
  type Branding,
  type Theme,
} from '../../src/index.js';
import { consentStep, loginStep } from '../../test/fixtures/steps.js';
import { asset } from '../support/assets.js';
import { ConsentFor, SignInFor } from '../support/screens.js';
import './theming.css';

const operator: Theme = {
  name: 'Acme ID (operator)',
  colors: { light: { brand: '#1d4ed8' }, dark: { brand: '#93c5fd' } },
  logo: { light: asset('brand-light.svg'), dark: asset('brand-dark.svg') },
  logoAlt: 'Acme ID',
};

const app: Branding = { brand: { light: '#0e7490' } };

const organization: Branding = {
  brand: { light: '#b45309', dark: '#fbbf24' },
  logo: { light: asset('org-globex.svg'), dark: asset('org-globex-dark.svg') },
  name: 'Globex',
};

function Branded({ level }: { level: 'operator' | 'app' | 'organization' }) {
  const theme = resolveBranding({
    theme: operator,
    app: level === 'operator' ? undefined : app,
    organization: level === 'organization' ? organization : undefined,
  });
  return (
    <ConsentKitProvider theme={createTheme(theme)}>
      <div className="sb-theme-builder">
        <BrandLogo />
        <div className="sb-theme-builder__screens">
          <SignInFor step={loginStep()} />
          <ConsentFor step={consentStep()} />
        </div>
      </div>
    </ConsentKitProvider>
  );
}

const meta = {
  title: 'Theming/Branding precedence',
  component: Branded,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof Branded>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The operator's theme: blue, the Acme ID logo. */
export const Operator: Story = { args: { level: 'operator' } };
/** The app brings its own color (teal); the operator's logo stays. */
export const App: Story = { args: { level: 'app' } };
/** The organization's color and logo win over both. */
export const Organization: Story = { args: { level: 'organization' } };
