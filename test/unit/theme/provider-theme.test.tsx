import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrandLogo, ConsentKitProvider, createTheme, presets, SignInScreen, type Theme } from '../../../src/index.js';
import { loginStep } from '../../fixtures/steps.js';
import { fakeClient } from '../ui/fake-client.js';

function rootOf(container: HTMLElement): HTMLElement {
  return container.querySelector('.ck-root') as HTMLElement;
}

describe('the provider theme prop', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should ignore a raw, uncompiled theme object rather than half-apply it', () => {
    const raw = { colors: { light: { brand: '#e02424' } } } as unknown as Parameters<typeof createTheme>[0] & {
      kind?: never;
    };
    const { container } = render(<ConsentKitProvider theme={raw as never}>x</ConsentKitProvider>);
    expect(rootOf(container).getAttribute('style')).toBeNull();
  });

  it('should keep the string form: a forced scheme and no variables', () => {
    const { container } = render(<ConsentKitProvider theme="dark">x</ConsentKitProvider>);
    expect(rootOf(container)).toHaveAttribute('data-theme', 'dark');
    expect(rootOf(container).getAttribute('style')).toBeNull();
  });

  it('should set the theme variables on the root through the CSSOM and the scheme through data-theme', () => {
    const theme: Theme = { colorScheme: 'light', colors: { light: { brand: '#e02424' } }, radius: '2px' };
    const { container } = render(<ConsentKitProvider theme={createTheme(theme)}>x</ConsentKitProvider>);
    const root = rootOf(container);
    expect(root).toHaveAttribute('data-theme', 'light');
    expect(root.style.getPropertyValue('--ck-color-accent')).toBe('#e02424');
    expect(root.style.getPropertyValue('--ck-radius-md')).toBe('2px');
  });

  it('should pass the theme to the screens nested inside, which scope it inside the one kit root', () => {
    const step = loginStep();
    const { container } = render(
      <ConsentKitProvider theme={createTheme(presets.midnight)}>
        <SignInScreen client={fakeClient(step)} step={step} />
      </ConsentKitProvider>,
    );
    // One root: a second one would reset the theme's variables with the stylesheet's tokens.
    expect(container.querySelectorAll('.ck-root')).toHaveLength(1);
    expect(container.querySelector('.ck-root .ck-root')).toBeNull();
    const scopes = container.querySelectorAll<HTMLElement>('.ck-root, .ck-scope');
    expect(scopes.length).toBeGreaterThan(1);
    for (const scope of scopes) {
      expect(scope).toHaveAttribute('data-theme', 'dark');
      expect(scope.style.getPropertyValue('--ck-color-surface')).toBe('#0f172a');
    }
  });

  it('should follow the system scheme when the theme says so (jsdom has no matchMedia: light)', () => {
    const { container } = render(<ConsentKitProvider theme={createTheme(presets.paper)}>x</ConsentKitProvider>);
    expect(rootOf(container)).toHaveAttribute('data-theme', 'light');
    expect(rootOf(container).style.getPropertyValue('--ck-color-surface')).toBe('#fffdf8');
  });

  it('should warn once in development when a forced text color cannot read on the brand', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const theme: Theme = { name: 'Unreadable', colors: { light: { brand: '#fff59d', onBrand: '#ffffff' } } };
    const compiled = createTheme(theme);
    createTheme(theme);
    expect(compiled.warnings).toHaveLength(1);
    render(<ConsentKitProvider theme={compiled}>x</ConsentKitProvider>);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(
      /consent-kit theme "Unreadable": light: text #ffffff on brand #fff59d reaches 1\.\d\d:1/,
    );
  });
});

describe('<BrandLogo>', () => {
  it('should show the theme logo with its alt text, the dark one in the dark scheme', () => {
    const theme: Theme = {
      logo: { light: 'https://idp.example/l.svg', dark: 'https://idp.example/d.svg' },
      logoAlt: 'Acme ID',
    };
    render(
      <>
        <ConsentKitProvider theme={createTheme({ ...theme, colorScheme: 'light' })}>
          <BrandLogo />
        </ConsentKitProvider>
        <ConsentKitProvider theme={createTheme({ ...theme, colorScheme: 'dark' })}>
          <BrandLogo />
        </ConsentKitProvider>
      </>,
    );
    const [light, dark] = screen.getAllByRole('img', { name: 'Acme ID' });
    expect(light).toHaveAttribute('src', 'https://idp.example/l.svg');
    expect(dark).toHaveAttribute('src', 'https://idp.example/d.svg');
  });

  it('should render nothing for a missing or unsafe logo', () => {
    const { container } = render(
      <ConsentKitProvider theme={createTheme({ logo: { light: 'javascript:alert(1)' } })}>
        <BrandLogo />
      </ConsentKitProvider>,
    );
    expect(container.querySelector('.ck-brand')).toBeNull();
  });
});
