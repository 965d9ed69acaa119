import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { InteractionScreen } from '../../../src/index.js';
import type { InteractionStep } from '../../../src/protocol/interaction.js';
import { consentStep, loginStep } from '../../fixtures/steps.js';
import { deferred, fakeClient } from './fake-client.js';

describe('given an interaction at the sign-in step', () => {
  it('should render sign-in and move focus to its heading once loaded', async () => {
    const client = fakeClient(loginStep());
    render(<InteractionScreen client={client} onRedirect={vi.fn()} />);
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    const heading = await screen.findByRole('heading', { level: 1, name: 'Sign in' });
    expect(heading).toHaveFocus();
  });
});

describe('given an interaction at the consent step', () => {
  it('should render consent and move focus to its heading once loaded', async () => {
    const step = consentStep();
    const load = deferred<InteractionStep>();
    const client = fakeClient(step);
    client.load.mockReturnValue(load.promise);
    render(<InteractionScreen client={client} onRedirect={vi.fn()} />);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
    await act(async () => load.resolve(step));
    expect(screen.getByRole('heading', { level: 1, name: 'Acme Reports wants to access your account' })).toHaveFocus();
  });
});

describe('given a host locale and a step without ui_locales', () => {
  it('should render in the host locale', async () => {
    render(<InteractionScreen client={fakeClient(loginStep())} locale="ko-KR" onRedirect={vi.fn()} />);
    expect(await screen.findByRole('heading', { level: 1, name: '로그인' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '계속' })).toBeInTheDocument();
  });
});
