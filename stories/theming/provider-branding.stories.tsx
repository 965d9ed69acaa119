/**
 * Branding a provider supplies on the step itself (`client.branding`, `organization`), applied
 * by the screens over the operator's theme: the organization's color and logo over the app's
 * color over the operator's. Fed by `test/fixtures/branding.ts`.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConsentKitProvider, createTheme, type Theme } from '../../src/index.js';
import { brandedConsentStep, brandedLoginStep } from '../../test/fixtures/branding.js';
import { asset } from '../support/assets.js';
import { ConsentFor, SignInFor } from '../support/screens.js';
import './theming.css';

const operator = createTheme({
  name: 'Acme ID (operator)',
  colors: { light: { brand: '#1d4ed8' }, dark: { brand: '#93c5fd' } },
  logo: { light: asset('brand-light.svg'), dark: asset('brand-dark.svg') },
  logoAlt: 'Acme ID',
} satisfies Theme);

function FromProvider({ organization }: { organization: boolean }) {
  return (
    <ConsentKitProvider theme={operator}>
      <div className="sb-theme-builder__screens">
        <SignInFor step={brandedLoginStep({ organization })} />
        <ConsentFor step={brandedConsentStep({ organization })} />
      </div>
    </ConsentKitProvider>
  );
}

const meta = {
  title: 'Theming/Provider branding',
  component: FromProvider,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof FromProvider>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The step's app brings its own color (teal) over the operator's blue. */
export const AppBranding: Story = { args: { organization: false } };
/** The request targets Acme Corp: its amber and logo win over the app's teal. */
export const OrganizationBranding: Story = { args: { organization: true } };
