/**
 * The headless consent parts (`Consent.*`) a host composes its own screen from: one docs page
 * with a props table per part. The story is the screen `ConsentScreen` composes from them.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Consent } from '../../src/index.js';
import { consentStep } from '../../test/fixtures/steps.js';
import { ConsentFor } from '../support/screens.js';

const { Root, ...parts } = Consent;

const meta = {
  title: 'Components/Consent parts',
  component: Root,
  // One props table per part, as tabs under Root's.
  subcomponents: parts,
  tags: ['autodocs'],
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof Root>;
export default meta;

/** Every part in `ConsentScreen`'s order, for the full fixture. */
export const Composed: StoryObj = { render: () => <ConsentFor step={consentStep()} /> };
