import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Consent, ConsentScreen, InteractionError, type ConsentDecision } from '../../../src/index.js';
import {
  REPORTS_API,
  consentStep,
  customSchemeConsentStep,
  koreanConsentStep,
  multiOrganizationConsentStep,
  noMembershipConsentStep,
  noRedirectConsentStep,
  readerOnlyConsentStep,
  sessionLoginStep,
  unsafeConsentStep,
} from '../../fixtures/steps.js';
import { deferred, fakeClient } from './fake-client.js';
import { sentence } from './sentence.js';

const authorize = () => screen.getByRole('button', { name: 'Authorize' });
const cancel = () => screen.getByRole('button', { name: 'Cancel' });

/** Renders the full consent fixture with a given step, returning the client and redirect spy. */
function setup(step = consentStep()) {
  const client = fakeClient(step);
  const onRedirect = vi.fn();
  const user = userEvent.setup();
  const view = render(<ConsentScreen client={client} step={step} onRedirect={onRedirect} />);
  return { client, onRedirect, user, ...view };
}

describe('given no step prop', () => {
  it('should show a busy skeleton while loading, then the consent screen with focus on its heading', async () => {
    const step = consentStep();
    const load = deferred<typeof step>();
    const client = fakeClient(step);
    client.load.mockReturnValue(load.promise);
    render(<ConsentScreen client={client} />);

    const loading = screen.getByRole('status', { name: 'Loading the authorization request' });
    expect(loading).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('button', { name: 'Authorize' })).not.toBeInTheDocument();

    await act(async () => load.resolve(step));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Acme Reports wants to access your account' });
    expect(heading).toHaveFocus();
    expect(screen.queryByRole('status', { name: 'Loading the authorization request' })).not.toBeInTheDocument();
  });

  it('should show a load failure with a Retry that loads again', async () => {
    const client = fakeClient(consentStep());
    client.load.mockRejectedValueOnce(new InteractionError('network', 'offline'));
    const user = userEvent.setup();
    render(<ConsentScreen client={client} />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeInTheDocument();
    expect(client.load).toHaveBeenCalledTimes(2);
  });
});

