/**
 * Stress stories of the sign-in screen: the provider texts of the stress fixtures
 * (test/fixtures/stress.ts) on the identifier step.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { bidiLoginStep, brokenBrandingLoginStep, longUnbrokenLoginStep } from '../../test/fixtures/stress.js';
import { SignInFor } from '../support/screens.js';

const meta = {
  title: 'Stress/Sign-in',
  component: SignInFor,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof SignInFor>;
export default meta;

type Story = StoryObj<typeof meta>;

/** An app of 20,000 characters and a connector of 30,000, each one word: cut, in the card. */
export const LongUnbrokenName: Story = { args: { step: longUnbrokenLoginStep() } };

/** Direction overrides in the app's and a connector's name, shown as ⟨U+202E⟩. */
export const BidiControls: Story = { args: { step: bidiLoginStep() } };

/** The organization's branding logo fails to load: its monogram shows. */
export const BrokenBrandingLogo: Story = { args: { step: brokenBrandingLoginStep() } };
