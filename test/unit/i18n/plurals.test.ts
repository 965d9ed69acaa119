/**
 * Count strings: every plural key has every form its language needs, every form shows the
 * number it is rendered with, and the words agree with the right number. The last part cannot
 * be checked generically (French agrees with the selected number, German with the total), so
 * each locale's sentences are written out below by hand, as a reader of that language expects
 * them, and compared with what the kit renders through its own i18next instance. See "Count
 * strings" in docs/localization.md.
 */
import type { i18n as I18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsentKitI18n, ensureLanguage } from '../../../src/i18n/instance.js';
import { SUPPORTED_LANGUAGES } from '../../../src/i18n/languages.js';
import { loadLocale } from './locale-files.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * Categories a locale keeps beyond what this engine's `Intl.PluralRules` lists. CLDR 42
 * (2022) dropped Hebrew `many` (20, 30, …); engines with older ICU data still select it, and
 * i18next then falls back to English for a missing `_many`.
 */
const LEGACY_CATEGORIES: Record<string, readonly Intl.LDMLPluralRule[]> = { he: ['many'] };

/** `consent.resource.count` for (selected, count) = (1, 5), (2, 21), (0, 1). */
const RESOURCE_CASES = [
  [1, 5],
  [2, 21],
  [0, 1],
] as const;
/** `consent.withheld.summary` for count = 1, 2, 5, 21. */
const WITHHELD_CASES = [1, 2, 5, 21] as const;

const NBSP = '\u00a0';
const ZWNJ = '\u200c';

