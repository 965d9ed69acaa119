/**
 * The complete consent screen part by part, and the headless hook on its own: API groups
 * (disclosure, count, select all), the organization filter, trust signals, remember, nothing
 * new, the expired state, replaceable parts, and `useConsent` controlled and uncontrolled.
 */
import { act, render, renderHook, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  Consent,
  ConsentScreen,
  InteractionError,
  useConsent,
  useConsentContext,
  type ConsentDecision,
} from '../../../src/index.js';
import {
  BILLING_API,
  manyOrganizationsConsentStep,
  multiResourceConsentStep,
  nothingNewConsentStep,
  unverifiedLogoConsentStep,
} from '../../fixtures/consent-steps.js';
import { REPORTS_API, consentStep, noRedirectConsentStep, profileOnlyConsentStep } from '../../fixtures/steps.js';
import { fakeClient } from './fake-client.js';
import { sentence } from './sentence.js';

const authorize = () => screen.getByRole('button', { name: 'Authorize' });

function setup(step = consentStep(), props: Partial<Parameters<typeof ConsentScreen>[0]> = {}) {
  const client = fakeClient(step);
  const user = userEvent.setup();
  render(<ConsentScreen client={client} step={step} onRedirect={vi.fn()} {...props} />);
  return { client, user };
}

describe('Consent parts outside Consent.Root', () => {
  it.each(Object.keys(Consent).filter((name) => name !== 'Root' && name !== 'ResourceGroup'))(
    'Consent.%s should throw the documented message',
    (name) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      const Part = Consent[name as keyof typeof Consent] as unknown as ComponentType;
      expect(() => render(<Part />)).toThrow(`Consent.${name} must be used within Consent.Root`);
      error.mockRestore();
    },
  );
});

describe('Consent.ResourceGroup', () => {
  it('should expand a lone group by default, with a count and no select-all for one optional scope', async () => {
    const step = consentStep();
    step.consent.resources[0]!.scopes.pop();
    const { user } = setup(step);
    const toggle = screen.getByRole('button', { name: /Reports API/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveTextContent('1 of 1 permission selected');
    expect(screen.queryByRole('checkbox', { name: /Select all/ })).not.toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('checkbox', { name: 'Read your reports' })).not.toBeInTheDocument();
  });

  it('should collapse several groups by default and expand one with its real button', async () => {
    const { user } = setup(multiResourceConsentStep());
    const reports = screen.getByRole('button', { name: /Reports API/ });
    const billing = screen.getByRole('button', { name: /Billing API/ });
    expect(reports).toHaveAttribute('aria-expanded', 'false');
    expect(billing).toHaveAttribute('aria-expanded', 'false');
    expect(billing).toHaveTextContent('3 of 3 permissions selected');
    expect(document.getElementById(billing.getAttribute('aria-controls')!)).not.toBeVisible();

    await user.click(billing);
    expect(billing).toHaveAttribute('aria-expanded', 'true');
    const required = screen.getByRole('checkbox', { name: 'Read your invoices' });
    expect(required).toBeChecked();
    expect(required).toBeDisabled();
  });

  it('should select and clear all optional scopes, showing a mixed state in between', async () => {
    const { user, client } = setup(multiResourceConsentStep());
    await user.click(screen.getByRole('button', { name: /Billing API/ }));
    const all = screen.getByRole('checkbox', { name: 'Select all permissions of Billing API' });
    expect(all).toBeChecked();

    await user.click(screen.getByRole('checkbox', { name: 'Pay invoices' }));
    expect(all).toHaveAttribute('aria-checked', 'mixed');
    expect(screen.getByRole('button', { name: /Billing API/ })).toHaveTextContent('2 of 3 permissions selected');

    await user.click(all);
    expect(all).toBeChecked();
    await user.click(all);
    expect(all).not.toBeChecked();
    // The required scope stays.
    expect(screen.getByRole('button', { name: /Billing API/ })).toHaveTextContent('1 of 3 permissions selected');

    await user.click(authorize());
    expect(client.consent.mock.calls[0]![0].resources).toEqual({
      [REPORTS_API]: ['read:reports', 'write:reports'],
      [BILLING_API]: ['read:invoices'],
    });
  });

  it('should report a toggle to a host that controls the group, and open only when the host says', async () => {
    const step = multiResourceConsentStep();
    const onOpenChange = vi.fn();
    const user = userEvent.setup();
    const group = (open: boolean) => (
      <Consent.Root step={step} onAuthorize={vi.fn()} onDeny={vi.fn()}>
        <Consent.ResourceGroup resource={step.consent.resources[1]!} open={open} onOpenChange={onOpenChange} />
      </Consent.Root>
    );
    const { rerender } = render(group(false));
    const toggle = screen.getByRole('button', { name: /Billing API/ });
    await user.click(toggle);
    expect(onOpenChange).toHaveBeenLastCalledWith(true);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    rerender(group(true));
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('checkbox', { name: 'Read your invoices' })).toBeChecked();
  });

  it('should follow a host that expands every group', () => {
    const step = multiResourceConsentStep();
    render(
      <Consent.Root step={step} onAuthorize={vi.fn()} onDeny={vi.fn()}>
        <Consent.ResourceGroups defaultOpen />
      </Consent.Root>,
    );
    expect(screen.getAllByRole('button', { expanded: true })).toHaveLength(2);
  });
});

