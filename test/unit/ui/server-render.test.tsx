/**
 * The screen rendered on the server and hydrated in the browser: the first HTML already holds
 * the localized, branded screen with its buttons (one kit root, no loading state), the embedded
 * step is read back as the details endpoint would answer, and hydration adopts the server's
 * markup without a mismatch, after which the buttons act.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { createRoot, hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEmbeddedStep } from '../../../src/client/embedded-step.js';
import { renderToString } from 'react-dom/server';
import { ConsentKitProvider, ConsentScreen, InteractionScreen, preloadStep, SignInScreen } from '../../../src/index.js';
import { createConsentKitI18n } from '../../../src/i18n/instance.js';
import { readEmbeddedPreload } from '../../../src/screens/embedded-preload.js';
import { acceptLanguages, preloadLinks, renderInteraction } from '../../../src/render/index.js';
import ko from '../../../src/locales/ko/consent-kit.json' with { type: 'json' };
import { brandedConsentStep, brandedLoginStep } from '../../fixtures/branding.js';
import { consentStep, loginStep } from '../../fixtures/steps.js';
import { fakeClient } from './fake-client.js';

/** A branded consent step asking for Korean, as JSON from the details endpoint. */
const koreanStep = () => JSON.parse(JSON.stringify({ ...brandedConsentStep(), uiLocales: ['ko-KR'] })) as unknown;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

/** Puts the server's page in the document, as the browser receives it. */
function serve(rendered: { html: string; stepElement: string; preloadElement: string }) {
  document.body.innerHTML = `${rendered.stepElement}${rendered.preloadElement}<div id="root">${rendered.html}</div>`;
  return document.getElementById('root')!;
}

