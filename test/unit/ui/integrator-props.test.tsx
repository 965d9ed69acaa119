/**
 * What an integrator reaches for first: a `className` and a ref on every exported component,
 * callbacks for what the screens do (`onDecision`, `onSignIn`, `onError`), and an
 * `<InteractionScreen>` that passes `components` and the decision props on to the screens.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type ComponentType, type Ref } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BrandLogo,
  Consent,
  ConsentKitProvider,
  ConsentScreen,
  createTheme,
  InteractionError,
  InteractionScreen,
  SignIn,
  SignInScreen,
  useConsentContext,
  type ConsentDecision,
  type ConsentStep,
  type LoginStep,
  type SignInView,
} from '../../../src/index.js';
import { nothingNewConsentStep } from '../../fixtures/consent-steps.js';
import {
  claimsConsentStep,
  consentStep,
  fullLoginStep,
  loginStep,
  noMembershipConsentStep,
  profileOnlyConsentStep,
  REPORTS_API,
  sessionLoginStep,
} from '../../fixtures/steps.js';
import { fakeClient } from './fake-client.js';

type Part = ComponentType<{ className?: string; ref?: Ref<HTMLElement> }>;

afterEach(() => {
  vi.restoreAllMocks();
});

/** How to get a consent part on screen: the step that shows it, and what to do first. */
const CONSENT_PARTS: Record<
  string,
  { step?: () => ConsentStep; ownClass: string; before?: (form: HTMLFormElement) => Promise<void> }
> = {
  AppHeader: { ownClass: 'ck-consent__header' },
  Account: { ownClass: 'ck-consent__account' },
  ProfileScopes: { ownClass: 'ck-consent__scopes' },
  Claims: { step: claimsConsentStep, ownClass: 'ck-consent__claims' },
  ResourceGroup: { ownClass: 'ck-consent__resource' },
  Organizations: { ownClass: 'ck-consent__organizations' },
  Withheld: { ownClass: 'ck-consent__withheld' },
  NothingNew: { step: nothingNewConsentStep, ownClass: 'ck-consent__nothing-new' },
  Remember: { ownClass: 'ck-consent__remember' },
  Notice: { ownClass: 'ck-consent__notice' },
  // Shown after a failed Authorize (the Root below rejects every decision).
  Error: {
    step: profileOnlyConsentStep,
    ownClass: 'ck-consent__error',
    before: async (form) => {
      fireEvent.submit(form);
      await screen.findByRole('alert');
    },
  },
  Actions: { ownClass: 'ck-consent__actions' },
};

describe('given every consent part with a ref and a className', () => {
  it('should list every part but the Root and the group list in this test', () => {
    const parts = Object.keys(Consent).filter((name) => name !== 'Root' && name !== 'ResourceGroups');
    expect(parts.sort()).toEqual(Object.keys(CONSENT_PARTS).sort());
  });

  it.each(Object.entries(CONSENT_PARTS))('Consent.%s should forward both to its element', async (name, spec) => {
    const step = (spec.step ?? consentStep)();
    const ref = createRef<HTMLElement>();
    const rootRef = createRef<HTMLFormElement>();
    const Component = Consent[name as keyof typeof Consent] as unknown as Part;
    const extra = name === 'ResourceGroup' ? { resource: step.consent.resources[0] } : {};
    render(
      <Consent.Root
        ref={rootRef}
        className="host-root"
        step={step}
        onAuthorize={() => Promise.reject(new InteractionError('network', 'offline'))}
        onDeny={vi.fn()}
        onSwitchAccount={vi.fn()}
      >
        <Component ref={ref} className="host-part" {...extra} />
      </Consent.Root>,
    );
    expect(rootRef.current).toBeInstanceOf(HTMLFormElement);
    await spec.before?.(rootRef.current!);
    expect(rootRef.current).toHaveClass('ck-consent', 'host-root');
    expect(ref.current).toBeInstanceOf(HTMLElement);
    expect(ref.current).toHaveClass(spec.ownClass, 'host-part');
  });

  it('Consent.ResourceGroups should give its className to every group', () => {
    const step = consentStep();
    step.consent.resources.push({
      indicator: 'https://billing.example.com',
      name: 'Billing',
      scopes: [{ name: 'a', required: false }],
    });
    const { container } = render(
      <Consent.Root step={step} onAuthorize={vi.fn()} onDeny={vi.fn()}>
        <Consent.ResourceGroups className="host-group" />
      </Consent.Root>,
    );
    expect(container.querySelectorAll('.ck-consent__resource.host-group')).toHaveLength(2);
  });

  it('Consent.Organizations should forward both to the explanation when the user belongs to none', () => {
    const ref = createRef<HTMLElement>();
    render(
      <Consent.Root step={noMembershipConsentStep()} onAuthorize={vi.fn()} onDeny={vi.fn()}>
        <Consent.Organizations ref={ref} className="host-part" />
      </Consent.Root>,
    );
    expect(ref.current?.tagName).toBe('SECTION');
    expect(ref.current).toHaveClass('ck-consent__organizations', 'host-part');
  });
});