describe('Consent.Organizations', () => {
  it('should not show a filter for eight organizations or fewer', () => {
    setup(manyOrganizationsConsentStep(8));
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getAllByRole('checkbox', { name: /Corp/ })).toHaveLength(8);
  });

  it('should filter more than eight by name or role, keep chosen ones, and never submit on Enter', async () => {
    const { user, client } = setup(manyOrganizationsConsentStep(12));
    await user.click(screen.getByRole('checkbox', { name: 'Acme Corp' }));
    const filter = screen.getByRole('searchbox', { name: 'Filter organizations' });

    await user.type(filter, 'glob{Enter}');
    expect(client.consent).not.toHaveBeenCalled();
    const names = screen.getAllByRole('checkbox').map((box) => box.getAttribute('value'));
    expect(names).toContain('org-1'); // Acme, chosen
    expect(names).toContain('org-2'); // Globex
    expect(names).toContain('org-12'); // Globex 2
    expect(names).not.toContain('org-3');

    await user.clear(filter);
    await user.type(filter, 'nothing like this');
    expect(screen.getByText(sentence('No organization matches “nothing like this”.'))).toBeInTheDocument();
  });

  it('should explain and focus the message when a required choice is left empty', async () => {
    const { user, client } = setup(manyOrganizationsConsentStep(3));
    await user.click(authorize());
    expect(screen.getByText('Choose an organization to continue.')).toHaveFocus();
    expect(client.consent).not.toHaveBeenCalled();
  });
});

describe('Consent.AppHeader trust signals', () => {
  it('should link the home page and warn about an unverified app even when first-party', () => {
    setup(unverifiedLogoConsentStep());
    expect(screen.getByRole('link', { name: 'Website: reports.example.org' })).toHaveAttribute(
      'href',
      'https://reports.example.org/',
    );
    expect(screen.getByText(sentence(/has not verified who publishes Acme Reports/))).toBeInTheDocument();
    expect(screen.queryByText('Third-party app')).not.toBeInTheDocument();
    const picture = screen.getByRole('img', { name: 'Acme Reports logo' }).closest('picture')!;
    expect(picture.querySelector('source')).toHaveAttribute('srcset', 'https://cdn.example.com/logo-dark.png');
  });

  it('should neither warn nor badge a verified first-party app', () => {
    setup(noRedirectConsentStep());
    expect(screen.queryByText(/has not verified/)).not.toBeInTheDocument();
    expect(screen.queryByText('Unverified')).not.toBeInTheDocument();
  });
});

describe('Consent.Remember', () => {
  it('should send remember when ticked', async () => {
    const { user, client } = setup(profileOnlyConsentStep());
    await user.click(screen.getByRole('checkbox', { name: 'Remember this decision' }));
    await user.click(authorize());
    expect(client.consent).toHaveBeenCalledWith(expect.objectContaining({ remember: true }));
  });

  it('should not be offered when the provider cannot remember', () => {
    const step = profileOnlyConsentStep();
    step.consent.rememberable = false;
    setup(step);
    expect(screen.queryByRole('checkbox', { name: 'Remember this decision' })).not.toBeInTheDocument();
  });
});