describe('given a Korean, branded consent step rendered on the server', () => {
  it('should send the Korean screen with Authorize and Cancel in the first HTML, in one kit root, not loading', async () => {
    const rendered = await renderInteraction(koreanStep(), { acceptLanguage: 'en-US,en;q=0.9' });
    expect(rendered.language).toBe('ko');
    expect(rendered.dir).toBe('ltr');
    const page = new DOMParser().parseFromString(`<body>${rendered.html}</body>`, 'text/html');
    expect(page.querySelectorAll('.ck-root')).toHaveLength(1);
    expect(page.querySelector('.ck-root')!.getAttribute('lang')).toBe('ko');
    expect(page.querySelector('[aria-busy="true"]')).toBeNull();
    const buttons = [...page.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).toEqual(expect.arrayContaining([ko.consent.authorize, ko.consent.cancel]));
    // Branding in a stylesheet, never in a style attribute a strict CSP would refuse.
    expect(page.querySelector('[style]')).toBeNull();
    expect(rendered.css).toMatch(/--ck-color-accent: #[0-9a-f]{6};/);
    // The strings and the compiled branding travel in the page: no chunk to preload for them.
    expect(rendered.needs).toEqual({ locales: [], branding: false, signIn: false });
    const preload = JSON.parse(
      /<script type="application\/json" id="consent-kit-preload">(.*)<\/script>/s.exec(rendered.preloadElement)![1]!,
    );
    expect(preload).toMatchObject({
      language: 'ko',
      resources: { ko: { consent: { authorize: ko.consent.authorize } } },
    });
    expect(Object.keys(preload.resources)).toEqual(['ko']);
    expect(preload.branding.theme.variables.light['--ck-color-accent']).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('should render in the browser from the strings and branding the page carries, loading neither', async () => {
    // An app of its own: the compiled branding registered here is known by its name too.
    const branded = brandedConsentStep();
    const own = { ...branded, uiLocales: ['ko-KR'], client: { ...branded.client, name: 'Page Strings App' } };
    serve(await renderInteraction(JSON.parse(JSON.stringify(own))));
    const step = readEmbeddedStep()!;
    const i18n = createConsentKitI18n();
    // Strings no chunk holds: shown only if the page's, not the Korean chunk's, are used.
    const embedded = readEmbeddedPreload()!;
    embedded.resources = {
      ko: {
        ...embedded.resources.ko!,
        consent: { ...(embedded.resources.ko!.consent as object), authorize: '페이지에서 온 동의' },
      },
    };
    embedded.branding!.theme = {
      ...embedded.branding!.theme,
      variables: { light: { '--ck-color-accent': '#123456' }, dark: { '--ck-color-accent': '#123456' } },
    };
    document.body.innerHTML = '<div id="root"></div>';
    const language = await preloadStep(step, { i18n, embedded });
    expect(language).toBe('ko');
    await act(async () => {
      root = createRoot(document.getElementById('root')!);
      root.render(
        <ConsentKitProvider i18n={i18n}>
          <InteractionScreen client={fakeClient(step)} initialStep={step} locale={language} />
        </ConsentKitProvider>,
      );
    });
    expect(screen.getByRole('button', { name: '페이지에서 온 동의' })).toBeInTheDocument();
    expect(document.querySelector<HTMLElement>('[lang="ko"]')!.style.getPropertyValue('--ck-color-accent')).toBe(
      '#123456',
    );
  });

  it('should hydrate it without a mismatch, keep the server nodes, and then act on Authorize', async () => {
    const rendered = await renderInteraction(koreanStep());
    const container = serve(rendered);
    const serverButton = screen.getByRole('button', { name: ko.consent.authorize });

    const step = readEmbeddedStep()!;
    expect(step.kind).toBe('consent');
    const client = fakeClient(step);
    await preloadStep(step, { locale: rendered.language });
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      root = hydrateRoot(
        container,
        <InteractionScreen client={client} initialStep={step} locale={rendered.language} onRedirect={vi.fn()} />,
        { onRecoverableError: recoverable },
      );
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    // Held disabled in the server's markup (no native submit before the script runs), live now.
    expect(rendered.html).toMatch(/<fieldset class="ck-controls" disabled="">/);
    expect(serverButton).toBeEnabled();
    // Adopted, not replaced: the very node the server sent is the live button.
    expect(screen.getByRole('button', { name: ko.consent.authorize })).toBe(serverButton);
    expect(container.querySelector<HTMLElement>('[lang="ko"]')!.style.getPropertyValue('--ck-color-accent')).not.toBe(
      '',
    );
    expect(client.load).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('radio', { name: /Acme/ }));
    await act(async () => {
      fireEvent.click(serverButton);
    });
    expect(client.consent).toHaveBeenCalledTimes(1);
  });
});

describe('given a consent step with form posts rendered on the server', () => {
  it('should hold the checkboxes disabled until hydrated, radios and Authorize live, and no mismatch', async () => {
    const step = { ...consentStep(), form: { action: '/interaction/abc', token: 'interaction-token' } };
    const rendered = await renderInteraction(JSON.parse(JSON.stringify(step)));
    const container = serve(rendered);

    // Before the script: Radix's checkboxes cannot toggle, so they say so; radios post natively.
    const optional = () => screen.getByRole('checkbox', { name: /Remember/ });
    expect(optional()).toBeDisabled();
    expect(screen.getAllByRole('checkbox').every((box) => (box as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByRole('radio', { name: /Acme/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Authorize' })).toBeEnabled();

    const embedded = readEmbeddedStep()!;
    await preloadStep(embedded, { locale: rendered.language });
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, 'error');
    await act(async () => {
      root = hydrateRoot(
        container,
        <InteractionScreen client={fakeClient(embedded)} initialStep={embedded} locale={rendered.language} />,
        { onRecoverableError: recoverable },
      );
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();

    // Hydrated: they toggle (a required scope stays locked).
    expect(optional()).toBeEnabled();
    fireEvent.click(optional());
    expect(optional()).toHaveAttribute('aria-checked', 'true');
  });
});

describe('given a sign-in step rendered on the server', () => {
  it('should send the sign-in form and hydrate it once the sign-in kit is preloaded', async () => {
    const rendered = await renderInteraction(JSON.parse(JSON.stringify(brandedLoginStep())));
    expect(rendered.needs.signIn).toBe(true);
    const container = serve(rendered);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeInTheDocument();
    const step = readEmbeddedStep()!;
    await preloadStep(step, { locale: rendered.language });
    const recoverable = vi.fn();
    await act(async () => {
      root = hydrateRoot(
        container,
        <InteractionScreen client={fakeClient(step)} initialStep={step} locale={rendered.language} />,
        {
          onRecoverableError: recoverable,
        },
      );
    });
    expect(recoverable).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });
});

describe("given an embedded step whose form posts somewhere other than a path of the page's origin", () => {
  it.each([
    ['another origin', 'https://attacker.example/collect'],
    ['a scheme-relative URL', '//attacker.example/collect'],
    ['a backslash path', '/\\attacker.example/collect'],
  ])(
    'should render the sign-in from %s without a native form post, as the client drops a loaded one',
    async (_case, action) => {
      const step = { ...loginStep(), form: { action, token: 'interaction-token' } };

      const rendered = await renderInteraction(JSON.parse(JSON.stringify(step)));
      serve(rendered);

      // The password and the token never go to the action: no form posts anywhere natively.
      expect(rendered.html).not.toContain('attacker.example');
      expect(rendered.html).not.toContain('interaction-token');
      expect(readEmbeddedStep()?.form).toBeUndefined();
    },
  );

  it("should keep a form that posts to a path of the page's origin", async () => {
    const step = { ...loginStep(), form: { action: '/interaction/abc', token: 'interaction-token' } };

    const rendered = await renderInteraction(JSON.parse(JSON.stringify(step)));

    expect(rendered.html).toContain('action="/interaction/abc/login"');
  });
});

describe("given a step handed straight to a screen, whose form would post off the page's origin", () => {
  const form = { action: 'https://attacker.example/collect', token: 'interaction-token' };

  it.each([
    ['consent', () => renderToString(<ConsentScreen client={fakeClient()} step={{ ...consentStep(), form }} />)],
    ['sign-in', () => renderToString(<SignInScreen client={fakeClient()} step={{ ...loginStep(), form }} />)],
  ])('should render the %s screen with no native form post there', (_screen, renderScreen) => {
    const html = renderScreen();

    // Neither the decision or the password, nor the token, would go there before hydration.
    expect(html).not.toContain('attacker.example');
    expect(html).not.toContain('interaction-token');
    expect(html).toMatch(/<form/);
  });
});

describe("given a branded step whose app and organization names try to end the page's elements", () => {
  it('should carry them in the preload element and the stylesheet as inert text', async () => {
    const hostile = '</script><script>window.pwned = 1</script><!-- */ } </style><style>*{}\u2028\u2029';
    const step = brandedConsentStep();
    step.client.name = hostile;
    step.organization!.name = hostile;

    const rendered = await renderInteraction(JSON.parse(JSON.stringify(step)));

    const inner = /^<script type="application\/json" id="consent-kit-preload">(.*)<\/script>$/s.exec(
      rendered.preloadElement,
    )?.[1];
    expect(inner).toBeDefined();
    expect(inner).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(inner!).branding.key).toContain(hostile);
    const page = new DOMParser().parseFromString(`${rendered.stepElement}${rendered.preloadElement}`, 'text/html');
    expect(page.querySelectorAll('script')).toHaveLength(2);
    expect(rendered.css).toBeDefined();
    // The names never reach the stylesheet; nothing there could end the host's <style>.
    expect(rendered.css).not.toContain('pwned');
    expect(rendered.css).not.toContain('<');
  });
});

describe('given a step that is not one', () => {
  it('should refuse to render it', async () => {
    await expect(renderInteraction({ kind: 'consent', uid: 'x' })).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('given an Accept-Language header', () => {
  it('should order its languages by weight, dropping refused and wildcard ones', () => {
    expect(acceptLanguages('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(acceptLanguages('en;q=0.1, ja, ko;q=0')).toEqual(['ja', 'en']);
    expect(acceptLanguages(undefined)).toEqual([]);
  });

  it('should render in it when the step asks for no language of the kit', async () => {
    const rendered = await renderInteraction(JSON.parse(JSON.stringify(consentStep())), {
      acceptLanguage: 'ja,en;q=0.5',
    });
    expect(rendered.language).toBe('ja');
  });
});

describe('given a Vite manifest of a page embedding the published package', () => {
  const manifest = {
    'main.tsx': { file: 'assets/main-1.js', isEntry: true, imports: ['_screens-2.js'] },
    '_screens-2.js': { file: 'assets/screens-2.js' },
    'node_modules/consent-kit/dist/locale-loader-Ab.js': {
      file: 'assets/locale-loader-3.js',
      isDynamicEntry: true,
      imports: ['_screens-2.js'],
    },
    'node_modules/consent-kit/dist/locale-zh-HK-Cd.js': { file: 'assets/locale-zh-HK-4.js', isDynamicEntry: true },
    'node_modules/consent-kit/dist/locale-zh-TW-Ef.js': { file: 'assets/locale-zh-TW-5.js', isDynamicEntry: true },
    'node_modules/consent-kit/dist/locale-ko-Gh.js': { file: 'assets/locale-ko-6.js', isDynamicEntry: true },
    'node_modules/consent-kit/dist/brand-Ij.js': {
      file: 'assets/brand-7.js',
      isDynamicEntry: true,
      imports: ['_presets-8.js'],
    },
    '_presets-8.js': { file: 'assets/presets-8.js' },
    'node_modules/consent-kit/dist/sign-in-Kl.js': {
      file: 'assets/sign-in-9.js',
      isDynamicEntry: true,
      imports: ['_screens-2.js'],
    },
  };

  it('should name the locale with its fallbacks, the loader and the branding compiler with what it imports, nothing the entry loads', () => {
    expect(
      preloadLinks({ locales: ['zh-HK', 'zh-TW'], branding: true, signIn: false }, manifest, { base: '/ui' }),
    ).toEqual([
      '/ui/assets/locale-loader-3.js',
      '/ui/assets/locale-zh-HK-4.js',
      '/ui/assets/locale-zh-TW-5.js',
      '/ui/assets/brand-7.js',
      '/ui/assets/presets-8.js',
    ]);
  });

  it('should name the sign-in kit for a sign-in step and nothing for an English unbranded consent step', () => {
    expect(preloadLinks({ locales: [], branding: false, signIn: true }, manifest)).toEqual(['/assets/sign-in-9.js']);
    expect(preloadLinks({ locales: [], branding: false, signIn: false }, manifest)).toEqual([]);
  });
});
