import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InteractionError, SignIn, SignInScreen } from '../../../src/index.js';
import { identifierField } from '../../../src/sign-in/identifier-field.js';
import { cleanCode, ssoConnectorFor } from '../../../src/sign-in/use-sign-in.js';
import type { LoginStep } from '../../../src/protocol/interaction.js';
import {
  codeOnlyLoginStep,
  fullLoginStep,
  loginStep,
  sessionLoginStep,
  unsafeLoginStep,
} from '../../fixtures/steps.js';
import { deferred, fakeClient } from './fake-client.js';
import { sentence } from './sentence.js';

function setup(step: LoginStep = loginStep(), props: { initialView?: 'identifier' } = {}) {
  const client = fakeClient(step);
  const onRedirect = vi.fn();
  const user = userEvent.setup();
  render(<SignInScreen client={client} step={step} onRedirect={onRedirect} {...props} />);
  return { client, onRedirect, user };
}

/** Types the identifier (replacing the hint) and continues to the next view. */
async function continueAs(user: ReturnType<typeof userEvent.setup>, identifier?: string) {
  const field = screen.getByLabelText('Email or username');
  if (identifier !== undefined) {
    await user.clear(field);
    await user.type(field, identifier);
  }
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('given the identifier view', () => {
  it('should label the field from the accepted kinds and prefill it from the login hint', () => {
    setup();
    const identifier = screen.getByLabelText('Email or username');
    expect(identifier).toHaveValue('alice@example.com');
    expect(identifier).toHaveAttribute('type', 'text');
    expect(identifier).toHaveAttribute('inputmode', 'email');
    expect(identifier).toHaveAttribute('autocomplete', 'username');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it.each([
    [['email'], 'signIn.identifier.email', 'email', 'email', 'username'],
    [['phone'], 'signIn.identifier.phone', 'tel', 'tel', 'tel'],
    [['username'], 'signIn.identifier.username', 'text', 'text', 'username'],
    [['email', 'phone', 'username'], 'signIn.identifier.email_phone_username', 'text', 'text', 'username'],
  ] as const)(
    'should present %j as %s, type %s, inputmode %s, autocomplete %s',
    (kinds, labelKey, type, inputMode, autoComplete) => {
      expect(identifierField(kinds)).toEqual({ labelKey, type, inputMode, autoComplete });
    },
  );

  it('should not continue with an empty identifier, focusing it instead', async () => {
    const { user } = setup(loginStep({ login: { identifiers: ['email', 'username'], password: true } }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByLabelText('Email or username')).toHaveFocus();
    expect(screen.queryByLabelText('Password')).toBeNull();
  });
});

describe('given the password view', () => {
  it('should sign in with the trimmed identifier and navigate to the redirect', async () => {
    const { client, onRedirect, user } = setup();
    await continueAs(user, ' bob@example.com ');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(screen.getByText('bob@example.com')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://idp.example.com/auth/resume'));
    expect(client.signIn).toHaveBeenCalledWith({ identifier: 'bob@example.com', password: 'hunter2' });
  });

  it('should show a wrong password as a focused alert, keep the identifier and clear the password', async () => {
    const { client, onRedirect, user } = setup();
    client.signIn.mockRejectedValueOnce(new InteractionError('invalid_credentials', 'nope', { status: 401 }));
    await continueAs(user);
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The identifier or password is incorrect.');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(onRedirect).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Change' }));
    expect(screen.getByLabelText('Email or username')).toHaveValue('alice@example.com');
    expect(screen.getByLabelText('Email or username')).toHaveFocus();
  });

  it('should show the wait the server gave after too many attempts', async () => {
    const { client, user } = setup();
    client.signIn.mockRejectedValueOnce(
      new InteractionError('too_many_attempts', 'locked', { status: 429, retryAfter: 600 }),
    );
    await continueAs(user);
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts for this account. Try again in 10 minutes.',
    );

    client.signIn.mockRejectedValueOnce(
      new InteractionError('too_many_attempts', 'locked', { status: 429, retryAfter: 1 }),
    );
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Try again in 1 second.'));
  });

  it('should explain a network failure and an expired interaction', async () => {
    const { client, user } = setup();
    client.signIn.mockRejectedValueOnce(new InteractionError('network', 'offline'));
    await continueAs(user);
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the server');

    client.signIn.mockRejectedValueOnce(new InteractionError('interaction_expired', 'gone', { status: 404 }));
    await user.type(screen.getByLabelText('Password'), 'pw');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This sign-in request has expired'));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
  });

  it('should toggle the password visibility and say when Caps Lock is on', async () => {
    const { user } = setup();
    await continueAs(user);
    const password = screen.getByLabelText('Password');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(password).toHaveAttribute('type', 'text');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');

    fireEvent.keyUp(password, { key: 'A', getModifierState: (key: string) => key === 'CapsLock' });
    // jsdom's KeyboardEvent ignores an init getModifierState; use modifierCapsLock instead.
    fireEvent.keyUp(password, { key: 'A', modifierCapsLock: true });
    expect(screen.getByRole('status')).toHaveTextContent('Caps Lock is on.');
    expect(password).toHaveAttribute('aria-describedby', screen.getByRole('status').id);
    fireEvent.keyUp(password, { key: 'a', modifierCapsLock: false });
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('should block a double submit while signing in', async () => {
    const { client, user } = setup();
    const pending = deferred<{ to: string }>();
    client.signIn.mockReturnValue(pending.promise);
    await continueAs(user);
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    const submit = screen.getByRole('button', { name: 'Sign in' });
    act(() => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    await user.dblClick(submit);
    expect(client.signIn).toHaveBeenCalledTimes(1);
    expect(submit).toBeDisabled();
    await act(async () => pending.resolve({ to: 'https://idp.example.com/auth/resume' }));
  });

  it('should not submit an empty password, moving focus to the field instead', async () => {
    const { client, user } = setup();
    await continueAs(user);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(client.signIn).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('should link to password reset and account creation only through safe URLs', async () => {
    const { user } = setup(fullLoginStep());
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      'https://idp.example.com/register',
    );
    await continueAs(user);
    expect(screen.getByRole('link', { name: 'Forgot password?' })).toHaveAttribute(
      'href',
      'https://idp.example.com/reset',
    );
  });
});

describe('given a provider that signs in by emailed code', () => {
  it('should send a code, accept a pasted code with spaces, and sign in with it', async () => {
    const { client, onRedirect, user } = setup(codeOnlyLoginStep());
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(client.sendCode).toHaveBeenCalledWith({ identifier: 'carol@example.com' });
    const code = await screen.findByLabelText('Sign-in code');
    expect(code).toHaveFocus();
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(screen.getByText(sentence(/We sent a sign-in code to carol@example.com/))).toBeInTheDocument();

    await user.paste('123 456');
    expect(code).toHaveValue('123456');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://idp.example.com/auth/resume'));
    expect(client.verifyCode).toHaveBeenCalledWith({ identifier: 'carol@example.com', code: '123456' });
  });

  it('should count down before a new code may be sent, then resend', async () => {
    // Only the countdown's clock is fake, and it moves only when the test moves it.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { client, user } = setup(codeOnlyLoginStep());
    client.sendCode.mockResolvedValue({ resendAfter: 2 });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const resend = await screen.findByRole('button', { name: 'Send a new code in 2 seconds' });
    expect(resend).toBeDisabled();
    await act(async () => vi.advanceTimersByTime(2100));
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(client.sendCode).toHaveBeenCalledTimes(2);
  });

  it('should show a wrong code, clear it and keep the identifier', async () => {
    const { client, user } = setup(codeOnlyLoginStep());
    client.verifyCode.mockRejectedValueOnce(new InteractionError('invalid_code', 'wrong', { status: 401 }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.type(await screen.findByLabelText('Sign-in code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That code is incorrect or has expired.');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('Sign-in code')).toHaveValue('');
    // The identifier stays, above the code, with "Change".
    expect(screen.getByRole('button', { name: 'Change' }).parentElement).toHaveTextContent('carol@example.com');
  });

  it('should offer the code as an alternative to the password', async () => {
    const { client, user } = setup(fullLoginStep());
    await continueAs(user);
    await user.click(screen.getByRole('button', { name: 'Sign in with a one-time code instead' }));
    expect(await screen.findByLabelText('Sign-in code')).toHaveFocus();
    expect(client.sendCode).toHaveBeenCalledWith({ identifier: 'alice@example.com' });
    await user.click(screen.getByRole('button', { name: 'Use your password instead' }));
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it.each([
    [['code'], false],
    [undefined, true],
  ] as const)(
    'should, in the code view a form post came back to with told methods %j, offer the password: %s',
    (methods, offered) => {
      const step = fullLoginStep();
      step.login.identify = true;
      step.login.attempt = { view: 'code', identifier: 'carol@example.com', ...(methods && { methods: [...methods] }) };
      setup(step);
      expect(screen.getByLabelText('Sign-in code')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: 'Use your password instead' }) !== null).toBe(offered);
    },
  );

  it('should keep only the code characters', () => {
    expect(cleanCode(' 12-34 56 7', 6)).toBe('123456');
  });
});

describe('given social and SSO connectors', () => {
  it('should render a button per connector and start the chosen one', async () => {
    const { client, onRedirect, user } = setup(fullLoginStep());
    expect(screen.getByText('or')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Continue with Social Demo' }));
    expect(client.startConnector).toHaveBeenCalledWith({ connectorId: 'social' });
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://social.example.net/authorize?state=s'));
  });

  it('should route an email of an SSO domain to its connector, passing the email on', async () => {
    const { client, user } = setup(fullLoginStep());
    await continueAs(user, 'bo@Globex.test');
    expect(client.startConnector).toHaveBeenCalledWith({ connectorId: 'globex-sso', identifier: 'bo@Globex.test' });
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(ssoConnectorFor('x@acme.test', fullLoginStep().login.connectors)).toBeUndefined();
  });

  it('should render hostile names as text and drop unsafe URLs', () => {
    const { container } = render(<SignInScreen client={fakeClient()} step={unsafeLoginStep()} />);
    expect(screen.getByRole('button', { name: 'Continue with <img src=x onerror=alert(1)>Evil' })).toBeInTheDocument();
    expect(container.querySelector('img[src^="javascript:"], img[src^="data:"]')).toBeNull();
    expect(container.querySelector('.ck-sign-in__connector img')).toBeNull();
    expect(container.querySelector('a[href^="javascript:"], a[href^="data:"]')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Create an account' })).toBeNull();
  });

  it('should show an error the provider reports on arrival (a refused connector sign-in)', async () => {
    setup(fullLoginStep({ login: { identifiers: ['email'], password: true, error: 'access_denied' } }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The request was refused.');
  });
});

describe('given an account already signed in', () => {
  it('should offer to continue as that account', async () => {
    const { client, onRedirect, user } = setup(sessionLoginStep());
    await user.click(screen.getByRole('button', { name: /Continue as Alice Example/ }));
    expect(client.continueSession).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://idp.example.com/auth/resume'));
  });

  it('should switch to the identifier view on "Use another account"', async () => {
    const { user } = setup(sessionLoginStep());
    await user.click(screen.getByRole('button', { name: 'Use another account' }));
    expect(screen.getByLabelText('Email or username')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Continue as Alice Example' })).toBeInTheDocument();
  });

  it('should start at the identifier after "Not you?", still offering to go back', () => {
    setup(sessionLoginStep(), { initialView: 'identifier' });
    expect(screen.getByLabelText('Email or username')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Continue as Alice Example' })).toBeInTheDocument();
  });
});

describe('given ui_locales=ko', () => {
  it('should render the sign-in steps in Korean', async () => {
    const { user } = setup(fullLoginStep({ uiLocales: ['ko'] }));
    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(screen.getByLabelText('이메일 또는 사용자 이름')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Social Demo(으)로 계속하기' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '계속' }));
    expect(screen.getByLabelText('비밀번호')).toBeInTheDocument();
  });
});

describe('given a part outside SignIn.Root', () => {
  it('should throw the documented message', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<SignIn.Submit />)).toThrow('SignIn.Submit must be used within SignIn.Root');
    error.mockRestore();
  });
});