describe('Consent.NothingNew', () => {
  it('should say nothing new is asked and still let the user continue', async () => {
    const { user, client } = setup(nothingNewConsentStep());
    expect(screen.getByRole('note')).toHaveTextContent(
      'Acme Reports is not asking for anything you have not already allowed',
    );
    await user.click(authorize());
    expect(client.consent).toHaveBeenCalledTimes(1);
  });

  it('should stay silent when something is to be decided', () => {
    setup();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});

describe('Consent.Error for an expired interaction', () => {
  it('should offer a way back to the app instead of Retry', async () => {
    const { user, client } = setup(profileOnlyConsentStep());
    client.consent.mockRejectedValueOnce(new InteractionError('interaction_expired', 'gone'));
    await user.click(authorize());
    const alert = await screen.findByRole('alert');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(within(alert).getByRole('link', { name: 'Return to Acme Reports' })).toHaveAttribute(
      'href',
      'https://reports.example.org/',
    );
    expect(authorize()).toBeDisabled();
  });
});

describe('<ConsentScreen components>', () => {
  it('should render a replacement part, which reads the same context', async () => {
    function MyHeader() {
      const { step } = useConsentContext('MyHeader');
      return <h1>Custom header for {step.client.name}</h1>;
    }
    const { user, client } = setup(profileOnlyConsentStep(), {
      components: { AppHeader: MyHeader, Remember: () => null },
    });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Custom header for Acme Reports');
    expect(screen.queryByRole('checkbox', { name: 'Remember this decision' })).not.toBeInTheDocument();
    await user.click(authorize());
    expect(client.consent).toHaveBeenCalledTimes(1);
  });
});

describe('useConsent', () => {
  const request = multiResourceConsentStep().consent;

  it('should start uncontrolled from the defaults and keep required scopes whatever is asked', () => {
    const { result } = renderHook(() => useConsent({ request }));
    expect(result.current.value.resources[BILLING_API]).toEqual(['read:invoices', 'pay:invoices', 'export:invoices']);
    act(() => result.current.setScopeGranted('read:invoices', false, BILLING_API));
    act(() => result.current.setScopeGranted('pay:invoices', false, BILLING_API));
    expect(result.current.value.resources[BILLING_API]).toEqual(['read:invoices', 'export:invoices']);
    act(() => result.current.setResourceGranted(BILLING_API, false));
    expect(result.current.value.resources[BILLING_API]).toEqual(['read:invoices']);
    act(() => result.current.setRemember(true));
    expect(result.current.value.remember).toBe(true);
    expect(result.current.nothingNew).toBe(false);
  });

  it('should start from defaultValue, normalized against the request', () => {
    const defaultValue: ConsentDecision = {
      profileScopes: ['email', 'not-offered'],
      resources: { [REPORTS_API]: [] },
      organizationIds: ['nope'],
      remember: true,
    };
    const { result } = renderHook(() => useConsent({ request, defaultValue }));
    expect(result.current.value).toEqual({
      profileScopes: ['openid', 'email'],
      resources: { [REPORTS_API]: [], [BILLING_API]: ['read:invoices'] },
      organizationIds: [],
      remember: true,
    });
  });

  it('should be controlled by value, reporting changes without applying them itself', () => {
    const onValueChange = vi.fn();
    const value: ConsentDecision = { profileScopes: ['openid'], resources: {}, organizationIds: [], remember: false };
    const { result, rerender } = renderHook(
      (props: { value: ConsentDecision }) => useConsent({ request, ...props, onValueChange }),
      {
        initialProps: { value },
      },
    );
    act(() => result.current.setScopeGranted('email', true));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ profileScopes: ['openid', 'email'] }));
    expect(result.current.isScopeGranted('email')).toBe(false);
    rerender({ value: onValueChange.mock.lastCall![0] });
    expect(result.current.isScopeGranted('email')).toBe(true);
  });

  it('should choose one organization with single selection and several with multiple', () => {
    const single = consentStep().consent;
    const { result } = renderHook(() => useConsent({ request: single }));
    act(() => result.current.setOrganizationSelected('acme', true));
    act(() => result.current.setOrganizationSelected('globex', true));
    expect(result.current.value.organizationIds).toEqual(['globex']);

    const multiple = manyOrganizationsConsentStep(3).consent;
    const { result: many } = renderHook(() => useConsent({ request: multiple }));
    expect(many.current.organizationMissing).toBe(true);
    act(() => many.current.setOrganizationSelected('org-1', true));
    act(() => many.current.setOrganizationSelected('org-3', true));
    expect(many.current.value.organizationIds).toEqual(['org-1', 'org-3']);
    expect(many.current.organizationMissing).toBe(false);
  });
});
