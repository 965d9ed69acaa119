import { describe, expect, it } from 'vitest';
import {
  directionOf,
  fallbackChain,
  matchLanguage,
  matchTag,
  resolveLanguage,
  SUPPORTED_LANGUAGES,
} from '../../../src/i18n/languages.js';

describe('given BCP 47 tags', () => {
  it.each([
    // exact, any case, `_` accepted
    ['ko', 'ko'],
    ['KO-kr', 'ko'],
    ['pt_BR', 'pt-BR'],
    ['zh-hk', 'zh-HK'],
    // region and script variants of a shipped base language
    ['es-419', 'es'],
    ['es-MX', 'es'],
    ['fr-CA', 'fr'],
    ['de-AT', 'de'],
    ['de-Latn-CH', 'de'],
    ['en-GB', 'en'],
    ['ar-EG', 'ar'],
    ['sr-Latn', undefined],
    // Chinese by script, then region
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-HK'],
    ['zh-MO', 'zh-HK'],
    ['zh-Hant-MO', 'zh-HK'],
    // Portuguese: Brazil by default, the European norm elsewhere
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-PT'],
    ['pt-AO', 'pt-PT'],
    ['pt-MZ', 'pt-PT'],
    // Norwegian
    ['no', 'nb'],
    ['nn', 'nb'],
    ['nb-NO', 'nb'],
    ['no-NO', 'nb'],
    // legacy codes
    ['iw', 'he'],
    ['in', 'id'],
    // nothing sensible
    ['xx', undefined],
    ['*', undefined],
    ['', undefined],
    ['not a tag!', undefined],
  ])('%s → %s', (tag, expected) => {
    expect(matchTag(tag)).toBe(expected);
  });

  it('should keep to what is supported when given a narrower list', () => {
    expect(matchTag('zh-HK', ['en', 'zh-TW'])).toBe('zh-TW');
    expect(matchTag('zh-Hant', ['en', 'zh-HK'])).toBe('zh-HK');
    expect(matchTag('pt-PT', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(matchTag('zh-HK', ['en', 'zh-CN'])).toBeUndefined();
    expect(matchTag('ar-SA', ['en', 'ar'])).toBe('ar');
  });

  it('should take the first candidate that matches, else English', () => {
    expect(matchLanguage(['xx', 'fr-FR', 'ko'])).toBe('fr');
    expect(matchLanguage(['xx'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('should match every supported language to itself', () => {
    for (const lng of SUPPORTED_LANGUAGES) expect(matchTag(lng)).toBe(lng);
  });
});

describe('given language preferences', () => {
  it('should prefer ui_locales, then the host locale, then the browser', () => {
    expect(resolveLanguage({ uiLocales: ['ko'], locale: 'en', browser: ['en'] })).toBe('ko');
    expect(resolveLanguage({ uiLocales: ['en'], locale: 'ko', browser: ['ko'] })).toBe('en');
    expect(resolveLanguage({ uiLocales: ['xx'], locale: 'ja-JP', browser: ['en'] })).toBe('ja');
    expect(resolveLanguage({ uiLocales: [], browser: ['xx', 'de-CH'] })).toBe('de');
    expect(resolveLanguage({ uiLocales: ['es-419', 'fr'], locale: 'de', browser: ['it'] })).toBe('es');
    expect(resolveLanguage({ browser: ['xx'] })).toBe('en');
    expect(resolveLanguage({ uiLocales: ['zh-Hant-HK'] })).toBe('zh-HK');
  });

  it('should read navigator.languages when no browser list is given', () => {
    const spy = vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['sv-SE', 'en']);
    try {
      expect(resolveLanguage({})).toBe('sv');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('given the fallback chains', () => {
  it('should send zh-HK to zh-TW and pt-PT to pt-BR before English', () => {
    expect(fallbackChain('zh-HK')).toEqual(['zh-TW', 'en']);
    expect(fallbackChain('pt-PT')).toEqual(['pt-BR', 'en']);
    expect(fallbackChain('ko')).toEqual(['en']);
    expect(fallbackChain('en')).toEqual([]);
  });
});

describe('given text direction', () => {
  it('should be right to left for Arabic, Persian and Hebrew only among the shipped languages', () => {
    const rtl = SUPPORTED_LANGUAGES.filter((lng) => directionOf(lng) === 'rtl');
    expect(rtl).toEqual(['ar', 'fa', 'he']);
  });

  it('should follow the script subtag and region variants', () => {
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('iw')).toBe('rtl');
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('az-Arab')).toBe('rtl');
    expect(directionOf('ar-Latn')).toBe('ltr');
    expect(directionOf('zh-Hant-HK')).toBe('ltr');
    expect(directionOf('')).toBe('ltr');
  });
});