describe('given the full consent request', () => {
  it('should present the app, its third-party status and the signed-in user', () => {
    setup();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme Reports wants to access your account');
    expect(screen.getByRole('img', { name: 'Acme Reports logo' })).toHaveAttribute(
      'src',
      'https://cdn.example.com/acme-reports.png',
    );
    expect(screen.getByText('Third-party app')).toBeInTheDocument();
    expect(screen.getByText('Unverified')).toBeInTheDocument();
    const account = screen.getByRole('region', { name: 'Signed in as' });
    expect(within(account).getByText('Alice Example')).toBeInTheDocument();
    expect(within(account).getByText('alice@example.com')).toBeInTheDocument();
    expect(within(account).getByRole('button', { name: 'Not you?' })).toBeEnabled();
  });

  it('should list profile scopes by description, locking the required one and marking the granted one', () => {
    setup();
    const profile = screen.getByRole('region', { name: 'Profile information' });
    const openid = within(profile).getByRole('checkbox', { name: 'Confirm your identity' });
    expect(openid).toBeChecked();
    expect(openid).toBeDisabled();
    expect(openid).toHaveAccessibleDescription('Required');
    const email = within(profile).getByRole('checkbox', { name: 'Your email address' });
    expect(email).toBeChecked();
    expect(email).toBeEnabled();
    expect(
      within(profile).getByRole('checkbox', { name: 'Your name, username and profile picture' }),
    ).toHaveAccessibleDescription('Previously granted');
  });

  it('should group API scopes under the resource name with its indicator', () => {
    setup();
    const api = screen.getByRole('region', { name: 'Reports API' });
    const indicator = within(api).getByText(sentence(`API: ${REPORTS_API}`));
    // Only the indicator is code (monospace); "API:" is the language's own word.
    expect(within(indicator).getByText(REPORTS_API).closest('code')).toHaveClass('ck-consent__indicator-value');
    expect(within(indicator).getByText(/API:/).closest('code')).toBeNull();
    expect(within(api).getByRole('checkbox', { name: 'Read your reports' })).toHaveAttribute('value', 'read:reports');
    expect(within(api).getByRole('checkbox', { name: 'Create and edit reports' })).toBeChecked();
  });

  it('should offer organizations as radios with role and permissions', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Organizations' });
    const acme = within(group).getByRole('radio', { name: 'Acme Corp' });
    expect(acme).not.toBeChecked();
    expect(acme).toHaveAccessibleDescription(/Your role: Admin.*Manage members/);
    expect(within(group).getByRole('radio', { name: 'Globex' })).toHaveAccessibleDescription(
      /Membership information only/,
    );
  });

  it('should tell where the user will be redirected (origin only) and link terms and privacy safely', () => {
    setup();
    expect(screen.getByText(sentence('You will be redirected to https://reports.example.org'))).toBeInTheDocument();
    const terms = screen.getByRole('link', { name: 'Terms of service' });
    expect(terms).toHaveAttribute('href', 'https://reports.example.org/terms');
    expect(terms).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('should send exactly the ticked scopes and the chosen organization, then navigate', async () => {
    const { client, onRedirect, user } = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Your email address' }));
    await user.click(screen.getByRole('checkbox', { name: 'Create and edit reports' }));
    await user.click(screen.getByRole('radio', { name: 'Globex' }));
    await user.click(authorize());

    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://reports.example.org/callback?code=abc'));
    expect(client.consent).toHaveBeenCalledTimes(1);
    expect(client.consent.mock.calls[0]![0]).toEqual({
      profileScopes: ['openid', 'profile'],
      resources: { [REPORTS_API]: ['read:reports'] },
      organizationIds: ['globex'],
      remember: false,
    });
  });

  it('should keep a required scope granted when the user clicks it', async () => {
    const { client, user } = setup();
    const openid = screen.getByRole('checkbox', { name: 'Confirm your identity' });
    await user.click(openid);
    expect(openid).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'Acme Corp' }));
    await user.click(authorize());
    await waitFor(() => expect(client.consent).toHaveBeenCalled());
    expect(client.consent.mock.calls[0]![0].profileScopes).toContain('openid');
  });

  it('should send one consent for a double click and disable both buttons while submitting', async () => {
    const { client, user } = setup();
    const pending = deferred<{ to: string }>();
    client.consent.mockReturnValue(pending.promise);
    await user.click(screen.getByRole('radio', { name: 'Acme Corp' }));
    // Two clicks in one act: React does not re-render in between, so the button is still
    // enabled for the second one and only the ref guard can stop it.
    act(() => {
      fireEvent.click(authorize());
      fireEvent.click(authorize());
    });
    await user.dblClick(authorize());

    expect(client.consent).toHaveBeenCalledTimes(1);
    expect(authorize()).toBeDisabled();
    expect(cancel()).toBeDisabled();
    await act(async () => pending.resolve({ to: 'https://reports.example.org/cb' }));
    expect(authorize()).toBeDisabled();
  });

  it('should refuse to authorize without an organization, explaining inline and moving focus there', async () => {
    const { client, user } = setup();
    await user.click(authorize());
    const message = screen.getByText('Choose an organization to continue.');
    expect(message).toHaveFocus();
    expect(client.consent).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'Acme Corp' }));
    expect(screen.queryByText('Choose an organization to continue.')).not.toBeInTheDocument();
  });

  it('should show a failed consent as an alert with focus, and retry with every choice kept', async () => {
    const { client, onRedirect, user } = setup();
    client.consent.mockRejectedValueOnce(new InteractionError('server_error', 'boom', { status: 502 }));
    await user.click(screen.getByRole('checkbox', { name: 'Your email address' }));
    await user.click(screen.getByRole('radio', { name: 'Globex' }));
    await user.click(authorize());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server had a problem. Please try again later.');
    expect(alert).toHaveFocus();
    expect(screen.getByRole('checkbox', { name: 'Your email address' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Globex' })).toBeChecked();
    expect(authorize()).toBeEnabled();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledTimes(1));
    expect(client.consent).toHaveBeenCalledTimes(2);
    expect(client.consent.mock.calls[1]![0]).toEqual(client.consent.mock.calls[0]![0]);
    expect(client.consent.mock.calls[1]![0].profileScopes).toEqual(['openid', 'profile']);
  });

  it('should explain an expired interaction without offering a retry', async () => {
    const { client, user } = setup();
    client.consent.mockRejectedValueOnce(new InteractionError('interaction_expired', 'gone', { status: 404 }));
    await user.click(screen.getByRole('radio', { name: 'Acme Corp' }));
    await user.click(authorize());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This sign-in request has expired. Go back to the app and start again.');
    expect(within(alert).queryByRole('button')).not.toBeInTheDocument();
    expect(authorize()).toBeDisabled();
  });

  it('should show a generic message for an unexpected error, never its English message', async () => {
    const { client, user } = setup();
    client.deny.mockRejectedValueOnce(new Error('internal detail'));
    await user.click(cancel());
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    expect(alert).not.toHaveTextContent('internal detail');
  });

  it('should deny and navigate on Cancel', async () => {
    const { client, onRedirect, user } = setup();
    await user.click(cancel());
    await waitFor(() =>
      expect(onRedirect).toHaveBeenCalledWith('https://reports.example.org/callback?error=access_denied'),
    );
    expect(client.deny).toHaveBeenCalledTimes(1);
    expect(client.consent).not.toHaveBeenCalled();
  });

  it('should not navigate to a non-http redirect, and say so', async () => {
    const { client, onRedirect, user } = setup();
    client.deny.mockResolvedValueOnce({ to: 'javascript:alert(1)' });
    await user.click(cancel());
    expect(await screen.findByRole('alert')).toHaveTextContent('return address is not safe');
    expect(onRedirect).not.toHaveBeenCalled();
  });

  it('should switch to sign-in for the same interaction on "Not you?"', async () => {
    const { client, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Not you?' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    // The sign-in kit is a lazy chunk: focus moves once it has mounted, not with the first render.
    await waitFor(() => expect(heading).toHaveFocus());
    expect(client.switchAccount).toHaveBeenCalledTimes(1);
    expect(screen.getByText(sentence('to continue to Acme Reports'))).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Authorize' })).not.toBeInTheDocument();
  });

  it('should not offer to continue as the account the user just said is not theirs', async () => {
    const { client, user } = setup();
    // The provider still has Alice's session, and says so in the sign-in step.
    client.switchAccount.mockResolvedValueOnce({ ...sessionLoginStep(), uid: 'consent-uid-1' });
    await user.click(screen.getByRole('button', { name: 'Not you?' }));
    expect(await screen.findByLabelText('Email or username')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Continue as/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Alice Example/)).not.toBeInTheDocument();
  });
});

