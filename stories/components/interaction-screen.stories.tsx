/**
 * The documented embed: `InteractionScreen` shows whichever step the interaction is at. Its docs
 * page carries the props table; the control picks the step it starts with.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { InteractionScreen } from '../../src/index.js';
import type { InteractionStep } from '../../src/protocol/interaction.js';
import { consentStep, loginStep } from '../../test/fixtures/steps.js';
import { withLocalAssets } from '../support/assets.js';
import { stayHere, storyClient } from '../support/client.js';
import { ScreenDocs } from '../support/docs-page.js';
import { designArgTypes, fixtureControl, withBrand, type DesignArgs } from '../support/controls.js';

const FIXTURES = { signIn: loginStep(), consent: consentStep() } satisfies Record<string, InteractionStep>;

/** The story's args: the fixture by name, and the designer's controls. */
type Args = DesignArgs & { initialStep: keyof typeof FIXTURES };

function Embedded({ initialStep, locale }: DesignArgs & { initialStep: InteractionStep }) {
  const step = withLocalAssets(initialStep);
  return <InteractionScreen client={storyClient({ step })} initialStep={step} onRedirect={stayHere} locale={locale} />;
}

const meta = {
  title: 'Components/InteractionScreen',
  component: InteractionScreen as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  decorators: [withBrand],
  render: ({ initialStep, locale }) => (
    <Embedded key={initialStep} initialStep={FIXTURES[initialStep]} locale={locale} />
  ),
  argTypes: {
    initialStep: fixtureControl(FIXTURES, 'The step embedded in the page (a fixture from test/fixtures/steps.ts).'),
    ...designArgTypes,
  },
  parameters: {
    // The Controls panel offers what a designer changes; the docs page lists every prop.
    controls: { include: ['initialStep', 'locale', 'brand'] },
    docs: { page: ScreenDocs },
  },
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The interaction starts at sign-in. */
export const SignInStep: Story = { args: { initialStep: 'signIn' } };
/** The interaction is at consent. */
export const ConsentStep: Story = { args: { initialStep: 'consent' } };
