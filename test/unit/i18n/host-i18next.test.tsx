/**
 * A host that already runs i18next hands the kit its own instance (`ConsentKitProvider i18n`),
 * initialized with whatever options suit the host's pages. The kit's strings must read the same
 * as with the kit's own instance, and the host's language must count as the host's choice.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next, { type InitOptions } from 'i18next';
import ICU from 'i18next-icu';
import { describe, expect, it, vi } from 'vitest';
import de from '../../../src/locales/de/consent-kit.json';
import fr from '../../../src/locales/fr/consent-kit.json';
import { ConsentKitProvider, ConsentScreen, createConsentKitI18n, NAMESPACE } from '../../../src/index.js';
import { consentStep } from '../../fixtures/steps.js';
import { fakeClient } from '../ui/fake-client.js';

/** A provider's app name with every character HTML escaping would change. */
const APP = `Acme & "Co" <b>'s</b>`;

/** A host instance initialized the way the host's own pages want it. */
async function hostI18n(options: InitOptions = {}) {
  const host = i18next.createInstance();
  await host.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: { greeting: 'Hello {{name}}' } } },
    ...options,
  });
  return host;
}

function renderConsent(host: ReturnType<typeof i18next.createInstance>, step = consentStep(), locale?: string) {
  const client = fakeClient(step);
  return render(
    <ConsentKitProvider i18n={host}>
      <ConsentScreen client={client} step={step} locale={locale} onRedirect={() => {}} />
    </ConsentKitProvider>,
  );
}

const withApp = () => consentStep({ client: { ...consentStep().client, name: APP } });

describe('given a host instance with i18next defaults (escapeValue: true)', () => {
  it('should show the app name as written, not HTML-escaped', async () => {
    const host = await hostI18n();
    renderConsent(host, withApp());
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`${APP} wants to access your account`);
    // The host's own strings keep its escaping: the kit changed none of its options.
    expect(host.t('greeting', { name: '<b>' })).toBe('Hello &lt;b&gt;');
  });
});

describe('given a host instance with keySeparator and nsSeparator turned off', () => {
  it('should render the kit strings, plural forms included, rather than their keys', async () => {
    const host = await hostI18n({ keySeparator: false, nsSeparator: false });
    renderConsent(host);
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Acme Reports wants to access your account');
    expect(screen.getByText('1 requested permission is not available to your account')).toBeInTheDocument();
    expect(screen.queryByText(/consent\./)).toBeNull();
  });

  it('should apply operator overrides written as dotted keys', async () => {
    const host = await hostI18n({ keySeparator: false });
    const step = consentStep();
    render(
      <ConsentKitProvider i18n={host} overrides={{ en: { 'consent.authorize': 'Allow' } }}>
        <ConsentScreen client={fakeClient(step)} step={step} onRedirect={() => {}} />
      </ConsentKitProvider>,
    );
    expect(await screen.findByRole('button', { name: 'Allow' })).toBeInTheDocument();
  });

  it('should also read keys with a host separator of ":" for keys and "." for namespaces', async () => {
    const host = await hostI18n({ keySeparator: ':', nsSeparator: '.' });
    renderConsent(host);
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeInTheDocument();
  });
});

describe('given a host instance with interpolation and post-processing of its own', () => {
  it('should keep {{value}} placeholders and leave the kit strings unprocessed', async () => {
    const host = i18next.createInstance();
    host.use({ type: 'postProcessor', name: 'shout', process: (value: string) => value.toUpperCase() });
    await host.init({
      lng: 'en',
      resources: {},
      postProcess: ['shout'],
      interpolation: { prefix: '%{', suffix: '}', escapeValue: true },
    });
    renderConsent(host, withApp());
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`${APP} wants to access your account`);
  });

  it('should not treat a provider value as a nesting instruction', async () => {
    const host = await hostI18n({ interpolation: { skipOnVariables: false } });
    const name = '$t(consent.authorize)';
    renderConsent(host, consentStep({ client: { ...consentStep().client, name } }));
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(`${name} wants to access your account`);
  });
});

