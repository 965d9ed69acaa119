/**
 * A screen renders its step once per mount: the strings are looked up in the first render and
 * not again when nothing changed, and a page that preloads its step (language, branding,
 * sign-in kit) gets the finished screen in that first render, with no loading state and no
 * request for the step it embedded.
 */
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  ConsentKitProvider,
  ConsentScreen,
  createConsentKitI18n,
  InteractionScreen,
  preloadStep,
} from '../../../src/index.js';
import ko from '../../../src/locales/ko/consent-kit.json' with { type: 'json' };
import { brandedConsentStep, brandedLoginStep } from '../../fixtures/branding.js';
import { consentStep } from '../../fixtures/steps.js';
import { fakeClient } from './fake-client.js';

/** Lets every pending effect, promise and state update run. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}

describe('given an English consent step', () => {
  it('should look every string up in the first render and not again once mounted', async () => {
    const i18n = createConsentKitI18n();
    const lookups = vi.spyOn(i18n, 't');
    const step = consentStep();
    render(
      <ConsentKitProvider i18n={i18n}>
        <ConsentScreen client={fakeClient(step)} step={step} onRedirect={vi.fn()} />
      </ConsentKitProvider>,
    );
    expect(screen.getByRole('button', { name: 'Authorize' })).toBeInTheDocument();
    const firstRender = lookups.mock.calls.length;
    expect(firstRender).toBeGreaterThan(10);
    await settle();
    expect(lookups.mock.calls.length).toBe(firstRender);
  });
});

describe('given a Korean, branded consent step preloaded before mounting', () => {
  it('should show the Korean screen in the provider colors in the first render, and look nothing up again', async () => {
    const i18n = createConsentKitI18n();
    const step = { ...brandedConsentStep(), uiLocales: ['ko-KR'] };
    await expect(preloadStep(step, { i18n })).resolves.toBe('ko');
    const lookups = vi.spyOn(i18n, 't');
    const { container } = render(
      <ConsentKitProvider i18n={i18n}>
        <InteractionScreen client={fakeClient(step)} initialStep={step} onRedirect={vi.fn()} />
      </ConsentKitProvider>,
    );
    expect(screen.getByRole('button', { name: ko.consent.authorize })).toBeInTheDocument();
    expect(container.querySelector('[aria-busy="true"]')).toBeNull();
    expect(container.querySelector<HTMLElement>('[lang="ko"]')!.style.getPropertyValue('--ck-color-accent')).not.toBe(
      '',
    );
    const firstRender = lookups.mock.calls.length;
    await settle();
    expect(lookups.mock.calls.length).toBe(firstRender);
  });
});

describe('given a step embedded in the page', () => {
  it('should render the consent screen from it without asking the client, and leave focus alone', async () => {
    const step = consentStep();
    const client = fakeClient(step);
    render(<InteractionScreen client={client} initialStep={step} onRedirect={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Authorize' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    await settle();
    expect(client.load).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1 })).not.toHaveFocus();
  });

  it('should render a preloaded sign-in step at once, without a loading state', async () => {
    const step = brandedLoginStep();
    await preloadStep(step);
    const client = fakeClient(step);
    render(<InteractionScreen client={client} initialStep={step} onRedirect={vi.fn()} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await settle();
    expect(client.load).not.toHaveBeenCalled();
  });
});
