/**
 * consent-kit: embeddable React sign-in and consent screens for OpenID Connect providers.
 *
 * This is the React entry (a client module for React Server Components hosts; the build adds
 * the `'use client'` banner). The interaction client lives in `consent-kit/client`, the
 * server bridges in `consent-kit/server`, the styles in `consent-kit/styles.css`.
 *
 * @packageDocumentation
 */

// Screens
export { ConsentScreen, InteractionScreen, preloadStep } from './consent/index.js';
export type { ConsentScreenProps, InteractionScreenProps, PreloadStepOptions } from './consent/index.js';
export { SignIn, SignInParts } from './login/index.js';
export type {
  SignInAction,
  SignInContextValue,
  SignInProps,
  SignInRootProps,
  SignInState,
  SignInView,
  UseSignInOptions,
} from './login/index.js';

// Headless consent
export {
  Consent,
  defaultConsentComponents,
  defaultDecision,
  normalizeDecision,
  ORGANIZATION_FILTER_THRESHOLD,
  useConsent,
  useConsentContext,
} from './consent/index.js';
export type {
  ConsentAction,
  ConsentAppHeaderProps,
  ConsentComponents,
  ConsentContextValue,
  ConsentResourceGroupProps,
  ConsentResourceGroupsProps,
  ConsentRootProps,
  ConsentState,
  ConsentStatus,
  UseConsentOptions,
} from './consent/index.js';
export { signInActions, useSignIn, useSignInContext } from './login/index.js';

// i18n
export {
  ConsentKitProvider,
  createConsentKitI18n,
  directionOf,
  FALLBACK_CHAINS,
  NAMESPACE,
  resolveLanguage,
  SUPPORTED_LANGUAGES,
} from './i18n/index.js';
export type {
  ConsentKitOverrides,
  ConsentKitProviderProps,
  ConsentKitTheme,
  LanguageSources,
  SupportedLanguage,
} from './i18n/index.js';

// Theming
export {
  BrandLogo,
  contrast,
  createTheme,
  deriveBrand,
  mergeThemes,
  presets,
  requestBranding,
  resolveBranding,
  themeToCss,
  themeVariables,
} from './theme/index.js';
export type {
  BrandColors,
  Branding,
  BrandLogoProps,
  ColorScheme,
  CompiledTheme,
  PresetName,
  RequestBranding,
  Theme,
  ThemeColors,
  ThemeLogo,
} from './theme/index.js';

// Primitives useful when composing parts
export type { RedirectHandler } from './ui/index.js';

// Protocol: the types the components take, and the error class they explain
export type * from './protocol/interaction.js';
export { ERROR_CODES, InteractionError, isInteractionErrorCode, safeHexColor, safeHttpUrl } from './protocol/index.js';
export type { InteractionErrorCode } from './protocol/index.js';
export type { InteractionClient, RequestOptions } from './client/types.js';
