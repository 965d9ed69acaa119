/**
 * A branded step must not paint with the operator's colors first: the branding compiler is a
 * lazy chunk, and until it arrives the kit holds the screen (as it does for a locale chunk).
 * The compiler, once loaded, is cached for the rest of a module graph, and the unit project
 * shares one graph between the files of a worker: the test imports a fresh copy of the kit.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { brandedLoginStep } from '../../fixtures/branding.js';
import { fakeClient } from '../ui/fake-client.js';

describe('given a branded sign-in step before the branding compiler has loaded', () => {
  it('should hold the screen, then show it in the provider colors only', async () => {
    vi.resetModules();
    const { SignInScreen, createTheme, requestBranding, resolveBranding } = await import('../../../src/index.js');
    const step = brandedLoginStep({ organization: false });
    const { container } = render(<SignInScreen client={fakeClient(step)} step={step} />);

    const root = container.querySelector<HTMLElement>('.ck-root')!;
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('button')).toBeNull();

    await screen.findByRole('heading', { level: 1 });
    const expected = createTheme(resolveBranding({ ...requestBranding(step) })).variables.light['--ck-color-accent'];
    expect(container.querySelector<HTMLElement>('.ck-root')!.style.getPropertyValue('--ck-color-accent')).toBe(
      expected,
    );
  });
});
