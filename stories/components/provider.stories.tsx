/**
 * `ConsentKitProvider` (language, direction and theme for the screens inside) and `BrandLogo`
 * (the theme's logo): their docs page and props tables.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { BrandLogo, ConsentKitProvider, createTheme } from '../../src/index.js';
import { loginStep } from '../../test/fixtures/steps.js';
import { asset } from '../support/assets.js';
import { SignInFor } from '../support/screens.js';

const theme = createTheme({
  name: 'Acme ID',
  colors: { light: { brand: '#1d4ed8' }, dark: { brand: '#93c5fd' } },
  logo: { light: asset('brand-light.svg'), dark: asset('brand-dark.svg') },
  logoAlt: 'Acme ID',
});

const meta = {
  title: 'Components/ConsentKitProvider',
  component: ConsentKitProvider,
  subcomponents: { BrandLogo },
  tags: ['autodocs'],
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ConsentKitProvider>;
export default meta;

/** An operator's theme with its logo above the sign-in screen. */
export const WithBrandLogo: StoryObj = {
  render: () => (
    <ConsentKitProvider theme={theme}>
      <BrandLogo />
      <SignInFor step={loginStep()} />
    </ConsentKitProvider>
  ),
};