/** How to get a sign-in part on screen. */
const SIGN_IN_PARTS: Record<
  string,
  { step?: () => LoginStep; view?: SignInView; ownClass: string; before?: (form: HTMLFormElement) => Promise<void> }
> = {
  Header: { ownClass: 'ck-sign-in__header' },
  Error: {
    view: 'password',
    ownClass: 'ck-sign-in__error',
    before: async (form) => {
      fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
      fireEvent.submit(form);
      await screen.findByRole('alert');
    },
  },
  Account: { step: sessionLoginStep, ownClass: 'ck-sign-in__account' },
  Identifier: { ownClass: 'ck-sign-in__field' },
  Password: { view: 'password', ownClass: 'ck-sign-in__field' },
  Code: { view: 'code', ownClass: 'ck-sign-in__field' },
  Submit: { ownClass: 'ck-sign-in__submit' },
  Alternatives: { view: 'password', ownClass: 'ck-sign-in__alternative' },
  Connectors: { ownClass: 'ck-sign-in__connectors' },
  Links: { ownClass: 'ck-sign-in__links' },
};

describe('given every sign-in part with a ref and a className', () => {
  it('should list every part but the Root in this test', () => {
    expect(
      Object.keys(SignIn)
        .filter((name) => name !== 'Root')
        .sort(),
    ).toEqual(Object.keys(SIGN_IN_PARTS).sort());
  });

  it.each(Object.entries(SIGN_IN_PARTS))('SignIn.%s should forward both to its element', async (name, spec) => {
    const step = (spec.step ?? fullLoginStep)();
    const ref = createRef<HTMLElement>();
    const rootRef = createRef<HTMLFormElement>();
    const Component = SignIn[name as keyof typeof SignIn] as unknown as Part;
    render(
      <SignIn.Root
        ref={rootRef}
        className="host-root"
        step={step}
        initialView={spec.view}
        onSubmit={() => Promise.reject(new InteractionError('invalid_credentials', 'no'))}
        onSendCode={async () => ({ resendAfter: 30 })}
        onVerifyCode={vi.fn()}
        onConnector={vi.fn()}
        onContinueSession={vi.fn()}
      >
        <Component ref={ref} className="host-part" />
        {/* The password field the Error case types into. */}
        {name === 'Error' && <SignIn.Password />}
      </SignIn.Root>,
    );
    expect(rootRef.current).toBeInstanceOf(HTMLFormElement);
    await spec.before?.(rootRef.current!);
    expect(rootRef.current).toHaveClass('ck-sign-in', 'host-root');
    expect(ref.current).toBeInstanceOf(HTMLElement);
    expect(ref.current).toHaveClass(spec.ownClass, 'host-part');
  });
});

