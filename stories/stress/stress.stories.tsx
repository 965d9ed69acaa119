/**
 * Stress stories: what providers send on a bad day. The layout must hold (no overflow, no
 * overlap) and stay accessible in every locale, scheme and direction.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ConsentStep } from '../../src/protocol/interaction.js';
import { REPORTS_API, consentStep, loginStep } from '../../test/fixtures/steps.js';
import {
  bidiConsentStep,
  brokenBrandingConsentStep,
  longPermissionConsentStep,
  longRoleConsentStep,
  longUnbrokenConsentStep,
} from '../../test/fixtures/stress.js';
import { BROKEN_LOGO } from '../support/assets.js';
import { ConsentFor, SignInFor } from '../support/screens.js';

const meta = {
  title: 'Stress/Consent',
  component: ConsentFor,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ConsentFor>;
export default meta;

type Story = StoryObj<typeof meta>;

const LONG_NAME =
  'Acme Quarterly Financial Reporting and Compliance Analytics Dashboard for Enterprise Customers ' +
  '(EMEA Region, Production)';

function edit(mutate: (step: ConsentStep) => void): ConsentStep {
  const step = consentStep({ uid: 'consent-uid-stress' });
  mutate(step);
  return step;
}

/** An app name of 120 characters, and a long unbroken one in the organization. */
export const VeryLongAppName: Story = {
  args: {
    step: edit((s) => {
      s.client.name = LONG_NAME;
      const callback = `oauth/${'callback-segment/'.repeat(8)}done`;
      s.client.redirectUri = `https://reports.example.org/${callback}?state=${'x'.repeat(80)}`;
      s.user.displayName = 'Alexandra Maximiliana Featherstonehaugh-Cholmondeley';
      const domain = `${'very-long-subdomain.'.repeat(3)}example.com`;
      s.user.email = `alexandra.maximiliana.featherstonehaugh-cholmondeley@${domain}`;
      s.consent.organizations!.options[0]!.name = 'Organisation'.repeat(6);
    }),
  },
};

/** One hundred API scopes with descriptions, half of them required. */
export const HundredScopes: Story = {
  args: {
    step: edit((s) => {
      s.consent.resources = [
        {
          indicator: REPORTS_API,
          name: 'Reports API',
          scopes: Array.from({ length: 100 }, (_, i) => ({
            name: `reports:scope-${String(i + 1).padStart(3, '0')}`,
            description: `Permission number ${i + 1} of the reports API`,
            required: i % 2 === 0,
          })),
        },
      ];
      delete s.consent.organizations;
    }),
  },
};

/** Scopes nobody described: custom OIDC scopes and API scopes without descriptions. */
export const UnknownScopes: Story = {
  args: {
    step: edit((s) => {
      s.consent.profileScopes = [
        { name: 'openid', required: true },
        { name: 'urn:acme:params:oauth:scope:billing-history', required: false },
        { name: 'x_custom', required: false },
      ];
      s.consent.resources = [
        {
          indicator: 'https://api.unknown.example/v2',
          scopes: [
            { name: 'admin:*', required: false },
            { name: 'read', required: false },
          ],
        },
      ];
      s.consent.withheld = [{ name: 'urn:acme:everything' }];
      delete s.consent.organizations;
    }),
  },
};

/** No logo registered: the generated monogram. */
export const MissingLogo: Story = {
  args: {
    step: edit((s) => {
      delete s.client.logo;
      delete s.user.avatar;
    }),
  },
};

/** A logo URL that fails to load: the monogram replaces it. */
export const BrokenLogo: Story = {
  args: {
    step: edit((s) => {
      s.client.logo = { light: BROKEN_LOGO };
      s.user.avatar = BROKEN_LOGO;
    }),
  },
};

/** Sign-in for an app with a very long name and a broken logo. */
export const SignInLongNameBrokenLogo: StoryObj = {
  render: () => (
    <SignInFor step={loginStep({ client: { ...loginStep().client, name: LONG_NAME, logo: { light: BROKEN_LOGO } } })} />
  ),
};

/** An organization role and permission of one long word each (`organization_billing_and_…`). */
export const LongRole: Story = { args: { step: longRoleConsentStep() } };

/** An API scope described in a paragraph, scope names of one long word, withheld ones too. */
export const LongPermission: Story = { args: { step: longPermissionConsentStep() } };

/**
 * Every provider text one endless word, the app's name 20,000 characters: cut with "…" and
 * "Show full text", never wider than the card, Authorize still in reach.
 */
export const LongUnbrokenName: Story = { args: { step: longUnbrokenConsentStep() } };

/**
 * Direction overrides in the app's name and the native redirect URI, shown as ⟨U+202E⟩ with a
 * warning; Arabic names isolated from the sentence around them.
 */
export const BidiControls: Story = { args: { step: bidiConsentStep() } };

/** The app's and the organization's branding logos fail to load: the monogram shows. */
export const BrokenBrandingLogo: Story = { args: { step: brokenBrandingConsentStep() } };
