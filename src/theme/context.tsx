/**
 * The theme a kit root applies, shared with nested providers and with parts that render theme
 * content (`<BrandLogo>`), and the request's provider branding laid over it.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { CompiledTheme, Theme } from './model.js';
import type { RequestBranding } from './request.js';
import { isCompiledTheme, useSystemDark } from './runtime.js';

/** Color scheme override; without it the kit follows `prefers-color-scheme`. */
export type ConsentKitTheme = 'light' | 'dark';

/** What a provider's `theme` prop takes. */
export type ThemeInput = ConsentKitTheme | CompiledTheme | undefined;

/** The theme in force under a provider (branding applied). */
export const ThemeContext = createContext<{ theme: ThemeInput } | null>(null);

type BrandModule = typeof import('./brand.js');
let brandModule: BrandModule | undefined;
let brandModuleLoading: Promise<BrandModule> | undefined;

/**
 * `theme` with the request's branding over it, once the (lazy) compiler is loaded, and whether
 * it is still loading (the provider then holds the first paint, as it does for a locale chunk).
 */
export function useBrandedTheme(
  theme: ThemeInput,
  branding: RequestBranding | undefined,
): { theme: ThemeInput; pending: boolean } {
  const [module, setModule] = useState(brandModule);
  const key = branding ? JSON.stringify(branding) : undefined;
  useEffect(() => {
    if (!key || module) return;
    let active = true;
    brandModuleLoading ??= import('./brand.js').then((loaded) => {
      brandModule = loaded;
      return loaded;
    });
    void brandModuleLoading.then((loaded) => {
      if (active) setModule(() => loaded);
    });
    return () => {
      active = false;
    };
  }, [key, module]);
  const branded = useMemo(() => {
    if (!key || !module) return theme;
    const base: Theme | undefined = isCompiledTheme(theme) ? theme.theme : theme ? { colorScheme: theme } : undefined;
    return module.brandTheme(base, JSON.parse(key) as RequestBranding) ?? theme;
  }, [key, module, theme]);
  return { theme: branded, pending: Boolean(key) && !module };
}

/**
 * The compiled theme in force (if any) and the color scheme being shown, for parts that render
 * theme content such as `<BrandLogo>`.
 */
export function useKitTheme(): { theme: CompiledTheme | undefined; scheme: 'light' | 'dark' } {
  const value = useContext(ThemeContext)?.theme;
  const theme = isCompiledTheme(value) ? value : undefined;
  const systemDark = useSystemDark();
  const wanted = typeof value === 'string' ? value : (theme?.colorScheme ?? 'system');
  return {
    theme,
    scheme: wanted === 'system' ? (systemDark ? 'dark' : 'light') : wanted,
  };
}
