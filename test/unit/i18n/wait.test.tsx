/**
 * Waiting times ("Try again in 1 minute", "Send a new code in 30 seconds") in the case each
 * language needs. The expected phrases are CLDR's relative-time patterns (cldr-json
 * `dateFields.json`, `minute` / `second`, `relativeTime-type-future`) filled in by hand for
 * each number's plural category (`Intl.PluralRules`), not copied from what the formatter
 * printed:
 *
 * - ru: one «через {0} минуту / секунду», few «минуты / секунды», many «минут / секунд»;
 *   1, 21, 101 are `one`, 2 is `few`, 5 is `many`.
 * - uk: one «через {0} хвилину / секунду», few «хвилини / секунди», many «хвилин / секунд».
 * - pl: one «za {0} minutę / sekundę» (1 only), few «minuty / sekundy», many «minut / sekund»;
 *   21 and 101 are `many`.
 * - cs: one «za {0} minutu / sekundu», few «minuty / sekundy» (2–4), other «minut / sekund».
 * - fi: «{0} minuutin / sekunnin päästä» (genitive) for every number.
 * - ar: one «خلال دقيقة واحدة / ثانية واحدة», two «خلال دقيقتين / ثانيتين», few (3–10)
 *   «خلال {0} دقائق / ثوانٍ», many (11–99) and other (100–102) «خلال {0} دقيقة / ثانية».
 * - 0 is each language's "now" (`relative-type-0` of `second`): сейчас, зараз, teraz, nyní,
 *   nyt, الآن.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatWait, formatWaitIn, waitAmount } from '../../../src/i18n/wait.js';
import { InteractionError, SignInScreen } from '../../../src/index.js';
import { codeOnlyLoginStep } from '../../fixtures/steps.js';
import { fakeClient } from '../ui/fake-client.js';

const NUMBERS = [0, 1, 2, 5, 21, 101] as const;

/** Expected phrases for 0, 1, 2, 5, 21, 101 of each unit. */
const PHRASES: Record<string, { second: string[]; minute: string[] }> = {
  ru: {
    second: ['сейчас', 'через 1 секунду', 'через 2 секунды', 'через 5 секунд', 'через 21 секунду', 'через 101 секунду'],
    minute: ['сейчас', 'через 1 минуту', 'через 2 минуты', 'через 5 минут', 'через 21 минуту', 'через 101 минуту'],
  },
  uk: {
    second: ['зараз', 'через 1 секунду', 'через 2 секунди', 'через 5 секунд', 'через 21 секунду', 'через 101 секунду'],
    minute: ['зараз', 'через 1 хвилину', 'через 2 хвилини', 'через 5 хвилин', 'через 21 хвилину', 'через 101 хвилину'],
  },
  pl: {
    second: ['teraz', 'za 1 sekundę', 'za 2 sekundy', 'za 5 sekund', 'za 21 sekund', 'za 101 sekund'],
    minute: ['teraz', 'za 1 minutę', 'za 2 minuty', 'za 5 minut', 'za 21 minut', 'za 101 minut'],
  },
  cs: {
    second: ['nyní', 'za 1 sekundu', 'za 2 sekundy', 'za 5 sekund', 'za 21 sekund', 'za 101 sekund'],
    minute: ['nyní', 'za 1 minutu', 'za 2 minuty', 'za 5 minut', 'za 21 minut', 'za 101 minut'],
  },
  fi: {
    second: [
      'nyt',
      '1 sekunnin päästä',
      '2 sekunnin päästä',
      '5 sekunnin päästä',
      '21 sekunnin päästä',
      '101 sekunnin päästä',
    ],
    minute: [
      'nyt',
      '1 minuutin päästä',
      '2 minuutin päästä',
      '5 minuutin päästä',
      '21 minuutin päästä',
      '101 minuutin päästä',
    ],
  },
  ar: {
    // ثوانٍ ends in a tanween kasra (U+064D), written out so the file's encoding cannot blur it.
    second: ['الآن', 'خلال ثانية واحدة', 'خلال ثانيتين', 'خلال 5 ثوان\u064D', 'خلال 21 ثانية', 'خلال 101 ثانية'],
    minute: ['الآن', 'خلال دقيقة واحدة', 'خلال دقيقتين', 'خلال 5 دقائق', 'خلال 21 دقيقة', 'خلال 101 دقيقة'],
  },
};