describe('given the screens, the provider and the brand logo with a ref and a className', () => {
  it('ConsentScreen should forward both to its outermost element, loading and loaded', async () => {
    const step = consentStep();
    const client = fakeClient(step);
    const ref = createRef<HTMLDivElement>();
    const { container } = render(<ConsentScreen ref={ref} className="host-screen" client={client} />);
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current).toHaveClass('ck-root', 'host-screen');
    await screen.findByRole('button', { name: 'Authorize' });
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current).toHaveClass('ck-root', 'host-screen');
    expect(ref.current).toContainElement(screen.getByRole('button', { name: 'Authorize' }));
  });

  it('ConsentScreen should keep them on the sign-in screen "Not you?" leads to', async () => {
    const client = fakeClient(consentStep());
    const ref = createRef<HTMLDivElement>();
    const user = userEvent.setup();
    const { container } = render(
      <ConsentScreen ref={ref} className="host-screen" client={client} step={consentStep()} onRedirect={vi.fn()} />,
    );
    await user.click(screen.getByRole('button', { name: 'Not you?' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(ref.current).toBe(container.firstElementChild);
    expect(ref.current).toHaveClass('ck-root', 'host-screen');
  });

  it('SignInScreen and InteractionScreen should forward both to their outermost element', async () => {
    for (const Screen of [SignInScreen, InteractionScreen]) {
      const ref = createRef<HTMLDivElement>();
      const { container, unmount } = render(
        <Screen ref={ref} className="host-screen" client={fakeClient(loginStep())} onRedirect={vi.fn()} />,
      );
      await screen.findByRole('heading', { name: 'Sign in' });
      expect(ref.current).toBe(container.firstElementChild);
      expect(ref.current).toHaveClass('ck-root', 'host-screen');
      unmount();
    }
  });

  it('ConsentKitProvider and BrandLogo should forward both to their element', () => {
    const theme = createTheme({ logo: { light: 'https://cdn.example.com/id.svg' } });
    const root = createRef<HTMLDivElement>();
    const logo = createRef<HTMLDivElement>();
    render(
      <ConsentKitProvider ref={root} className="host-root" theme={theme}>
        <BrandLogo ref={logo} className="host-logo" />
      </ConsentKitProvider>,
    );
    expect(root.current).toHaveClass('ck-root', 'host-root');
    expect(logo.current).toHaveClass('ck-brand', 'host-logo');
    expect(root.current).toContainElement(logo.current);
  });
});

describe('given a consent screen with onDecision and onError', () => {
  it('should report an accepted Authorize with the decision sent, before navigating', async () => {
    const step = consentStep();
    const client = fakeClient(step);
    const order: string[] = [];
    const onDecision = vi.fn(() => order.push('decision'));
    const onRedirect = vi.fn(() => order.push('redirect'));
    const user = userEvent.setup();
    render(<ConsentScreen client={client} step={step} onRedirect={onRedirect} onDecision={onDecision} />);
    await user.click(screen.getByRole('radio', { name: 'Globex' }));
    await user.click(screen.getByRole('button', { name: 'Authorize' }));

    await waitFor(() => expect(onRedirect).toHaveBeenCalled());
    expect(onDecision).toHaveBeenCalledExactlyOnceWith({
      action: 'authorize',
      decision: client.consent.mock.calls[0]![0],
      redirect: { to: 'https://reports.example.org/callback?code=abc' },
    });
    expect(client.consent.mock.calls[0]![0]).toMatchObject({ organizationIds: ['globex'] });
    expect(order).toEqual(['decision', 'redirect']);
  });

  it('should report an accepted Cancel', async () => {
    const step = consentStep();
    const onDecision = vi.fn();
    const user = userEvent.setup();
    render(<ConsentScreen client={fakeClient(step)} step={step} onRedirect={vi.fn()} onDecision={onDecision} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(onDecision).toHaveBeenCalledExactlyOnceWith({
        action: 'deny',
        redirect: { to: 'https://reports.example.org/callback?error=access_denied' },
      }),
    );
  });

  it('should report a failed Authorize as the banner shows it, and no decision', async () => {
    const step = consentStep();
    const client = fakeClient(step);
    const failure = new InteractionError('network', 'offline');
    client.consent.mockRejectedValueOnce(failure);
    const onError = vi.fn();
    const onDecision = vi.fn();
    const user = userEvent.setup();
    render(
      <ConsentScreen client={client} step={step} onRedirect={vi.fn()} onError={onError} onDecision={onDecision} />,
    );
    await user.click(screen.getByRole('radio', { name: 'Globex' }));
    await user.click(screen.getByRole('button', { name: 'Authorize' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server');
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, { action: 'authorize' });
    expect(onDecision).not.toHaveBeenCalled();
  });

  it('should report a failed load', async () => {
    const client = fakeClient(consentStep());
    const failure = new InteractionError('interaction_expired', 'gone');
    client.load.mockRejectedValueOnce(failure);
    const onError = vi.fn();
    render(<ConsentScreen client={client} onError={onError} />);
    await screen.findByRole('alert');
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, { action: 'load' });
  });

  it("should navigate even when the host's callback throws, reporting the throw to the page", async () => {
    const step = consentStep();
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    const thrown = new Error('analytics down');
    const onRedirect = vi.fn();
    const user = userEvent.setup();
    try {
      render(
        <ConsentScreen
          client={fakeClient(step)}
          step={step}
          onRedirect={onRedirect}
          onDecision={() => {
            throw thrown;
          }}
        />,
      );
      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(onRedirect).toHaveBeenCalled());
      expect(reportError).toHaveBeenCalledWith(thrown);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('given a sign-in screen with onSignIn and onError', () => {
  it('should report a wrong password, then the accepted sign-in with its method', async () => {
    const client = fakeClient(loginStep());
    const failure = new InteractionError('invalid_credentials', 'no');
    client.signIn.mockRejectedValueOnce(failure);
    const onError = vi.fn();
    const onSignIn = vi.fn();
    const onRedirect = vi.fn();
    const user = userEvent.setup();
    render(
      <SignInScreen client={client} step={loginStep()} onRedirect={onRedirect} onError={onError} onSignIn={onSignIn} />,
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, { action: 'password' });
    expect(onSignIn).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Password'), 'right');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://idp.example.com/auth/resume'));
    expect(onSignIn).toHaveBeenCalledExactlyOnceWith({
      method: 'password',
      redirect: { to: 'https://idp.example.com/auth/resume' },
    });
  });

  it('should compose replacements given through components', async () => {
    function Links() {
      return <p>Ask your administrator for an account</p>;
    }
    render(
      <SignInScreen
        client={fakeClient(fullLoginStep())}
        step={fullLoginStep()}
        onRedirect={vi.fn()}
        components={{ Links, Connectors: () => null }}
      />,
    );
    expect(screen.getByText('Ask your administrator for an account')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create an account' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Social Demo/ })).toBeNull();
  });
});

describe('given an InteractionScreen with the props of the screens', () => {
  it('should pass components, the controlled decision and onDecision to the consent screen', async () => {
    const step = consentStep();
    const client = fakeClient(step);
    const onDecision = vi.fn();
    const onValueChange = vi.fn();
    const value: ConsentDecision = {
      profileScopes: ['openid'],
      resources: { [REPORTS_API]: ['read:reports'] },
      organizationIds: ['acme'],
      remember: false,
    };
    function Header() {
      const { step } = useConsentContext('Header');
      return <h1>Custom header for {step.client.name}</h1>;
    }
    const user = userEvent.setup();
    render(
      <InteractionScreen
        client={client}
        onRedirect={vi.fn()}
        components={{ consent: { AppHeader: Header } }}
        value={value}
        onValueChange={onValueChange}
        onDecision={onDecision}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Custom header for Acme Reports' })).toBeInTheDocument();
    // Controlled: the value given, and a change reported rather than made.
    const email = screen.getByRole('checkbox', { name: 'Your email address' });
    expect(email).not.toBeChecked();
    await user.click(email);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ profileScopes: ['openid', 'email'] }));
    expect(email).not.toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Authorize' }));
    await waitFor(() => expect(onDecision).toHaveBeenCalledTimes(1));
    expect(client.consent).toHaveBeenCalledWith(value);
    expect(onDecision.mock.calls[0]![0]).toMatchObject({ action: 'authorize', decision: value });
  });

  it('should pass sign-in components, onSignIn and onError to the sign-in screen', async () => {
    const client = fakeClient(loginStep());
    const failure = new InteractionError('network', 'offline');
    client.signIn.mockRejectedValueOnce(failure);
    const onError = vi.fn();
    const onSignIn = vi.fn();
    const user = userEvent.setup();
    render(
      <InteractionScreen
        client={client}
        onRedirect={vi.fn()}
        components={{ signIn: { Header: () => <h1>Company sign-in</h1> } }}
        onSignIn={onSignIn}
        onError={onError}
      />,
    );
    expect(await screen.findByRole('heading', { name: 'Company sign-in' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, { action: 'password' });
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onSignIn).toHaveBeenCalledWith(expect.objectContaining({ method: 'password' })));
  });

  it('should report a failed load to onError', async () => {
    const client = fakeClient(loginStep());
    const failure = new InteractionError('network', 'offline');
    client.load.mockRejectedValueOnce(failure);
    const onError = vi.fn();
    render(<InteractionScreen client={client} onError={onError} />);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, { action: 'load' });
    await act(async () => {});
  });
});
