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
export { ConsentScreen, defaultConsentComponents } from './screens/consent-screen.js';
export type { ConsentComponents, ConsentScreenProps } from './screens/consent-screen.js';
export { InteractionScreen } from './screens/interaction-screen.js';
export type { InteractionScreenProps } from './screens/interaction-screen.js';
export { preloadStep } from './screens/preload.js';
export { EMBEDDED_PRELOAD_ID, type EmbeddedPreload, readEmbeddedPreload } from './screens/embedded-preload.js';
export type { PreloadStepOptions } from './screens/preload.js';
export { SignInScreen, signInActions } from './screens/sign-in-screen.js';
export type { SignInScreenProps } from './screens/sign-in-screen.js';
export type { RedirectHandler } from './screens/navigate.js';
export { defaultSignInComponents } from './screens/sign-in-screen.js';
export type { SignInActionEvents, SignInComponents } from './screens/sign-in-screen.js';
export type { ConsentDecisionEvent, ScreenAction, ScreenErrorHandler, SignInEvent } from './screens/events.js';
export type { PartProps } from './ui/part.js';

// Headless consent
export { Consent } from './consent/parts.js';
export type { ConsentRootProps } from './consent/root.js';
export type { ConsentResourceGroupProps, ConsentResourceGroupsProps } from './consent/resource-group.js';
export { ORGANIZATION_FILTER_THRESHOLD } from './consent/organizations.js';
export type { ConsentAppHeaderProps } from './consent/app-header.js';
export { useConsentContext } from './consent/context.js';
export type { ConsentAction, ConsentContextValue, ConsentStatus } from './consent/context.js';
export { defaultDecision, normalizeDecision, useConsent } from './consent/use-consent.js';
export type { ConsentState, UseConsentOptions } from './consent/use-consent.js';

// Headless sign-in
export { SignIn } from './sign-in/parts.js';
export type { SignInRootProps } from './sign-in/root.js';
export { useSignInContext } from './sign-in/context.js';
export type { SignInContextValue } from './sign-in/context.js';
export { useSignIn } from './sign-in/use-sign-in.js';
export type { SignInAction, SignInState, SignInView, UseSignInOptions } from './sign-in/use-sign-in.js';

// Provider (i18n + theme)
export { ConsentKitProvider } from './kit/provider.js';
export type { ConsentKitProviderProps, ConsentKitTheme } from './kit/provider.js';
export { BrandLogo } from './kit/brand-logo.js';
export type { BrandLogoProps } from './kit/brand-logo.js';

// i18n
export { createConsentKitI18n } from './i18n/instance.js';
export type { ConsentKitOverrides } from './i18n/instance.js';
export { directionOf, FALLBACK_CHAINS, NAMESPACE, resolveLanguage, SUPPORTED_LANGUAGES } from './i18n/languages.js';
export type { LanguageSources, SupportedLanguage } from './i18n/languages.js';

// Theming
export { contrast } from './theme/color.js';
export { deriveBrand, themeToCss, themeVariables } from './theme/derive.js';
export type { BrandColors } from './theme/derive.js';
export { createTheme } from './theme/compile.js';
export { mergeThemes, resolveBranding } from './theme/model.js';
export type { Branding, ColorScheme, CompiledTheme, Theme, ThemeColors, ThemeLogo } from './theme/model.js';
export { presets } from './theme/presets.js';
export type { PresetName } from './theme/presets.js';
export { requestBranding } from './theme/request.js';
export type { RequestBranding } from './theme/request.js';

// Protocol: the types the components take, and the error class they explain
export type * from './protocol/interaction.js';
export { ERROR_CODES, InteractionError, isInteractionErrorCode, safeHexColor, safeHttpUrl } from './protocol/index.js';
export type { InteractionErrorCode } from './protocol/index.js';
export type { InteractionClient, RequestOptions } from './client/types.js';
