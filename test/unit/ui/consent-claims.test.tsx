/**
 * The requested claims on the consent screen (`Consent.Claims`), what the decision says about
 * them, and the behaviours around the decision that no other test guarded: `remember` sent only
 * where the provider allows it, withheld scope names as text, and an interaction decided
 * already followed rather than shown as expired.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { supabaseAdapter } from '../../../src/client/adapters/supabase.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';
import { Consent, ConsentScreen, InteractionError, InteractionScreen, type ConsentStep } from '../../../src/index.js';
import { KNOWN_CLAIMS } from '../../../src/consent/claim-label.js';
import en from '../../../src/locales/en/consent-kit.json';
import {
  claimsBesideScopesConsentStep,
  claimsConsentStep,
  consentStep,
  profileOnlyConsentStep,
} from '../../fixtures/steps.js';
import { AUTHORIZATION_ID, SUPABASE_URL, supabaseApproved } from '../../fixtures/supabase/payloads.js';
import { stubFetch } from '../client/fetch-stub.js';
import { deferred, fakeClient } from './fake-client.js';
import { sentence } from './sentence.js';

function setup(step: ConsentStep) {
  const client = fakeClient(step);
  const onRedirect = vi.fn();
  const user = userEvent.setup();
  const view = render(<ConsentScreen client={client} step={step} onRedirect={onRedirect} />);
  return { client, onRedirect, user, ...view };
}

const claimsSection = () => screen.getByRole('region', { name: 'Requested details' });

describe('given an app that asks for single claims', () => {
  it("should list each claim on its own line: standard ones in the locale's words, others by their text", () => {
    setup(claimsConsentStep());

    const section = claimsSection();
    expect(
      within(section).getByText(
        sentence('Acme Reports also asks for these details. Untick any you do not want to share.'),
      ),
    ).toBeInTheDocument();
    const boxes = within(section).getAllByRole('checkbox');
    expect(boxes.map((box) => box.getAttribute('value'))).toEqual([
      'email',
      'name',
      'preferred_username',
      'department',
    ]);
    expect(within(section).getByRole('checkbox', { name: 'Your email address' })).toBeInTheDocument();
    expect(within(section).getByRole('checkbox', { name: 'Your full name' })).toBeInTheDocument();
    expect(within(section).getByRole('checkbox', { name: 'Your username' })).toBeInTheDocument();
    const department = within(section).getByRole('checkbox', { name: 'Your department' });
    // The provider's own claim also shows the name the app receives.
    expect(department).toHaveAccessibleDescription('department');
    expect(within(section).getByRole('checkbox', { name: 'Your full name' })).not.toHaveAccessibleDescription();
  });

  it('should tick every claim by default and send the ones left ticked as approved', async () => {
    const { client, user } = setup(claimsConsentStep());
    for (const box of within(claimsSection()).getAllByRole('checkbox')) expect(box).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Your email address' }));
    await user.click(screen.getByRole('checkbox', { name: 'Your department' }));
    await user.click(screen.getByRole('button', { name: 'Authorize' }));

    expect(client.consent).toHaveBeenCalledExactlyOnceWith({
      profileScopes: ['openid'],
      resources: {},
      organizationIds: [],
      claims: ['name', 'preferred_username'],
      remember: false,
    });
  });

  it('should send no claim when every one is unticked, with the keyboard only', async () => {
    const { client, user } = setup(claimsConsentStep());
    const boxes = within(claimsSection()).getAllByRole('checkbox');
    for (const box of boxes) {
      box.focus();
      await user.keyboard(' ');
      expect(box).not.toBeChecked();
    }

    screen.getByRole('button', { name: 'Authorize' }).focus();
    await user.keyboard('{Enter}');

    expect(client.consent.mock.calls[0]![0].claims).toEqual([]);
  });

  it('should lock the claims while the decision is in flight', async () => {
    const { client, user } = setup(claimsConsentStep());
    const pending = deferred<{ to: string }>();
    client.consent.mockReturnValueOnce(pending.promise);

    await user.click(screen.getByRole('button', { name: 'Authorize' }));

    for (const box of within(claimsSection()).getAllByRole('checkbox')) expect(box).toBeDisabled();
    await act(async () => pending.resolve({ to: 'https://reports.example.org/cb' }));
  });

  it("should show the claims beside the profile scopes, in the request's language", () => {
    const step = claimsBesideScopesConsentStep();
    setup({ ...step, uiLocales: ['ko'] });
    return screen.findByRole('region', { name: '요청된 세부 정보' }).then((section) => {
      expect(within(section).getByRole('checkbox', { name: '생년월일' })).toBeInTheDocument();
      expect(within(section).getByRole('checkbox', { name: '시간대' })).toBeInTheDocument();
      expect(within(section).getByRole('checkbox', { name: '언어 및 지역' })).toBeInTheDocument();
    });
  });

  it("should show the provider's text in the request's language when it gives one", async () => {
    setup({ ...claimsConsentStep(), uiLocales: ['ko'] });
    expect(await screen.findByRole('checkbox', { name: '소속 부서' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '이메일 주소' })).toBeInTheDocument();
  });

  it('should not call the request nothing new while a claim is asked', () => {
    const step = claimsConsentStep();
    step.consent.profileScopes = [{ name: 'openid', required: true, granted: true }];
    setup(step);
    expect(screen.queryByText(/is not asking for anything you have not already allowed/)).not.toBeInTheDocument();
  });

  it('should render nothing, and send no claims field, when no claim is requested', async () => {
    const { client, user } = setup(profileOnlyConsentStep());
    expect(screen.queryByRole('region', { name: 'Requested details' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Authorize' }));
    expect(client.consent.mock.calls[0]![0]).not.toHaveProperty('claims');
  });

  it('should throw a message naming the part outside Consent.Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Consent.Claims />)).toThrow('Consent.Claims must be used within Consent.Root');
    vi.restoreAllMocks();
  });

  it('should describe every standard claim (OpenID Connect Core §5.1 but sub) in the locale', () => {
    expect([...KNOWN_CLAIMS].sort()).toEqual(
      [
        'address',
        'birthdate',
        'email',
        'email_verified',
        'family_name',
        'gender',
        'given_name',
        'locale',
        'middle_name',
        'name',
        'nickname',
        'phone_number',
        'phone_number_verified',
        'picture',
        'preferred_username',
        'profile',
        'updated_at',
        'website',
        'zoneinfo',
      ].sort(),
    );
    expect(Object.keys(en.claims).sort()).toEqual([...KNOWN_CLAIMS].sort());
  });
});

describe('given a decision asking to remember where the provider does not allow it', () => {
  const notRememberable = () => ({
    ...profileOnlyConsentStep(),
    consent: { ...profileOnlyConsentStep().consent, rememberable: false },
  });
  const remembering = {
    profileScopes: ['openid', 'profile', 'email'],
    resources: {},
    organizationIds: [],
    remember: true,
  };

  it('should send remember: false from a defaultValue that says true', async () => {
    const step = notRememberable();
    const client = fakeClient(step);
    const user = userEvent.setup();
    render(<ConsentScreen client={client} step={step} onRedirect={vi.fn()} defaultValue={remembering} />);

    expect(screen.queryByRole('checkbox', { name: 'Remember this decision' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Authorize' }));

    expect(client.consent.mock.calls[0]![0].remember).toBe(false);
  });

  it('should send remember: false from a controlled value that says true', async () => {
    const step = notRememberable();
    const client = fakeClient(step);
    const user = userEvent.setup();
    render(
      <ConsentScreen client={client} step={step} onRedirect={vi.fn()} value={remembering} onValueChange={() => {}} />,
    );

    await user.click(screen.getByRole('button', { name: 'Authorize' }));

    expect(client.consent.mock.calls[0]![0]).toEqual({ ...remembering, remember: false });
  });
});

describe('given a withheld scope whose name is markup', () => {
  it('should render the name as literal text, never as an element', () => {
    const step = consentStep();
    step.consent.withheld = [{ name: '<img src=x onerror=alert(1)>', resource: '<b>https://api.evil.example</b>' }];
    const { container } = setup(step);

    const summary = screen.getByText('1 requested permission is not available to your account');
    const details = summary.closest('details')!;
    expect(within(details).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(details.textContent).toContain('<b>https://api.evil.example</b>');
    expect(container.querySelector('img[src="x"], details img, details b')).toBeNull();
  });
});

describe('given a provider that decided the interaction already', () => {
  it('should follow the way on instead of saying the request expired (Supabase: 200 redirect_url)', async () => {
    const stub = stubFetch(200, supabaseApproved);
    const client = createInteractionClient(
      supabaseAdapter({ url: SUPABASE_URL, authorizationId: AUTHORIZATION_ID, apiKey: 'k', accessToken: () => 't' }),
      { fetch: stub.fetch },
    );
    const onRedirect = vi.fn();

    render(<ConsentScreen client={client} onRedirect={onRedirect} />);

    await vi.waitFor(() => expect(onRedirect).toHaveBeenCalledExactlyOnceWith(supabaseApproved.redirect_url));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading the authorization request' })).toBeInTheDocument();
  });

  it('should follow it from the interaction screen too (a kit bridge answering 410 with redirectTo)', async () => {
    const client = fakeClient();
    client.load.mockRejectedValue(
      new InteractionError('interaction_expired', 'decided', {
        status: 410,
        redirect: { to: 'https://idp.example.com/auth/resume-1' },
      }),
    );
    const onRedirect = vi.fn();

    render(<InteractionScreen client={client} onRedirect={onRedirect} />);

    await vi.waitFor(() => expect(onRedirect).toHaveBeenCalledExactlyOnceWith('https://idp.example.com/auth/resume-1'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('should show the expired message when the way on is not an http(s) URL', async () => {
    const client = fakeClient();
    client.load.mockRejectedValue(
      new InteractionError('interaction_expired', 'decided', { redirect: { to: 'javascript:alert(1)' } }),
    );
    const onRedirect = vi.fn();

    render(<InteractionScreen client={client} onRedirect={onRedirect} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in request has expired');
    expect(onRedirect).not.toHaveBeenCalled();
  });
});
