/**
 * Every state of the consent screen that test/fixtures describes, with its docs page (the
 * props table of `ConsentScreen`) and controls: the fixture shown, the host's language and a
 * brand color. The consent screen's own engineer adds finer-grained part stories under
 * stories/consent/.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { ConsentScreen, type ConsentScreenProps } from '../../src/index.js';
import {
  claimsBesideScopesConsentStep,
  claimsConsentStep,
  consentStep,
  customSchemeConsentStep,
  koreanConsentStep,
  multiOrganizationConsentStep,
  noMembershipConsentStep,
  noRedirectConsentStep,
  profileOnlyConsentStep,
  readerOnlyConsentStep,
  unsafeConsentStep,
} from '../../test/fixtures/steps.js';
import { ConsentFor, ConsentLoading } from '../support/screens.js';
import { ScreenDocs } from '../support/docs-page.js';
import { designArgTypes, fixtureControl, withBrand, type DesignArgs } from '../support/controls.js';

/** The consent fixtures a designer picks from (built once: the control maps names to steps). */
const FIXTURES = {
  full: consentStep(),
  readerOnly: readerOnlyConsentStep(),
  noMembership: noMembershipConsentStep(),
  multipleOrganizations: multiOrganizationConsentStep(),
  profileOnly: profileOnlyConsentStep(),
  nativeApp: customSchemeConsentStep(),
  firstPartyNoRedirect: noRedirectConsentStep(),
  korean: koreanConsentStep(),
  requestedClaims: claimsConsentStep(),
  claimsBesideScopes: claimsBesideScopesConsentStep(),
  hostileData: unsafeConsentStep(),
};

/** The story's args: the fixture by name, and the designer's controls. */
type Args = Pick<ConsentScreenProps, 'autoFocusHeading'> & DesignArgs & { step: keyof typeof FIXTURES };

const meta = {
  title: 'Screens/Consent',
  // The docs page documents the exported screen; the stories render it through ConsentFor.
  component: ConsentScreen as unknown as ComponentType<Args>,
  tags: ['autodocs'],
  decorators: [withBrand],
  render: ({ step, locale }) => <ConsentFor key={step} step={FIXTURES[step]} locale={locale} />,
  argTypes: {
    step: fixtureControl(FIXTURES, 'The consent step (a fixture from test/fixtures/steps.ts).'),
    ...designArgTypes,
  },
  parameters: {
    // The Controls panel offers what a designer changes; the docs page lists every prop.
    controls: { include: ['step', 'locale', 'brand'] },
    docs: { page: ScreenDocs },
  },
} satisfies Meta<Args>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Profile, API and organization scopes, one withheld scope, terms and privacy links. */
export const Full: Story = { args: { step: 'full' } };
/** A reader-only user: one API scope offered, two withheld. */
export const ReaderOnly: Story = { args: { step: 'readerOnly' } };
/** Organizations requested but the user belongs to none: Authorize is impossible. */
export const NoMembership: Story = { args: { step: 'noMembership' } };
/** Several organizations, optional. */
export const MultipleOrganizations: Story = { args: { step: 'multipleOrganizations' } };
/** The minimal consent: profile scopes only. */
export const ProfileOnly: Story = { args: { step: 'profileOnly' } };
/** A native app redirecting to a custom scheme. */
export const NativeApp: Story = { args: { step: 'nativeApp' } };
/** A first-party device-flow request: no redirect, no legal links, no logo. */
export const FirstPartyNoRedirect: Story = { args: { step: 'firstPartyNoRedirect' } };
/** The request asks for Korean (`ui_locales=ko-KR`), whatever the toolbar says. */
export const KoreanRequest: Story = { args: { step: 'korean' } };
/**
 * The app asks for single claims (the `claims` parameter) and only `openid`: each claim on its
 * own line, refusable; standard claims described by the locale, the provider's own by its text.
 */
export const RequestedClaims: Story = { args: { step: 'requestedClaims' } };
/** Single claims beside profile scopes (birth date, time zone, language). */
export const ClaimsBesideScopes: Story = { args: { step: 'claimsBesideScopes' } };
/** Hostile provider data (HTML in names, script URLs) rendered inertly as text. */
export const HostileData: Story = { args: { step: 'hostileData' } };
/** A brand color set through the Brand control, over the toolbar's preset. */
export const BrandColor: Story = { args: { step: 'full', brand: '#b45309' } };

/** Waiting for the interaction details. */
export const Loading: StoryObj = {
  argTypes: {},
  parameters: { controls: { disable: true } },
  render: () => <ConsentLoading />,
};
/** The details could not be loaded: error with Retry. */
export const LoadError: StoryObj = { render: () => <ConsentLoading error="network" /> };
/** The interaction expired: no Retry, the user starts again at the app. */
export const Expired: StoryObj = { render: () => <ConsentLoading error="interaction_expired" /> };