/** The sentences a reader of each language expects, in the order of the cases above. */
const SENTENCES: Record<string, { resource: string[]; withheld: string[] }> = {
  en: {
    resource: ['1 of 5 permissions selected', '2 of 21 permissions selected', '0 of 1 permission selected'],
    withheld: [
      '1 requested permission is not available to your account',
      '2 requested permissions are not available to your account',
      '5 requested permissions are not available to your account',
      '21 requested permissions are not available to your account',
    ],
  },
  ko: {
    resource: ['권한 5개 중 1개 선택됨', '권한 21개 중 2개 선택됨', '권한 1개 중 0개 선택됨'],
    withheld: [1, 2, 5, 21].map((n) => `요청된 권한 중 ${n}개는 회원님의 계정에서 사용할 수 없습니다`),
  },
  ja: {
    resource: ['5 件中 1 件の権限を選択済み', '21 件中 2 件の権限を選択済み', '1 件中 0 件の権限を選択済み'],
    withheld: [1, 2, 5, 21].map((n) => `リクエストされた権限のうち ${n} 件はあなたのアカウントでは利用できません`),
  },
  'zh-CN': {
    resource: ['已选择 1 项权限，共 5 项', '已选择 2 项权限，共 21 项', '已选择 0 项权限，共 1 项'],
    withheld: [1, 2, 5, 21].map((n) => `有 ${n} 项请求的权限对你的账号不可用`),
  },
  'zh-TW': {
    resource: ['已選取 1 項權限，共 5 項', '已選取 2 項權限，共 21 項', '已選取 0 項權限，共 1 項'],
    withheld: [1, 2, 5, 21].map((n) => `有 ${n} 項要求的權限無法供你的帳戶使用`),
  },
  'zh-HK': {
    resource: ['已選擇 1 項權限，共 5 項', '已選擇 2 項權限，共 21 項', '已選擇 0 項權限，共 1 項'],
    withheld: [1, 2, 5, 21].map((n) => `有 ${n} 項要求的權限不適用於你的帳戶`),
  },
  de: {
    resource: [
      '1 von 5 Berechtigungen ausgewählt',
      '2 von 21 Berechtigungen ausgewählt',
      '0 von 1 Berechtigung ausgewählt',
    ],
    withheld: [
      '1 angeforderte Berechtigung ist für Ihr Konto nicht verfügbar',
      '2 angeforderte Berechtigungen sind für Ihr Konto nicht verfügbar',
      '5 angeforderte Berechtigungen sind für Ihr Konto nicht verfügbar',
      '21 angeforderte Berechtigungen sind für Ihr Konto nicht verfügbar',
    ],
  },
  fr: {
    // Not "1 autorisations sélectionnées sur 5": the participle would have to agree with 1.
    resource: [
      `Autorisations sélectionnées${NBSP}: 1 sur 5`,
      `Autorisations sélectionnées${NBSP}: 2 sur 21`,
      `Autorisations sélectionnées${NBSP}: 0 sur 1`,
    ],
    withheld: [
      '1 autorisation demandée n’est pas disponible pour votre compte',
      '2 autorisations demandées ne sont pas disponibles pour votre compte',
      '5 autorisations demandées ne sont pas disponibles pour votre compte',
      '21 autorisations demandées ne sont pas disponibles pour votre compte',
    ],
  },
  es: {
    resource: ['1 de 5 permisos seleccionados', '2 de 21 permisos seleccionados', '0 de 1 permiso seleccionado'],
    withheld: [
      '1 permiso solicitado no está disponible para tu cuenta',
      '2 permisos solicitados no están disponibles para tu cuenta',
      '5 permisos solicitados no están disponibles para tu cuenta',
      '21 permisos solicitados no están disponibles para tu cuenta',
    ],
  },
  it: {
    resource: [
      '1 di 5 autorizzazioni selezionate',
      '2 di 21 autorizzazioni selezionate',
      '0 di 1 autorizzazione selezionata',
    ],
    withheld: [
      '1 autorizzazione richiesta non è disponibile per il tuo account',
      '2 autorizzazioni richieste non sono disponibili per il tuo account',
      '5 autorizzazioni richieste non sono disponibili per il tuo account',
      '21 autorizzazioni richieste non sono disponibili per il tuo account',
    ],
  },
  'pt-BR': {
    resource: ['1 de 5 permissões selecionadas', '2 de 21 permissões selecionadas', '0 de 1 permissão selecionada'],
    withheld: [
      '1 permissão solicitada não está disponível para sua conta',
      '2 permissões solicitadas não estão disponíveis para sua conta',
      '5 permissões solicitadas não estão disponíveis para sua conta',
      '21 permissões solicitadas não estão disponíveis para sua conta',
    ],
  },
  'pt-PT': {
    resource: ['1 de 5 permissões selecionadas', '2 de 21 permissões selecionadas', '0 de 1 permissão selecionada'],
    withheld: [
      '1 permissão pedida não está disponível para a sua conta',
      '2 permissões pedidas não estão disponíveis para a sua conta',
      '5 permissões pedidas não estão disponíveis para a sua conta',
      '21 permissões pedidas não estão disponíveis para a sua conta',
    ],
  },
  nl: {
    resource: [
      '1 van 5 machtigingen geselecteerd',
      '2 van 21 machtigingen geselecteerd',
      '0 van 1 machtiging geselecteerd',
    ],
    withheld: [
      '1 gevraagde machtiging is niet beschikbaar voor je account',
      '2 gevraagde machtigingen zijn niet beschikbaar voor je account',
      '5 gevraagde machtigingen zijn niet beschikbaar voor je account',
      '21 gevraagde machtigingen zijn niet beschikbaar voor je account',
    ],
  },
  sv: {
    // "har valts" does not inflect, so only the total decides the noun.
    resource: ['1 av 5 behörigheter har valts', '2 av 21 behörigheter har valts', '0 av 1 behörighet har valts'],
    withheld: [
      '1 begärd behörighet är inte tillgänglig för ditt konto',
      '2 begärda behörigheter är inte tillgängliga för ditt konto',
      '5 begärda behörigheter är inte tillgängliga för ditt konto',
      '21 begärda behörigheter är inte tillgängliga för ditt konto',
    ],
  },
  da: {
    resource: ['1 af 5 tilladelser valgt', '2 af 21 tilladelser valgt', '0 af 1 tilladelse valgt'],
    withheld: [
      '1 anmodet tilladelse er ikke tilgængelig for din konto',
      '2 anmodede tilladelser er ikke tilgængelige for din konto',
      '5 anmodede tilladelser er ikke tilgængelige for din konto',
      '21 anmodede tilladelser er ikke tilgængelige for din konto',
    ],
  },
  nb: {
    resource: ['1 av 5 tillatelser valgt', '2 av 21 tillatelser valgt', '0 av 1 tillatelse valgt'],
    withheld: [
      '1 forespurt tillatelse er ikke tilgjengelig for kontoen din',
      '2 forespurte tillatelser er ikke tilgjengelige for kontoen din',
      '5 forespurte tillatelser er ikke tilgjengelige for kontoen din',
      '21 forespurte tillatelser er ikke tilgjengelige for kontoen din',
    ],
  },
  fi: {
    // Partitive singular after every number but 1.
    resource: ['1/5 käyttöoikeutta valittu', '2/21 käyttöoikeutta valittu', '0/1 käyttöoikeus valittu'],
    withheld: [
      '1 pyydetty käyttöoikeus ei ole tilisi käytettävissä',
      '2 pyydettyä käyttöoikeutta ei ole tilisi käytettävissä',
      '5 pyydettyä käyttöoikeutta ei ole tilisi käytettävissä',
      '21 pyydettyä käyttöoikeutta ei ole tilisi käytettävissä',
    ],
  },
  pl: {
    // Genitive after "z": z 1 uprawnienia, z 5 / z 21 uprawnień (21 is `many` in Polish).
    resource: ['Wybrano 1 z 5 uprawnień', 'Wybrano 2 z 21 uprawnień', 'Wybrano 0 z 1 uprawnienia'],
    withheld: [
      '1 żądane uprawnienie jest niedostępne dla Twojego konta',
      '2 żądane uprawnienia są niedostępne dla Twojego konta',
      '5 żądanych uprawnień jest niedostępnych dla Twojego konta',
      '21 żądanych uprawnień jest niedostępnych dla Twojego konta',
    ],
  },
  cs: {
    resource: ['Vybráno 1 z 5 oprávnění', 'Vybráno 2 z 21 oprávnění', 'Vybráno 0 z 1 oprávnění'],
    withheld: [
      '1 požadované oprávnění není pro váš účet dostupné',
      '2 požadovaná oprávnění nejsou pro váš účet dostupná',
      '5 požadovaných oprávnění není pro váš účet dostupných',
      '21 požadovaných oprávnění není pro váš účet dostupných',
    ],
  },
  ru: {
    // Genitive after "из": из 5 разрешений, but из 21 разрешения (21 is `one`).
    resource: ['Выбрано 1 из 5 разрешений', 'Выбрано 2 из 21 разрешения', 'Выбрано 0 из 1 разрешения'],
    withheld: [
      '1 запрошенное разрешение недоступно для вашего аккаунта',
      '2 запрошенных разрешения недоступны для вашего аккаунта',
      '5 запрошенных разрешений недоступны для вашего аккаунта',
      '21 запрошенное разрешение недоступно для вашего аккаунта',
    ],
  },
  uk: {
    resource: ['Вибрано 1 з 5 дозволів', 'Вибрано 2 з 21 дозволу', 'Вибрано 0 з 1 дозволу'],
    withheld: [
      '1 запитаний дозвіл недоступний для вашого облікового запису',
      '2 запитані дозволи недоступні для вашого облікового запису',
      '5 запитаних дозволів недоступні для вашого облікового запису',
      '21 запитаний дозвіл недоступний для вашого облікового запису',
    ],
  },
  tr: {
    resource: ['5 izinden 1 tanesi seçildi', '21 izinden 2 tanesi seçildi', '1 izinden 0 tanesi seçildi'],
    withheld: [1, 2, 5, 21].map((n) => `İstenen ${n} izin hesabınız için kullanılamıyor`),
  },
  ar: {
    // 3–10 take a genitive plural, 11–99 an accusative singular; one and two are said in words.
    resource: ['تم تحديد 1 من 5 أذونات', 'تم تحديد 2 من 21 إذنًا', 'تم تحديد 0 من إذن واحد'],
    withheld: [
      'إذن مطلوب واحد غير متاح لحسابك',
      'إذنان مطلوبان غير متاحين لحسابك',
      '5 أذونات مطلوبة غير متاحة لحسابك',
      '21 إذنًا مطلوبًا غير متاح لحسابك',
    ],
  },
  fa: {
    // Persian digits; the noun stays singular after a number.
    resource: ['۱ از ۵ مجوز انتخاب شده', '۲ از ۲۱ مجوز انتخاب شده', '۰ از ۱ مجوز انتخاب شده'],
    withheld: ['۱', '۲', '۵', '۲۱'].map((n) => `${n} مجوز درخواست${ZWNJ}شده برای حساب شما در دسترس نیست`),
  },
  he: {
    // Not "נבחרו 1": the verb would have to agree with the selected number.
    resource: ['הרשאות נבחרות: 1 מתוך 5', 'הרשאות נבחרות: 2 מתוך 21', 'הרשאות נבחרות: 0 מתוך 1'],
    withheld: [
      'הרשאה מבוקשת אחת אינה זמינה לחשבון שלך',
      'שתי הרשאות מבוקשות אינן זמינות לחשבון שלך',
      '5 הרשאות מבוקשות אינן זמינות לחשבון שלך',
      '21 הרשאות מבוקשות אינן זמינות לחשבון שלך',
    ],
  },
  hi: {
    // Not "5 में से 1 अनुमतियाँ चुनी गईं": noun and verb would have to agree with 1.
    resource: ['चुनी गई अनुमतियाँ: 5 में से 1', 'चुनी गई अनुमतियाँ: 21 में से 2', 'चुनी गई अनुमतियाँ: 1 में से 0'],
    withheld: [
      'अनुरोध की गई 1 अनुमति आपके खाते के लिए उपलब्ध नहीं है',
      'अनुरोध की गई 2 अनुमतियाँ आपके खाते के लिए उपलब्ध नहीं हैं',
      'अनुरोध की गई 5 अनुमतियाँ आपके खाते के लिए उपलब्ध नहीं हैं',
      'अनुरोध की गई 21 अनुमतियाँ आपके खाते के लिए उपलब्ध नहीं हैं',
    ],
  },
  th: {
    resource: ['เลือกสิทธิ์แล้ว 1 จาก 5 รายการ', 'เลือกสิทธิ์แล้ว 2 จาก 21 รายการ', 'เลือกสิทธิ์แล้ว 0 จาก 1 รายการ'],
    withheld: [1, 2, 5, 21].map((n) => `สิทธิ์ที่ขอ ${n} รายการไม่พร้อมใช้งานสำหรับบัญชีของคุณ`),
  },
  vi: {
    resource: ['Đã chọn 1/5 quyền', 'Đã chọn 2/21 quyền', 'Đã chọn 0/1 quyền'],
    withheld: [1, 2, 5, 21].map((n) => `${n} quyền được yêu cầu không khả dụng cho tài khoản của bạn`),
  },
  id: {
    resource: ['1 dari 5 izin dipilih', '2 dari 21 izin dipilih', '0 dari 1 izin dipilih'],
    withheld: [1, 2, 5, 21].map((n) => `${n} izin yang diminta tidak tersedia untuk akun Anda`),
  },
  ms: {
    resource: ['1 daripada 5 kebenaran dipilih', '2 daripada 21 kebenaran dipilih', '0 daripada 1 kebenaran dipilih'],
    withheld: [1, 2, 5, 21].map((n) => `${n} kebenaran yang diminta tidak tersedia untuk akaun anda`),
  },
};

