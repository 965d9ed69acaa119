/**
 * The kit's translation keys, typed from the English locale file, so `t('consent.authorise')`
 * fails the type check instead of showing a key to the user. Only the kit's own `t` is typed:
 * augmenting i18next's global `CustomTypeOptions` would change the host app's i18next types.
 */
import type en from '../locales/en/consent-kit.json';

/** The dotted paths to the strings of a locale tree. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** i18next's plural suffixes (`_one`, `_other` …): the key without them selects the form. */
type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type WithoutPlural<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** A key of the `consent-kit` namespace, e.g. `consent.authorize` or `consent.withheld.summary`. */
export type KitKey = WithoutPlural<Leaves<typeof en>>;

/** The kit's `t`: a key of the `consent-kit` namespace plus interpolation values. */
export type KitT = (key: KitKey, values?: Record<string, unknown>) => string;
