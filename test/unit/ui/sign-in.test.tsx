import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { InteractionError, SignIn, SignInParts } from '../../../src/index.js';
import { loginStep } from '../../fixtures/steps.js';
import { deferred, fakeClient } from './fake-client.js';

function setup(step = loginStep()) {
  const client = fakeClient(step);
  const onRedirect = vi.fn();
  const user = userEvent.setup();
  render(<SignIn client={client} step={step} onRedirect={onRedirect} />);
  return { client, onRedirect, user };
}

describe('given a sign-in step accepting email or username', () => {
  it('should label the identifier accordingly and prefill it from the login hint', () => {
    setup();
    const identifier = screen.getByLabelText('Email or username');
    expect(identifier).toHaveValue('alice@example.com');
    expect(identifier).toHaveAttribute('type', 'text');
    expect(identifier).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });

  it('should sign in with what was typed and navigate to the redirect', async () => {
    const { client, onRedirect, user } = setup();
    await user.clear(screen.getByLabelText('Email or username'));
    await user.type(screen.getByLabelText('Email or username'), ' bob@example.com ');
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(onRedirect).toHaveBeenCalledWith('https://idp.example.com/auth/resume'));
    expect(client.signIn).toHaveBeenCalledWith({ identifier: 'bob@example.com', password: 'hunter2' });
  });

  it('should show a wrong password as a focused alert, keep the identifier and clear the password', async () => {
    const { client, onRedirect, user } = setup();
    client.signIn.mockRejectedValueOnce(new InteractionError('invalid_credentials', 'nope', { status: 401 }));
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The identifier or password is incorrect.');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('Email or username')).toHaveValue('alice@example.com');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(onRedirect).not.toHaveBeenCalled();
  });

  it('should block a double submit while signing in', async () => {
    const { client, user } = setup();
    const pending = deferred<{ to: string }>();
    client.signIn.mockReturnValue(pending.promise);
    await user.type(screen.getByLabelText('Password'), 'hunter2');
    const submit = screen.getByRole('button', { name: 'Sign in' });
    // Two submits in one act: no re-render in between, so only the ref guard can stop the second.
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
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(client.signIn).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });
});

describe('given an email-only provider', () => {
  it('should use an email input', () => {
    setup(loginStep({ login: { identifiers: ['email'], password: true } }));
    expect(screen.getByLabelText('Email')).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });
});

describe('given ui_locales=ko', () => {
  it('should render the sign-in form in Korean', async () => {
    setup(loginStep({ uiLocales: ['ko'] }));
    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(screen.getByLabelText('이메일 또는 사용자 이름')).toBeInTheDocument();
    expect(screen.getByLabelText('비밀번호')).toBeInTheDocument();
  });
});

describe('given a part outside SignIn.Root', () => {
  it('should throw the documented message', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<SignInParts.Submit />)).toThrow('SignIn.Submit must be used within SignIn.Root');
    error.mockRestore();
  });
});
