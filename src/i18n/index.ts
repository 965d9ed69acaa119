export { ConsentKitProvider, useKitTranslation } from './provider.js';
export type { ConsentKitProviderProps, ConsentKitTheme, KitT } from './provider.js';
export { createConsentKitI18n, ensureLanguage, getDefaultI18n } from './instance.js';
export type { ConsentKitOverrides, LocaleResources } from './instance.js';
export {
  DEFAULT_LANGUAGE,
  NAMESPACE,
  SUPPORTED_LANGUAGES,
  FALLBACK_CHAINS,
  directionOf,
  fallbackChain,
  matchLanguage,
  matchTag,
  resolveLanguage,
} from './languages.js';
export type { LanguageSources, SupportedLanguage } from './languages.js';
