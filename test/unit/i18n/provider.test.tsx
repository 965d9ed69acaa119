import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../src/locales/en/consent-kit.json';
import ko from '../../../src/locales/ko/consent-kit.json';
import { ConsentKitProvider, NAMESPACE, createConsentKitI18n } from '../../../src/index.js';
import { directionOf, matchLanguage, resolveLanguage } from '../../../src/i18n/languages.js';
import { useKitTranslation } from '../../../src/i18n/provider.js';
import { ERROR_CODES } from '../../../src/protocol/errors.js';
import { KNOWN_SCOPES } from '../../../src/consent/scope-label.js';

type Tree = { [key: string]: string | Tree };

/** Flattens a locale into `key → string`, folding plural suffixes into their base key. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path.replace(/_(zero|one|two|few|many|other)$/, ''), value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('given the shipped locales', () => {
  const enKeys = flatten(en as Tree);
  const koKeys = flatten(ko as Tree);

  it('should have the same keys in English and Korean', () => {
    expect([...koKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('should use the same interpolation variables in every key', () => {
    for (const [key, text] of enKeys) expect([key, variables(koKeys.get(key) ?? '')]).toEqual([key, variables(text)]);
  });

  it('should have a message for every error code and a description for every known scope', () => {
    for (const code of ERROR_CODES) expect(enKeys.has(`errors.${code}`)).toBe(true);
    for (const scope of KNOWN_SCOPES) expect(enKeys.has(`scopes.${scope}`)).toBe(true);
  });
});

describe('given language preferences', () => {
  it('should match exactly, then by base language, else English', () => {
    expect(matchLanguage(['ko-KR'])).toBe('ko');
    expect(matchLanguage(['fr-FR', 'ko'])).toBe('ko');
    expect(matchLanguage(['fr'])).toBe('en');
  });

  it('should prefer ui_locales, then the host locale, then the browser', () => {
    expect(resolveLanguage({ uiLocales: ['ko'], locale: 'en', browser: ['en'] })).toBe('ko');
    expect(resolveLanguage({ uiLocales: ['en'], locale: 'ko', browser: ['ko'] })).toBe('en');
    expect(resolveLanguage({ uiLocales: ['fr'], locale: 'ko-KR', browser: ['en'] })).toBe('ko');
    expect(resolveLanguage({ uiLocales: [], browser: ['de', 'ko-KR'] })).toBe('ko');
    expect(resolveLanguage({ browser: ['de'] })).toBe('en');
  });

  it('should know right-to-left languages', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fa')).toBe('rtl');
    expect(directionOf('ko')).toBe('ltr');
  });
});

function Greeting() {
  const { t } = useKitTranslation();
  return <p>{t('consent.authorize')}</p>;
}

describe('given a host i18next instance with its own keys and an Arabic kit bundle', () => {
  it('should render Arabic right to left without touching the host language or keys', async () => {
    const host = i18next.createInstance();
    await host.init({ lng: 'fr', resources: { fr: { translation: { hello: 'Bonjour' } } } });
    host.addResourceBundle('ar', NAMESPACE, { consent: { authorize: 'سماح' } });
    const { container } = render(
      <ConsentKitProvider i18n={host} uiLocales={['ar']}>
        <Greeting />
      </ConsentKitProvider>,
    );
    expect(await screen.findByText('سماح')).toBeInTheDocument();
    const root = container.querySelector('.ck-root');
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar');
    expect(host.language).toBe('fr');
    expect(host.t('hello')).toBe('Bonjour');
  });
});

describe('given the kit instance', () => {
  it('should start with English only, so Korean is a separate chunk', () => {
    const instance = createConsentKitI18n();
    expect(instance.hasResourceBundle('en', NAMESPACE)).toBe(true);
    expect(instance.hasResourceBundle('ko', NAMESPACE)).toBe(false);
  });

  it('should fall back to English inside a provider for an unsupported locale', () => {
    const { container } = render(
      <ConsentKitProvider locale="de-DE">
        <Greeting />
      </ConsentKitProvider>,
    );
    expect(screen.getByText('Authorize')).toBeInTheDocument();
    expect(container.querySelector('.ck-root')).toHaveAttribute('lang', 'en');
  });
});
