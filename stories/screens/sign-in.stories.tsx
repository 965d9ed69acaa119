/**
 * The sign-in screen's states from test/fixtures, with its docs page (the props table of
 * `SignInScreen`) and controls: the fixture, the view it starts at, the host's language and a
 * brand color. The sign-in engineer adds more under stories/sign-in/.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { SignInScreen, type SignInScreenProps } from '../../src/index.js';
import { codeOnlyLoginStep, fullLoginStep, loginStep, sessionLoginStep } from '../../test/fixtures/steps.js';
import { ScreenDocs } from '../support/docs-page.js';
import { designArgTypes, fixtureControl, withBrand, type DesignArgs } from '../support/controls.js';
import { SignInFor } from '../support/screens.js';

/** The sign-in fixtures a designer picks from (built once: the control maps names to steps). */
const FIXTURES = {
  default: loginStep(),
  noHint: loginStep({ login: { identifiers: ['email', 'username'], password: true } }),
  emailOnly: loginStep({ login: { identifiers: ['email'], password: true } }),
  korean: loginStep({ uiLocales: ['ko'] }),
  everyMethod: fullLoginStep(),
  codeOnly: codeOnlyLoginStep(),
  session: sessionLoginStep(),
};

/** The story's args: the fixture by name, and the designer's controls. */
type Args = Pick<SignInScreenProps, 'initialView'> & DesignArgs & { step: keyof typeof FIXTURES };

const meta = {
  title: 'Screens/Sign-in',
  // The docs page documents the exported screen; the stories render it through SignInFor.
  component: SignInScreen as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  decorators: [withBrand],
  render: ({ step, locale, initialView }) => (
    <SignInFor key={`${step}/${initialView}`} step={FIXTURES[step]} locale={locale} initialView={initialView} />
  ),
  argTypes: {
    step: fixtureControl(FIXTURES, 'The sign-in step (a fixture from test/fixtures/steps.ts).'),
    initialView: {
      description: 'The view shown first; the story re-mounts the screen when it changes.',
      options: ['identifier', 'password', 'code', 'account'],
      control: { type: 'select' },
    },
    ...designArgTypes,
  },
  parameters: {
    // The Controls panel offers what a designer changes; the docs page lists every prop.
    controls: { include: ['step', 'initialView', 'locale', 'brand'] },
    docs: { page: ScreenDocs },
  },
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Email or username and password, prefilled from `login_hint`. */
export const Default: Story = { args: { step: 'default' } };
/** No `login_hint`: an empty form. */
export const NoHint: Story = { args: { step: 'noHint' } };
/** Email only. */
export const EmailOnly: Story = { args: { step: 'emailOnly' } };
/** The request asks for Korean. */
export const KoreanRequest: Story = { args: { step: 'korean' } };
/** A brand color set through the Brand control, over the toolbar's preset. */
export const BrandColor: Story = { args: { step: 'default', brand: '#0e7490' } };