/** The plural keys of a locale, by base key, with the categories present. */
function pluralKeys(strings: Map<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of strings.keys()) {
    const match = PLURAL.exec(key);
    if (!match) continue;
    const base = key.slice(0, match.index);
    out.set(base, (out.get(base) ?? new Set()).add(match[1]!));
  }
  return out;
}

/** Integers 0–1000 that `lng` puts in each plural category. */
function integersByCategory(lng: string): Map<string, number[]> {
  const rules = new Intl.PluralRules(lng);
  const out = new Map<string, number[]>();
  for (let n = 0; n <= 1000; n++) {
    const category = rules.select(n);
    out.set(category, [...(out.get(category) ?? []), n]);
  }
  return out;
}

let i18n: I18n;
beforeAll(async () => {
  i18n = createConsentKitI18n();
  for (const lng of SUPPORTED_LANGUAGES) expect(await ensureLanguage(i18n, lng)).toBe(lng);
});

describe.each([...SUPPORTED_LANGUAGES])('given the count strings of %s', (lng) => {
  const strings = loadLocale(lng);
  const plurals = pluralKeys(strings);

  it('should have every plural form the language needs, on every plural key', () => {
    const needed = [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories, ...(LEGACY_CATEGORIES[lng] ?? [])];
    expect(plurals.size).toBeGreaterThan(0);
    const missing = [...plurals].flatMap(([base, have]) =>
      needed.filter((c) => !have.has(c)).map((c) => `${base}_${c}`),
    );
    expect(missing).toEqual([]);
  });

  it('should show the number in every form that stands for more than one number', () => {
    const byCategory = integersByCategory(lng);
    const wordsOnly = [...plurals].flatMap(([base, have]) =>
      [...have]
        .filter((category) => (byCategory.get(category)?.length ?? 0) > 1)
        .filter((category) => !/\{\{\s*count\b/.test(strings.get(`${base}_${category}`)!))
        .map((category) => `${base}_${category}`),
    );
    expect(wordsOnly).toEqual([]);
  });

  it('should render each sample number of each category in the language, with that number', () => {
    const t = i18n.getFixedT(lng);
    const number = new Intl.NumberFormat(lng);
    const english = i18n.getFixedT('en');
    for (const [category, integers] of integersByCategory(lng)) {
      // A few of each category: the first, one in the middle, the last up to 1000.
      for (const n of new Set([integers[0]!, integers[Math.floor(integers.length / 2)]!, integers.at(-1)!])) {
        for (const base of plurals.keys()) {
          const text = t(base, { count: n, selected: 0 });
          if (lng !== 'en') expect([base, n, text]).not.toEqual([base, n, english(base, { count: n, selected: 0 })]);
          if (integers.length > 1)
            expect([base, category, n, text]).toEqual([base, category, n, expect.stringContaining(number.format(n))]);
        }
      }
    }
  });

  it('should agree with the right number, as a reader of the language writes it', () => {
    const t = i18n.getFixedT(lng);
    const expected = SENTENCES[lng]!;
    expect(RESOURCE_CASES.map(([selected, count]) => t('consent.resource.count', { selected, count }))).toEqual(
      expected.resource,
    );
    expect(WITHHELD_CASES.map((count) => t('consent.withheld.summary', { count }))).toEqual(expected.withheld);
  });
});

describe('given the sentences written out above', () => {
  it('should cover every shipped locale', () => {
    expect(Object.keys(SENTENCES).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });
});