describe('given a host instance that asks i18next for details or its own plural separator', () => {
  it('should render strings, not throw, with returnDetails: true', async () => {
    const host = await hostI18n({ returnDetails: true });
    renderConsent(host, withApp());
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(`${APP} wants to access your account`);
    expect(screen.getByRole('button', { name: 'Authorize' })).toBeInTheDocument();
  });

  it('should fill every placeholder of a string with interpolation.maxReplaces 1', async () => {
    const host = await hostI18n({ interpolation: { maxReplaces: 1 } });
    renderConsent(host);
    await screen.findByRole('heading', { level: 1 });
    expect(document.body.textContent).not.toMatch(/\{\{/);
  });

  it('should find the plural forms with pluralSeparator "|"', async () => {
    const host = await hostI18n({ pluralSeparator: '|' });
    renderConsent(host);
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText('1 requested permission is not available to your account')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/consent\./);
  });
});

describe('given a host instance that formats its strings as ICU messages (i18next-icu)', () => {
  async function icuHost(lng = 'en') {
    const host = i18next.createInstance();
    host.use(ICU);
    await host.init({ lng, resources: { en: { translation: { greeting: 'Hello {name}' } } } });
    return host;
  }

  it("should still name the app in the consent sentence and count the scopes, in the host's language", async () => {
    const host = await icuHost();
    const step = withApp();
    renderConsent(host, step);
    const heading = await screen.findByRole('heading', { level: 1 });
    // i18next-icu parses every string the instance returns: `{{app}}` came out as written.
    expect(heading.textContent).toBe(`${APP} wants to access your account`);
    expect(screen.getByText('1 requested permission is not available to your account')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/consent\.|\{\{/);
    // The host's own strings are still ICU messages.
    expect(host.t('greeting', { name: 'Ada' })).toBe('Hello Ada');

    await act(() => host.changeLanguage('de'));
    expect(await screen.findByRole('button', { name: de.consent.authorize })).toBeInTheDocument();
  });
});

describe('given an ICU host instance with its own English wording for the kit', () => {
  it("should show the host's wording on its screens and never on another instance's", async () => {
    const host = i18next.createInstance();
    host.use(ICU);
    await host.init({ lng: 'en', resources: { en: { [NAMESPACE]: { consent: { authorize: 'Allow (host)' } } } } });
    const view = renderConsent(host);
    expect(await screen.findByRole('button', { name: 'Allow (host)' })).toBeInTheDocument();
    view.unmount();
    // The kit's English is one module shared by every instance: the host's wording must stay its own.
    renderConsent(createConsentKitI18n());
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeInTheDocument();
  });
});

describe('given a host that words a kit string its own way in its instance after the kit added English', () => {
  it("should keep that wording to the host's instance, not every kit instance of the page", async () => {
    const host = await hostI18n();
    const view = renderConsent(host);
    await screen.findByRole('button', { name: 'Authorize' });
    view.unmount();
    host.addResource('en', NAMESPACE, 'consent.authorize', 'Allow (host)');
    host.addResourceBundle('en', NAMESPACE, { consent: { cancel: 'Back (host)' } }, true, true);
    const kit = createConsentKitI18n();
    kit.addResourceBundle('en', NAMESPACE, { consent: { remember: 'Remember (kit instance)' } }, true, true);

    renderConsent(createConsentKitI18n());
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeInTheDocument();
    expect(screen.getByText('Remember this decision')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\(host\)|\(kit instance\)/);
  });
});

describe('given a host instance limited to its own languages', () => {
  it('should still render a kit language the host does not list (supportedLngs, load)', async () => {
    const host = await hostI18n({ supportedLngs: ['en', 'fr'], load: 'languageOnly', lowerCaseLng: true });
    renderConsent(host, consentStep({ uiLocales: ['de'] }));
    expect(await screen.findByRole('button', { name: de.consent.authorize })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }).closest('[lang]')).toHaveAttribute('lang', 'de');
  });
});

describe("given a host instance in the host's language and no locale prop", () => {
  it("should render in the host's language", async () => {
    const host = await hostI18n({ lng: 'de' });
    renderConsent(host);
    expect(await screen.findByRole('button', { name: de.consent.authorize })).toBeInTheDocument();
    expect(host.language).toBe('de');
  });

  it('should follow the host when it changes language, keeping the choices made', async () => {
    const host = await hostI18n({ lng: 'de' });
    const user = userEvent.setup();
    renderConsent(host);
    await screen.findByRole('button', { name: de.consent.authorize });
    const email = screen.getByRole('checkbox', { name: de.scopes.email });
    await user.click(email);
    expect(email).not.toBeChecked();

    await act(() => host.changeLanguage('fr'));
    expect(await screen.findByRole('button', { name: fr.consent.authorize })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: fr.scopes.email })).not.toBeChecked();
    expect(screen.getByRole('heading', { level: 1 }).closest('[lang]')).toHaveAttribute('lang', 'fr');
  });

  it('should let the interaction ui_locales and the locale prop win over the host language', async () => {
    const host = await hostI18n({ lng: 'de' });
    const { unmount } = renderConsent(host, consentStep({ uiLocales: ['fr'] }));
    expect(await screen.findByRole('button', { name: fr.consent.authorize })).toBeInTheDocument();
    unmount();
    renderConsent(host, consentStep(), 'fr');
    expect(await screen.findByRole('button', { name: fr.consent.authorize })).toBeInTheDocument();
  });

  it("should add only the kit's namespace to the host instance", async () => {
    const host = await hostI18n({ lng: 'de' });
    renderConsent(host);
    await screen.findByRole('button', { name: de.consent.authorize });
    expect(host.hasResourceBundle('de', NAMESPACE)).toBe(true);
    expect(host.t('greeting', { name: 'Ana' })).toBe('Hello Ana');
    expect(host.language).toBe('de');
  });
});

describe('given an instance the kit created', () => {
  it('should not take its language for a choice of the host (the browser decides)', async () => {
    const spy = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['de-DE']);
    try {
      const step = consentStep();
      const { container } = render(
        <ConsentKitProvider i18n={createConsentKitI18n()}>
          <ConsentScreen client={fakeClient(step)} step={step} onRedirect={() => {}} />
        </ConsentKitProvider>,
      );
      expect(await screen.findByRole('button', { name: de.consent.authorize })).toBeInTheDocument();
      await waitFor(() =>
        expect(within(container).getByRole('heading', { level: 1 }).closest('[lang]')).toHaveAttribute('lang', 'de'),
      );
    } finally {
      spy.mockRestore();
    }
  });
});
