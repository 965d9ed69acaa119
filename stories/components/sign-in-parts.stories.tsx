/**
 * The headless sign-in parts (`SignIn.*`) a host composes its own screen from: one docs page
 * with a props table per part. The story is the screen `SignInScreen` composes from them.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn } from '../../src/index.js';
import { fullLoginStep } from '../../test/fixtures/steps.js';
import { SignInFor } from '../support/screens.js';

const { Root, ...parts } = SignIn;

const meta = {
  title: 'Components/Sign-in parts',
  component: Root,
  // One props table per part, as tabs under Root's.
  subcomponents: parts,
  tags: ['autodocs'],
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof Root>;
export default meta;

/** The parts `SignInScreen` shows for a step offering every method. */
export const Composed: StoryObj = { render: () => <SignInFor step={fullLoginStep()} /> };
