/** The sign-in screen's states from test/fixtures (the sign-in engineer adds more under stories/sign-in/). */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { loginStep } from '../../test/fixtures/steps.js';
import { SignInFor } from '../support/screens.js';

const meta = {
  title: 'Screens/Sign-in',
  component: SignInFor,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof SignInFor>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Email or username and password, prefilled from `login_hint`. */
export const Default: Story = { args: { step: loginStep() } };
/** No `login_hint`: an empty form. */
export const NoHint: Story = {
  args: { step: loginStep({ login: { identifiers: ['email', 'username'], password: true } }) },
};
/** Email only. */
export const EmailOnly: Story = {
  args: { step: loginStep({ login: { identifiers: ['email'], password: true } }) },
};
/** The request asks for Korean. */
export const KoreanRequest: Story = { args: { step: loginStep({ uiLocales: ['ko'] }) } };
