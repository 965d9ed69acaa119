/**
 * Waiting times in words, for "Try again {{when}}." and "Send a new code {{when}}".
 *
 * The whole phrase ("in 5 minutes", "через 1 минуту", "za 2 minuty", "5 minuutin päästä",
 * "خلال دقيقتين") comes from `Intl.RelativeTimeFormat`, i.e. from CLDR's relative-time patterns,
 * because the case of the noun depends on the preposition around it: Russian needs the
 * accusative after "через" (1 минута → через 1 минуту), Finnish the genitive before "päästä",
 * Arabic the genitive dual after "خلال". A bare "5 minutes" (`Intl.NumberFormat` with a unit,
 * which is nominative) dropped into a sentence is wrong in those languages, and locale files
 * cannot fix it without a plural key per unit. So the locale sentence takes the phrase whole,
 * preposition included, as `{{when}}`.
 *
 * `Intl.DurationFormat` would not help (it also writes nominative "1 минута") and is not in
 * Node 20.
 */

/** Units a wait is told in. */
export type WaitUnit = 'second' | 'minute' | 'hour' | 'day';

/**
 * The unit and whole amount a wait of `seconds` is told in, rounded up so the user never
 * comes back too early: seconds under a minute, minutes under two hours (a lock of 90 minutes
 * reads "in 90 minutes", not "in 2 hours"), hours under two days, then days.
 * Zero, negative and `NaN` waits are `{ value: 0, unit: 'second' }` (no wait).
 *
 * @throws RangeError when `seconds` is `Infinity`: there is no honest way to word it.
 */
export function waitAmount(seconds: number): { value: number; unit: WaitUnit } {
  if (seconds === Infinity) throw new RangeError('formatWait: the wait must be a finite number of seconds');
  if (!(seconds > 0)) return { value: 0, unit: 'second' };
  const whole = Math.ceil(seconds);
  if (whole < 60) return { value: whole, unit: 'second' };
  const minutes = Math.ceil(whole / 60);
  if (minutes < 120) return { value: minutes, unit: 'minute' };
  const hours = Math.ceil(whole / 3600);
  if (hours < 48) return { value: hours, unit: 'hour' };
  return { value: Math.ceil(whole / 86_400), unit: 'day' };
}

/**
 * `value` `unit`s from now as a phrase of `language` ("in 21 seconds", "через 21 секунду").
 * A `value` of 0 is the language's word for "now" ("now", "сейчас", "الآن"), never "in 0
 * seconds" and never "in 1 second". Numbers are always written as numbers: `numeric:
 * 'always'`, so 1 day is "in 1 day", not "tomorrow". An invalid language tag falls back to
 * English rather than throwing during a render.
 */
export function formatWaitIn(value: number, unit: WaitUnit, language: string): string {
  const format = (lng: string) =>
    value === 0
      ? new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(0, 'second')
      : new Intl.RelativeTimeFormat(lng, { numeric: 'always' }).format(value, unit);
  try {
    return format(language);
  } catch (error) {
    if (error instanceof RangeError && language !== 'en') return format('en');
    throw error;
  }
}

/**
 * A wait of `seconds` as a phrase of `language`, for the locale strings' `{{when}}`:
 * `formatWait(900, 'ru')` is "через 15 минут", `formatWait(1, 'en')` "in 1 second",
 * `formatWait(0, 'en')` "now". Screens show no wait at all for 0 (see `SignIn.Error` and
 * `SignIn.Code`); "now" is what a caller that does render it gets.
 */
export function formatWait(seconds: number, language: string): string {
  const { value, unit } = waitAmount(seconds);
  return formatWaitIn(value, unit, language);
}
