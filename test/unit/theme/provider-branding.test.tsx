import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kitAdapter } from '../../../src/client/adapters/kit.js';
import { createInteractionClient } from '../../../src/client/interaction-client.js';
import {
  ConsentKitProvider,
  ConsentScreen,
  contrast,
  createTheme,
  requestBranding,
  resolveBranding,
  safeHexColor,
  SignInScreen,
  type Theme,
} from '../../../src/index.js';
import { brandTheme } from '../../../src/theme/brand.js';
import { ACME_ORGANIZATION, APP_BRANDING, brandedConsentStep, brandedLoginStep } from '../../fixtures/branding.js';
import { kitConsentPayload } from '../../fixtures/kit-protocol.js';
import { consentStep } from '../../fixtures/steps.js';
import { stubFetch } from '../client/fetch-stub.js';
import { fakeClient } from '../ui/fake-client.js';

const operator: Theme = {
  colorScheme: 'light',
  colors: { light: { brand: '#1d4ed8' } },
  logo: { light: 'https://cdn.example.com/op.svg' },
  logoAlt: 'Op ID',
};

/** The step the kit adapter makes of `payload`. */
async function loadThroughKit(payload: unknown) {
  const stub = stubFetch(200, payload);
  return createInteractionClient(kitAdapter({ baseUrl: '/interaction/x' }), { fetch: stub.fetch }).load();
}

const INJECTIONS = [
  'red; background:url(javascript:alert(1))',
  '#fff; background:url(https://evil.example/x)',
  'expression(alert(1))',
  'rgb(255, 0, 0)',
  'var(--ck-color-danger)',
  '#12345',
  '#1234567',
  '#ggg',
  '',
  42,
  null,
];

describe('safeHexColor', () => {
  it('should keep #rgb and #rrggbb and drop everything else', () => {
    expect(safeHexColor('#0e7490')).toBe('#0e7490');
    expect(safeHexColor(' #ABC ')).toBe('#ABC');
    for (const value of INJECTIONS) expect(safeHexColor(value)).toBeUndefined();
  });
});

describe('the kit adapter with provider branding', () => {
  it('should carry valid app and organization branding', async () => {
    const step = await loadThroughKit(JSON.parse(JSON.stringify(brandedConsentStep())));
    expect(step.client.branding).toEqual(APP_BRANDING);
    expect(step.organization).toEqual(ACME_ORGANIZATION);
  });

  it('should drop injected colors and unsafe logos, keeping what is valid, without refusing the step', async () => {
    for (const bad of INJECTIONS) {
      const payload = JSON.parse(JSON.stringify(kitConsentPayload));
      payload.client.branding = { brand: { light: bad, dark: '#fbbf24' }, logo: { light: 'javascript:alert(1)' } };
      payload.organization = { id: 'org_x', name: 'X', branding: { brand: { light: bad } } };
      const step = await loadThroughKit(payload);
      expect(step.client.branding).toEqual({ brand: { dark: '#fbbf24' } });
      expect(step.organization).toEqual({ id: 'org_x', name: 'X' });
    }
  });

  it('should drop malformed branding shapes and still refuse a malformed organization', async () => {
    const payload = JSON.parse(JSON.stringify(kitConsentPayload));
    payload.client.branding = 'red';
    expect((await loadThroughKit(payload)).client.branding).toBeUndefined();
    payload.organization = { id: 7 };
    await expect(loadThroughKit(payload)).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('branding precedence', () => {
  it('should put the organization over the app over the operator', () => {
    const branding = requestBranding(brandedConsentStep())!;
    const theme = resolveBranding({ theme: operator, ...branding });
    expect(theme.colors?.light?.brand).toBe('#b45309');
    expect(theme.logo).toEqual(ACME_ORGANIZATION.branding!.logo);
    expect(theme.logoAlt).toBe('Acme Corp');
    const appOnly = resolveBranding({
      theme: operator,
      ...requestBranding(brandedConsentStep({ organization: false })),
    });
    expect(appOnly.colors?.light?.brand).toBe('#0e7490');
    expect(appOnly.logo).toEqual(operator.logo);
    expect(appOnly.logoAlt).toBe('Op ID');
    expect(requestBranding(consentStep())).toBeUndefined();
  });

  it('should keep AA contrast on the brand button for pale and dark provider colors', () => {
    for (const color of ['#fff59d', '#fefefe', '#111111', '#b45309']) {
      const compiled = brandTheme(operator, { organization: { brand: { light: color, dark: color } } })!;
      for (const scheme of ['light', 'dark'] as const) {
        const vars = compiled.variables[scheme];
        expect(contrast(vars['--ck-color-accent']!, vars['--ck-color-on-accent']!)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });

  it('should ignore colors that are not hex even when handed to the compiler directly', () => {
    const compiled = brandTheme(operator, { app: { brand: { light: 'red; background:url(javascript:x)' } } })!;
    expect(compiled.variables.light['--ck-color-accent']).toBe(
      createTheme(operator).variables.light['--ck-color-accent'],
    );
  });
});

describe('the screens with provider branding', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should apply the organization color and logo on the consent screen over the operator theme', async () => {
    const step = brandedConsentStep();
    const { container } = render(
      <ConsentKitProvider theme={createTheme(operator)}>
        <ConsentScreen client={fakeClient(step)} step={step} />
      </ConsentKitProvider>,
    );
    const inner = () => container.querySelector<HTMLElement>('.ck-root > .ck-scope')!;
    await waitFor(() => expect(inner().style.getPropertyValue('--ck-color-accent')).not.toBe('#1d4ed8'));
    const accent = inner().style.getPropertyValue('--ck-color-accent');
    expect(contrast(accent, inner().style.getPropertyValue('--ck-color-on-accent'))).toBeGreaterThanOrEqual(4.5);
    expect(accent).toBe(
      createTheme(resolveBranding({ theme: operator, ...requestBranding(step) })).variables.light['--ck-color-accent'],
    );
    expect(screen.getByAltText('Acme Corp')).toHaveAttribute('src', 'https://cdn.example.com/org-acme.png');
  });

  it('should apply the app color on the sign-in screen without an operator theme', async () => {
    const step = brandedLoginStep({ organization: false });
    const { container } = render(<SignInScreen client={fakeClient(step)} step={step} />);
    // Queried each time: the root held while the compiler loads is replaced once it arrives.
    const root = () => container.querySelector<HTMLElement>('.ck-root')!;
    await waitFor(() => expect(root().style.getPropertyValue('--ck-color-accent')).not.toBe(''));
    expect(root().style.getPropertyValue('--ck-color-accent')).toBe(
      createTheme(resolveBranding({ ...requestBranding(step) })).variables.light['--ck-color-accent'],
    );
    expect(container.querySelector('.ck-brand')).toBeNull();
  });

  it('should leave an unbranded step on the operator theme alone', () => {
    const step = consentStep();
    const { container } = render(
      <ConsentKitProvider theme={createTheme(operator)}>
        <ConsentScreen client={fakeClient(step)} step={step} />
      </ConsentKitProvider>,
    );
    for (const root of container.querySelectorAll<HTMLElement>('.ck-root')) {
      expect(root.style.getPropertyValue('--ck-color-accent')).toBe('#1d4ed8');
    }
  });
});
