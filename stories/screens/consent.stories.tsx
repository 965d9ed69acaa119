/**
 * Every state of the consent screen that test/fixtures describes. The consent screen's own
 * engineer adds finer-grained part stories under stories/consent/.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
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

const meta = {
  title: 'Screens/Consent',
  component: ConsentFor,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof ConsentFor>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Profile, API and organization scopes, one withheld scope, terms and privacy links. */
export const Full: Story = { args: { step: consentStep() } };
/** A reader-only user: one API scope offered, two withheld. */
export const ReaderOnly: Story = { args: { step: readerOnlyConsentStep() } };
/** Organizations requested but the user belongs to none: Authorize is impossible. */
export const NoMembership: Story = { args: { step: noMembershipConsentStep() } };
/** Several organizations, optional. */
export const MultipleOrganizations: Story = { args: { step: multiOrganizationConsentStep() } };
/** The minimal consent: profile scopes only. */
export const ProfileOnly: Story = { args: { step: profileOnlyConsentStep() } };
/** A native app redirecting to a custom scheme. */
export const NativeApp: Story = { args: { step: customSchemeConsentStep() } };
/** A first-party device-flow request: no redirect, no legal links, no logo. */
export const FirstPartyNoRedirect: Story = { args: { step: noRedirectConsentStep() } };
/** The request asks for Korean (`ui_locales=ko-KR`), whatever the toolbar says. */
export const KoreanRequest: Story = { args: { step: koreanConsentStep() } };
/**
 * The app asks for single claims (the `claims` parameter) and only `openid`: each claim on its
 * own line, refusable; standard claims described by the locale, the provider's own by its text.
 */
export const RequestedClaims: Story = { args: { step: claimsConsentStep() } };
/** Single claims beside profile scopes (birth date, time zone, language). */
export const ClaimsBesideScopes: Story = { args: { step: claimsBesideScopesConsentStep() } };
/** Hostile provider data (HTML in names, script URLs) rendered inertly as text. */
export const HostileData: Story = { args: { step: unsafeConsentStep() } };

/** Waiting for the interaction details. */
export const Loading: StoryObj = { render: () => <ConsentLoading /> };
/** The details could not be loaded: error with Retry. */
export const LoadError: StoryObj = { render: () => <ConsentLoading error="network" /> };
/** The interaction expired: no Retry, the user starts again at the app. */
export const Expired: StoryObj = { render: () => <ConsentLoading error="interaction_expired" /> };