describe('given a reader-only user', () => {
  it('should summarize withheld scopes with a plural and offer only the held one', () => {
    setup(readerOnlyConsentStep());
    expect(screen.getByText('2 requested permissions are not available to your account')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Create and edit reports' })).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Read your reports' })).toBeChecked();
  });

  it('should use the singular for one withheld scope', () => {
    setup();
    expect(screen.getByText('1 requested permission is not available to your account')).toBeInTheDocument();
  });
});

describe('given a user with no organization membership', () => {
  it('should explain why and disable Authorize', async () => {
    const { client, user } = setup(noMembershipConsentStep());
    expect(screen.getByText(/You are not a member of any organization/)).toBeInTheDocument();
    expect(authorize()).toBeDisabled();
    await user.click(authorize());
    expect(client.consent).not.toHaveBeenCalled();
    expect(cancel()).toBeEnabled();
  });
});

describe('given multiple selectable organizations', () => {
  it('should offer checkboxes and send every chosen one', async () => {
    const { client, user } = setup(multiOrganizationConsentStep());
    await user.click(screen.getByRole('checkbox', { name: 'Acme Corp' }));
    await user.click(screen.getByRole('checkbox', { name: 'Globex' }));
    await user.click(authorize());
    await waitFor(() => expect(client.consent).toHaveBeenCalled());
    expect(client.consent.mock.calls[0]![0].organizationIds).toEqual(['acme', 'globex']);
  });
});

describe('given hostile provider data', () => {
  it('should render names as text and never put unsafe URLs in href or src', () => {
    const { container } = setup(unsafeConsentStep());
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      '<img src=x onerror="alert(1)">Evil App wants to access your account',
    );
    expect(screen.getByRole('region', { name: '<script>alert(3)</script>' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '<a href="javascript:alert(4)">click</a>' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '<i>Evil Org</i>' })).toBeInTheDocument();
    expect(container.querySelector('script, i, u, b')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(
      container.querySelector('[src^="javascript:"], [href^="javascript:"], [href^="vbscript:"], [srcset^="data:"]'),
    ).toBeNull();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    // The logo falls back to a monogram, built from the words rather than the markup.
    expect(screen.getByRole('img', { name: /Evil App logo/ })).toHaveTextContent(/^EA$/);
  });
});

describe('given an app name of a million direction overrides (a hostile or careless registration)', () => {
  it('should keep the page to a bounded text, still revealing and isolating the start of the name', () => {
    const name = '\u202E'.repeat(1_000_000);
    const { container } = setup(consentStep({ client: { ...consentStep().client, name } }));
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toMatch(/^(⟨U\+202E⟩)+…/);
    expect(heading.textContent).toMatch(/wants to access your account$/);
    // Each of the name's appearances (heading, hints, notices, full text) weighed up to 8 MB
    // revealed: 56 million characters in all. A screen reader reads no such thing through.
    expect(container.textContent!.length).toBeLessThan(100_000);
    expect(authorize()).toBeEnabled();
  });
});