describe('given a wait in a language whose nouns take the case of their preposition', () => {
  describe.each(Object.keys(PHRASES))('%s', (lng) => {
    it.each(['second', 'minute'] as const)('should word 0, 1, 2, 5, 21 and 101 %ss as CLDR does', (unit) => {
      expect(NUMBERS.map((n) => formatWaitIn(n, unit, lng))).toEqual(PHRASES[lng]![unit]);
    });

    it('should choose those phrases for waits given in seconds', () => {
      // Under a minute in seconds; from a minute on in whole minutes.
      expect([0, 1, 2, 5, 21].map((s) => formatWait(s, lng))).toEqual(PHRASES[lng]!.second.slice(0, 5));
      expect([60, 120, 300, 1260, 6060].map((s) => formatWait(s, lng))).toEqual(PHRASES[lng]!.minute.slice(1));
    });
  });
});

describe('given the unit and rounding of a wait', () => {
  it.each([
    [0, 0, 'second'],
    [-5, 0, 'second'],
    [Number.NaN, 0, 'second'],
    // Never round down: 0.2 s left is still a wait, and so is 59.5 s.
    [0.2, 1, 'second'],
    [59, 59, 'second'],
    [59.5, 1, 'minute'],
    [60, 1, 'minute'],
    [61, 2, 'minute'],
    [900, 15, 'minute'],
    [119 * 60, 119, 'minute'],
    [120 * 60, 2, 'hour'],
    [47 * 3600, 47, 'hour'],
    [48 * 3600, 2, 'day'],
  ] as const)('should tell %d s as %d %s', (seconds, value, unit) => {
    expect(waitAmount(seconds)).toEqual({ value, unit });
  });

  it('should say "now" for no wait, never "in 1 second" or "in 0 seconds"', () => {
    expect(formatWait(0, 'en')).toBe('now');
    expect(formatWait(-1, 'en')).toBe('now');
    expect(formatWait(1, 'en')).toBe('in 1 second');
  });

  it('should write days as numbers, not "the day after tomorrow"', () => {
    expect(formatWait(2 * 86_400, 'de')).toBe('in 2 Tagen');
    expect(formatWait(2 * 86_400, 'ru')).toBe('через 2 дня');
  });

  it('should fall back to English for a malformed language tag instead of throwing', () => {
    expect(formatWait(300, 'not a tag')).toBe('in 5 minutes');
  });

  it('should refuse an endless wait', () => {
    expect(() => formatWait(Infinity, 'en')).toThrow(RangeError);
  });
});

describe('given the sign-in screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(lng: string) {
    const step = codeOnlyLoginStep();
    step.uiLocales = [lng];
    const client = fakeClient(step);
    render(<SignInScreen client={client} step={step} onRedirect={vi.fn()} />);
    return { client, user: userEvent.setup() };
  }

  it.each([
    ['ru', 'Продолжить', 60, 'Слишком много попыток для этого аккаунта. Повторите попытку через 1 минуту.'],
    ['ar', 'متابعة', 120, 'محاولات كثيرة جدًا لهذا الحساب. ستتمكن من المحاولة مرة أخرى خلال دقيقتين.'],
    ['pl', 'Dalej', 21, 'Zbyt wiele prób dla tego konta. Spróbuj ponownie za 21 sekund.'],
  ])('should tell the lock in %s in the right case', async (lng, next, retryAfter, message) => {
    const { client, user } = setup(lng);
    client.sendCode.mockRejectedValueOnce(
      new InteractionError('too_many_attempts', 'locked', { status: 429, retryAfter }),
    );
    await user.click(await screen.findByRole('button', { name: next }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message, { normalizeWhitespace: true });
  });

  it('should add no wait to the message when the server gives a wait of 0', async () => {
    const { client, user } = setup('en');
    client.sendCode.mockRejectedValueOnce(
      new InteractionError('too_many_attempts', 'locked', { status: 429, retryAfter: 0 }),
    );
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many attempts for this account.');
    expect(alert).not.toHaveTextContent(/try again|now|second/i);
  });

  it('should count a resend down in Russian and offer it at once after a wait of 0', async () => {
    // Only the countdown's clock is fake, and it moves only when the test moves it: a busy
    // machine that takes seconds between two lines cannot skip the "1 second" state.
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    const { client, user } = setup('ru');
    client.sendCode.mockResolvedValueOnce({ resendAfter: 2 }).mockResolvedValueOnce({ resendAfter: 0 });
    await user.click(await screen.findByRole('button', { name: 'Продолжить' }));
    expect(await screen.findByRole('button', { name: 'Отправить новый код через 2 секунды' })).toBeDisabled();
    await act(async () => vi.advanceTimersByTime(1000));
    expect(screen.getByRole('button', { name: 'Отправить новый код через 1 секунду' })).toBeDisabled();
    await act(async () => vi.advanceTimersByTime(1100));
    await user.click(screen.getByRole('button', { name: 'Отправить новый код' }));
    // resendAfter 0: no countdown at all, the button stays ready.
    expect(await screen.findByRole('button', { name: 'Отправить новый код' })).toBeEnabled();
    expect(client.sendCode).toHaveBeenCalledTimes(2);
  });
});
