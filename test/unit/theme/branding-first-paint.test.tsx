/**
 * A branded step must not paint with the operator's colors first: the branding compiler is a
 * lazy chunk, and until it arrives the kit holds the screen (as it does for a locale chunk).
 * A file of its own, because the compiler, once loaded, is cached for the rest of a module graph.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SignIn, createTheme, requestBranding, resolveBranding } from '../../../src/index.js';
import { brandedLoginStep } from '../../fixtures/branding.js';
import { fakeClient } from '../ui/fake-client.js';

describe('given a branded sign-in step before the branding compiler has loaded', () => {
  it('should hold the screen, then show it in the provider colors only', async () => {
    const step = brandedLoginStep({ organization: false });
    const { container } = render(<SignIn client={fakeClient(step)} step={step} />);

    const root = container.querySelector<HTMLElement>('.ck-root')!;
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('button')).toBeNull();

    await screen.findByRole('heading', { level: 1 });
    const expected = createTheme(resolveBranding({ ...requestBranding(step) })).variables.light['--ck-color-accent'];
    expect(container.querySelector<HTMLElement>('.ck-root')!.style.getPropertyValue('--ck-color-accent')).toBe(expected);
  });
});