describe('given a logo that fails to load', () => {
  it('should replace it with a monogram of the app name', () => {
    setup();
    const logo = screen.getByRole('img', { name: 'Acme Reports logo' });
    expect(logo.tagName).toBe('IMG');
    fireEvent.error(logo);
    const monogram = screen.getByRole('img', { name: 'Acme Reports logo' });
    expect(monogram.tagName).not.toBe('IMG');
    expect(monogram).toHaveTextContent('AR');
  });
});

describe('given a native app with a custom-scheme redirect URI', () => {
  it('should show the full URI', () => {
    setup(customSchemeConsentStep());
    expect(screen.getByText(sentence('You will be redirected to com.acme.mobile:/oauth2redirect'))).toBeInTheDocument();
  });
});

describe('given no redirect URI and no legal links', () => {
  it('should show neither a redirect notice nor legal links, and no third-party badge', () => {
    setup(noRedirectConsentStep());
    expect(screen.queryByText(sentence(/You will be redirected/))).not.toBeInTheDocument();
    // Only the app's home page is linked.
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['https://reports.example.org/']);
    expect(screen.queryByText('Third-party app')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Acme TV logo' })).toHaveTextContent('AT');
  });
});

describe('given ui_locales=ko-KR', () => {
  it('should render the consent screen in Korean with lang="ko"', async () => {
    const step = koreanConsentStep();
    render(<ConsentScreen client={fakeClient(step)} step={step} onRedirect={vi.fn()} />);
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Acme Reports에서 계정 접근 권한을 요청합니다',
    });
    expect(heading.closest('.ck-root')).toHaveAttribute('lang', 'ko');
    expect(heading.closest('.ck-root')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('button', { name: '허용' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '취소' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '이메일 주소' })).toBeChecked();
    const withheld = '요청된 권한 중 1개는 회원님의 계정에서 사용할 수 없습니다';
    expect(screen.getByText(withheld)).toBeInTheDocument();
  });
});

describe('given a controlled value', () => {
  function Controlled({ onChange }: { onChange: (value: ConsentDecision) => void }) {
    const [value, setValue] = useState<ConsentDecision>({
      profileScopes: ['openid'],
      resources: { [REPORTS_API]: [] },
      organizationIds: ['globex'],
      remember: false,
    });
    const step = consentStep();
    return (
      <ConsentScreen
        client={fakeClient(step)}
        step={step}
        value={value}
        onValueChange={(next) => {
          onChange(next);
          setValue(next);
        }}
      />
    );
  }

  it('should render the value and report changes through onValueChange', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Controlled onChange={onChange} />);
    expect(screen.getByRole('checkbox', { name: 'Your email address' })).not.toBeChecked();
    expect(screen.getByRole('radio', { name: 'Globex' })).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Read your reports' }));
    expect(onChange).toHaveBeenLastCalledWith({
      profileScopes: ['openid'],
      resources: { [REPORTS_API]: ['read:reports'] },
      organizationIds: ['globex'],
      remember: false,
    });
    expect(screen.getByRole('checkbox', { name: 'Read your reports' })).toBeChecked();
  });

  it('should not change what is shown when the parent ignores the change', async () => {
    const onValueChange = vi.fn();
    const user = userEvent.setup();
    const step = consentStep();
    const value: ConsentDecision = { profileScopes: ['openid'], resources: {}, organizationIds: [], remember: false };
    render(<ConsentScreen client={fakeClient(step)} step={step} value={value} onValueChange={onValueChange} />);
    await user.click(screen.getByRole('checkbox', { name: 'Your email address' }));
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('checkbox', { name: 'Your email address' })).not.toBeChecked();
  });
});

describe('given a part outside Consent.Root', () => {
  it('should throw the documented message', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Consent.Actions />)).toThrow('Consent.Actions must be used within Consent.Root');
    expect(() => render(<Consent.ProfileScopes />)).toThrow('Consent.ProfileScopes must be used within Consent.Root');
    error.mockRestore();
  });
});

describe('given parts composed by a host', () => {
  it('should work with only the parts the host picked', async () => {
    const onAuthorize = vi.fn();
    const user = userEvent.setup();
    const step = readerOnlyConsentStep();
    render(
      <Consent.Root step={step} onAuthorize={onAuthorize} onDeny={vi.fn()}>
        <Consent.AppHeader />
        <Consent.ResourceGroup resource={step.consent.resources[0]!} />
        <Consent.Actions />
      </Consent.Root>,
    );
    expect(screen.queryByRole('region', { name: 'Profile information' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: 'Read your reports' }));
    await user.click(authorize());
    // Profile scopes keep their defaults (ticked) even though this host did not show them.
    expect(onAuthorize).toHaveBeenCalledWith({
      profileScopes: ['openid', 'profile', 'email'],
      resources: { [REPORTS_API]: [] },
      organizationIds: [],
      remember: false,
    });
  });
});
