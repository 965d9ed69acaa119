import { render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../src/locales/en/consent-kit.json';
import ar from '../../../src/locales/ar/consent-kit.json';
import ja from '../../../src/locales/ja/consent-kit.json';
import ko from '../../../src/locales/ko/consent-kit.json';
import ru from '../../../src/locales/ru/consent-kit.json';
import zhTW from '../../../src/locales/zh-TW/consent-kit.json';
import { ConsentKitProvider, NAMESPACE, createConsentKitI18n } from '../../../src/index.js';
import { ensureLanguage } from '../../../src/i18n/instance.js';
import type { KitKey, KitT } from '../../../src/i18n/keys.js';
import { useKitTranslation } from '../../../src/i18n/translation.js';
import { scopeLabel } from '../../../src/consent/scope-label.js';

type Tree = { [key: string]: string | Tree };

/** Every English key, plural suffixes folded, so each is rendered once through `t`. */
function keysOf(tree: Tree, prefix = ''): string[] {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const k of keysOf(value, path)) out.add(k);
  }
  return [...out];
}
const ALL_KEYS = keysOf(en as Tree) as KitKey[];
const VALUES = { app: 'Reports Hub', count: 1, indicator: 'https://api.demo.test', role: 'admin', target: 'x.test' };

/** Renders every kit string, one `<li data-key>` each. */
function EveryString() {
  const { t } = useKitTranslation();
  return (
    <ul>
      {ALL_KEYS.map((key) => (
        <li key={key} data-key={key}>
          {t(key, VALUES)}
        </li>
      ))}
    </ul>
  );
}

function rendered(container: HTMLElement): Map<string, string> {
  return new Map(
    [...container.querySelectorAll('li[data-key]')].map((li) => [li.getAttribute('data-key')!, li.textContent ?? '']),
  );
}

function Say({ k, values }: { k: KitKey; values?: Record<string, unknown> }) {
  const { t } = useKitTranslation();
  return <p>{t(k, values)}</p>;
}

describe('given a host i18next instance with its own keys and an Arabic kit bundle', () => {
  it('should render Arabic right to left without touching the host language or keys', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } });
    host.addResourceBundle('ar', NAMESPACE, { consent: { authorize: 'موافقة' } });
    const { container } = render(
      <ConsentKitProvider i18n={host} uiLocales={['ar']}>
        <Say k="consent.authorize" />
      </ConsentKitProvider>,
    );
    // The host's phrase wins over the kit's own Arabic.
    expect(await screen.findByText('موافقة')).toBeInTheDocument();
    const root = container.querySelector('.ck-root');
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar');
    expect(host.language).toBe('fr');
    expect(host.t('hello')).toBe('Bonjour');
  });
});

describe('given the kit instance', () => {
  it('should start with English only, every other language being a separate chunk', () => {
    const instance = createConsentKitI18n();
    expect(instance.hasResourceBundle('en', NAMESPACE)).toBe(true);
    expect(Object.keys(instance.store.data)).toEqual(['en']);
  });

  it('should load the language asked for, without flashing English, and only that one', async () => {
    const instance = createConsentKitI18n();
    const { container } = render(
      <ConsentKitProvider i18n={instance} uiLocales={['ja-JP']}>
        <Say k="consent.authorize" />
      </ConsentKitProvider>,
    );
    expect(container.querySelector('.ck-root')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText(en.consent.authorize)).toBeNull();
    expect(await screen.findByText(ja.consent.authorize)).toBeInTheDocument();
    expect(container.querySelector('.ck-root')).toHaveAttribute('lang', 'ja');
    expect(container.querySelector('.ck-root')).toHaveAttribute('dir', 'ltr');
    expect(Object.keys(instance.store.data).sort()).toEqual(['en', 'ja']);
  });

  it('should render right to left for ar, fa and he', async () => {
    for (const lng of ['ar', 'fa', 'he']) {
      const { container, unmount } = render(
        <ConsentKitProvider i18n={createConsentKitI18n()} uiLocales={[lng]}>
          <Say k="consent.cancel" />
        </ConsentKitProvider>,
      );
      await waitFor(() => expect(container.querySelector('.ck-root')).toHaveAttribute('lang', lng));
      expect(container.querySelector('.ck-root')).toHaveAttribute('dir', 'rtl');
      unmount();
    }
  });

  it('should fall back to English inside a provider for an unsupported locale', async () => {
    const { container } = render(
      <ConsentKitProvider locale="xx-YY">
        <Say k="consent.authorize" />
      </ConsentKitProvider>,
    );
    expect(screen.getByText(en.consent.authorize)).toBeInTheDocument();
    expect(container.querySelector('.ck-root')).toHaveAttribute('lang', 'en');
  });
});

