/**
 * Every state of the complete consent screen (issue 3), fed by the shared fixtures under
 * test/fixtures/: API groups, organization filter, trust signals, remember, nothing new, and
 * the submitting / error / expired states, reached by clicking Authorize once mounted.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { ConsentScreen, useConsentContext } from '../../src/index.js';
import type { InteractionClient } from '../../src/client/types.js';
import { InteractionError, type InteractionErrorCode } from '../../src/protocol/errors.js';
import type { ConsentStep } from '../../src/protocol/interaction.js';
import {
  largeConsentStep,
  manyOrganizationsConsentStep,
  multiResourceConsentStep,
  nothingNewConsentStep,
  unverifiedLogoConsentStep,
} from '../../test/fixtures/consent-steps.js';
import {
  consentStep,
  noMembershipConsentStep,
  noRedirectConsentStep,
  profileOnlyConsentStep,
} from '../../test/fixtures/steps.js';
import { withLocalAssets } from '../support/assets.js';
import { storyClient, stayHere } from '../support/client.js';
import { ConsentLoading } from '../support/screens.js';

/** What Authorize does in a story. */
type Outcome = 'redirect' | 'pending' | InteractionErrorCode;

interface StateProps {
  step: ConsentStep;
  /** Click Authorize once mounted, to show the state that follows. */
  clickAuthorize?: boolean;
  outcome?: Outcome;
  components?: Parameters<typeof ConsentScreen>[0]['components'];
}

function clientFor(step: ConsentStep, outcome: Outcome): InteractionClient {
  const base = storyClient({ step });
  if (outcome === 'redirect') return base;
  const consent = () =>
    outcome === 'pending'
      ? new Promise<never>(() => {})
      : Promise.reject(new InteractionError(outcome, `story: ${outcome}`));
  return new Proxy(base, { get: (target, prop) => (prop === 'consent' ? consent : Reflect.get(target, prop)) });
}

/** The consent screen for a fixture, optionally clicking Authorize right away. */
function ConsentState({ step, clickAuthorize = false, outcome = 'redirect', components }: StateProps) {
  const local = withLocalAssets(step);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (clickAuthorize) ref.current?.querySelector<HTMLButtonElement>('.ck-consent__authorize')?.click();
  }, [clickAuthorize]);
  return (
    <div ref={ref}>
      <ConsentScreen client={clientFor(local, outcome)} step={local} onRedirect={stayHere} components={components} />
    </div>
  );
}

const meta = {
  title: 'Consent/States',
  component: ConsentState,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ConsentState>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Loading skeleton while the step is fetched. */
export const Loading: StoryObj = { render: () => <ConsentLoading /> };
/** The interaction expired before anything loaded: the message and a way back. */
export const ExpiredOnLoad: StoryObj = { render: () => <ConsentLoading error="interaction_expired" /> };

/** Two APIs, collapsed; one has a required scope. Expand one to see "select all". */
export const SeveralApis: Story = { args: { step: multiResourceConsentStep() } };
/** Twelve organizations, multiple choice: the filter box appears above eight. */
export const ManyOrganizations: Story = { args: { step: manyOrganizationsConsentStep(12) } };
/** A required organization choice left empty: the message, with focus on it. */
export const OrganizationRequired: Story = { args: { step: consentStep(), clickAuthorize: true } };
/** The user belongs to no organization: why they cannot continue. */
export const NoMembership: Story = { args: { step: noMembershipConsentStep() } };
/** An unverified (first-party) app with light and dark logos, and its home page. */
export const UnverifiedApp: Story = { args: { step: unverifiedLogoConsentStep() } };
/** A device-flow request: no redirect URI, no legal links. */
export const DeviceFlow: Story = { args: { step: noRedirectConsentStep() } };
/** Rememberable decision ("Remember this decision" shown). */
export const Rememberable: Story = { args: { step: profileOnlyConsentStep() } };
/** Everything was granted before: nothing new to consent to. */
export const NothingNew: Story = { args: { step: nothingNewConsentStep() } };
/** Authorize clicked, waiting for the provider: both buttons disabled. */
export const Submitting: Story = { args: { step: profileOnlyConsentStep(), clickAuthorize: true, outcome: 'pending' } };
/** Authorize failed: the banner with Retry; every choice is kept. */
export const ErrorWithRetry: Story = {
  args: { step: profileOnlyConsentStep(), clickAuthorize: true, outcome: 'network' },
};
/** The interaction expired on Authorize: no Retry, a link back to the app. */
export const ExpiredOnAuthorize: Story = {
  args: { step: profileOnlyConsentStep(), clickAuthorize: true, outcome: 'interaction_expired' },
};
/** The render benchmark's request: 20 APIs × 25 scopes and 50 organizations. */
export const LargeRequest: Story = { args: { step: largeConsentStep() } };

function BrandedHeader() {
  const { step } = useConsentContext('BrandedHeader');
  return (
    <header className="ck-consent__header">
      <h1 className="ck-consent__title">Allow {step.client.name}?</h1>
    </header>
  );
}
/** A part replaced through `components`: a host's own header. */
export const ReplacedHeader: Story = {
  args: { step: profileOnlyConsentStep(), components: { AppHeader: BrandedHeader } },
};