describe('given plural forms', () => {
  it('should pick each CLDR category of Arabic and Russian', async () => {
    const instance = createConsentKitI18n();
    await ensureLanguage(instance, 'ar');
    await ensureLanguage(instance, 'ru');
    const say = (lng: string, count: number) => instance.t('consent.withheld.summary', { lng, count });
    const w = ar.consent.withheld;
    expect([0, 1, 2, 3, 11, 100].map((n) => say('ar', n))).toEqual([
      w.summary_zero,
      w.summary_one,
      w.summary_two,
      w.summary_few.replace('{{count, number}}', '3'),
      w.summary_many.replace('{{count, number}}', '11'),
      w.summary_other.replace('{{count, number}}', '100'),
    ]);
    const r = ru.consent.withheld;
    expect([1, 3, 5].map((n) => say('ru', n))).toEqual([
      r.summary_one.replace('{{count, number}}', '1'),
      r.summary_few.replace('{{count, number}}', '3'),
      r.summary_many.replace('{{count, number}}', '5'),
    ]);
  });
});

describe('given a count in the thousands', () => {
  it('should write the number the way each language does, through Intl', async () => {
    const instance = createConsentKitI18n();
    await ensureLanguage(instance, 'de');
    await ensureLanguage(instance, 'hi');
    const say = (lng: string) => instance.t('consent.withheld.summary', { lng, count: 1234567 });
    expect(say('en')).toContain('1,234,567 requested permissions');
    expect(say('de')).toContain('1.234.567');
    // Indian grouping: a separator after the thousands, then every two digits.
    expect(say('hi')).toContain('12,34,567');
  });
});

describe('given operator overrides', () => {
  it('should change exactly the phrase it names, in the language it names', async () => {
    const instance = createConsentKitI18n();
    const plain = render(
      <ConsentKitProvider i18n={instance} uiLocales={['ko']}>
        <EveryString />
      </ConsentKitProvider>,
    );
    await waitFor(() => expect(plain.container.querySelector('.ck-root')).toHaveAttribute('lang', 'ko'));
    const before = rendered(plain.container);
    plain.unmount();

    const overrides = { ko: { 'consent.authorize': '동의하고 계속하기' }, en: { 'consent.cancel': 'Go back' } };
    const custom = render(
      <ConsentKitProvider i18n={instance} uiLocales={['ko']} overrides={overrides}>
        <EveryString />
      </ConsentKitProvider>,
    );
    await waitFor(() => expect(custom.container.querySelector('.ck-root')).toHaveAttribute('lang', 'ko'));
    const after = rendered(custom.container);

    expect(before.get('consent.authorize')).toBe(ko.consent.authorize);
    const changed = ALL_KEYS.filter((key) => before.get(key) !== after.get(key));
    expect(changed).toEqual(['consent.authorize']);
    expect(after.get('consent.authorize')).toBe('동의하고 계속하기');
    // The English override did not leak into Korean, and the kit's strings are untouched.
    expect(after.get('consent.cancel')).toBe(ko.consent.cancel);
    expect(instance.getResource('ko', NAMESPACE, 'consent.authorize')).toBe(ko.consent.authorize);
  });

  it('should leave a provider without overrides on the same instance alone, and reach nested providers', async () => {
    const instance = createConsentKitI18n();
    render(
      <>
        <ConsentKitProvider i18n={instance} overrides={{ en: { 'consent.authorize': 'Allow access' } }}>
          <Say k="consent.authorize" />
          <ConsentKitProvider>
            <Say k="consent.cancel" />
          </ConsentKitProvider>
        </ConsentKitProvider>
        <ConsentKitProvider i18n={instance}>
          <Say k="consent.authorize" />
        </ConsentKitProvider>
      </>,
    );
    expect(screen.getByText('Allow access')).toBeInTheDocument();
    expect(screen.getByText(en.consent.authorize)).toBeInTheDocument();
    expect(screen.getByText(en.consent.cancel)).toBeInTheDocument();
  });

  it('should override one plural form with interpolation, matching the language case-insensitively', async () => {
    render(
      <ConsentKitProvider
        i18n={createConsentKitI18n()}
        uiLocales={['pt-BR']}
        overrides={{ 'PT-br': { 'consent.withheld.summary_one': 'Só {{count}} permissão ficou de fora' } }}
      >
        <Say k="consent.withheld.summary" values={{ count: 1 }} />
      </ConsentKitProvider>,
    );
    expect(await screen.findByText('Só 1 permissão ficou de fora')).toBeInTheDocument();
  });
});

describe('given operator overrides whose keys name the prototype (say from a translation platform)', () => {
  it('should pollute no object and still apply the real overrides beside them', async () => {
    const overrides = {
      en: {
        '__proto__.polluted': 'yes',
        'constructor.prototype.polluted': 'yes',
        'consent.__proto__.polluted': 'yes',
        'consent.authorize': 'Allow access',
      },
    };
    try {
      render(
        <ConsentKitProvider i18n={createConsentKitI18n()} overrides={overrides}>
          <Say k="consent.authorize" />
        </ConsentKitProvider>,
      );
      expect(await screen.findByText('Allow access')).toBeInTheDocument();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});

describe('given a language with a fallback chain', () => {
  it('should fill a partial zh-HK bundle from zh-TW before English', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'en', resources: {} });
    host.addResourceBundle('zh-HK', NAMESPACE, { consent: { authorize: '批准' } });
    const { container } = render(
      <ConsentKitProvider i18n={host} uiLocales={['zh-HK']}>
        <Say k="consent.authorize" />
        <Say k="consent.cancel" />
      </ConsentKitProvider>,
    );
    expect(await screen.findByText('批准')).toBeInTheDocument();
    expect(await screen.findByText(zhTW.consent.cancel)).toBeInTheDocument();
    expect(container.querySelector('.ck-root')).toHaveAttribute('lang', 'zh-HK');
  });

  it('should load only the language itself when its bundle is complete', async () => {
    const instance = createConsentKitI18n();
    await expect(ensureLanguage(instance, 'pt-PT')).resolves.toBe('pt-PT');
    expect(instance.hasResourceBundle('pt-BR', NAMESPACE)).toBe(false);
  });
});

describe('given provider-supplied descriptions per language', () => {
  const t: KitT = (key) => key;
  const scope = {
    name: 'read:reports',
    required: false,
    description: 'Read reports',
    descriptions: { ko: '보고서 읽기', 'zh-TW': '讀取報表', pt: 'Ler relatórios' },
  };

  it('should show the active language, then its base or a sibling region, then the default description', () => {
    expect(scopeLabel(scope, t, 'ko', false)).toBe('보고서 읽기');
    expect(scopeLabel(scope, t, 'pt-BR', false)).toBe('Ler relatórios');
    expect(scopeLabel(scope, t, 'zh-HK', false)).toBe('讀取報表');
    expect(scopeLabel(scope, t, 'de', false)).toBe('Read reports');
    expect(scopeLabel({ name: 'x:y', required: false }, t, 'ko', false)).toBe('x:y');
  });
});

describe('given a key that is not in the English locale file', () => {
  // The check is the type check's (`npm run typecheck`, part of `npm test`): the directive fails
  // it as soon as `t` accepts any string again. At run time i18next shows the key itself.
  it("should be refused by the type of the kit's t", () => {
    function Typo() {
      const { t } = useKitTranslation();
      // @ts-expect-error 'consent.authorise' is not a key of src/locales/en/consent-kit.json
      return <p>{t('consent.authorise')}</p>;
    }
    render(<Typo />);
    expect(screen.getByText('consent.authorise')).toBeInTheDocument();
  });
});
