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

/**
 * The theme in force under a provider (branding applied), and the `data-theme` of the element
 * that applies it, so a nested provider knows whether it shows another scheme.
 */
export const ThemeContext = createContext<{ theme: ThemeInput; scheme: string | undefined } | null>(null);

type BrandModule = typeof import('./brand.js');
let brandModule: BrandModule | undefined;
let brandModuleLoading: Promise<BrandModule> | undefined;

/**
 * Loads (once) the theme compiler that applies a request's branding, a chunk of its own.
 * `preloadStep` calls it before mounting, so a branded step's first render is already branded.
 */
export function loadBrandModule(): Promise<BrandModule> {
  brandModuleLoading ??= import('./brand.js').then((loaded) => {
    brandModule = loaded;
    return loaded;
  });
  return brandModuleLoading;
}

/** Branded themes the server compiled and put in the page, by branding (`brandingKey`). */
const precompiled = new Map<string, CompiledTheme>();

/** The key a request's branding is known by (the same on the server and in the browser). */
export function brandingKey(branding: RequestBranding): string {
  return JSON.stringify(branding);
}

/**
 * A request's branding compiled by the server (`renderInteraction`), so the browser applies it
 * without loading the compiler: `preloadStep` registers what the page carries.
 */
export function addPrecompiledBranding(key: string, theme: CompiledTheme): void {
  precompiled.set(key, theme);
}

/**
 * `theme` with the request's branding over it, once the (lazy) compiler is loaded, and whether
 * it is still loading (the provider then holds the first paint, as it does for a locale chunk).
 */
export function useBrandedTheme(
  theme: ThemeInput,
  branding: RequestBranding | undefined,
): { theme: ThemeInput; pending: boolean } {
  const [state, setModule] = useState(brandModule);
  // Loaded since this provider mounted (by another provider or preloadStep): no need to wait.
  const module = state ?? brandModule;
  const key = branding ? brandingKey(branding) : undefined;
  // Compiled by the server for this page: no compiler to wait for.
  const ready = key === undefined ? undefined : precompiled.get(key);
  useEffect(() => {
    if (!key || module || ready) return;
    let active = true;
    void loadBrandModule().then((loaded) => {
      if (active) setModule(() => loaded);
    });
    return () => {
      active = false;
    };
  }, [key, module, ready]);
  const branded = useMemo(() => {
    if (ready) return ready;
    if (!key || !module) return theme;
    const base: Theme | undefined = isCompiledTheme(theme) ? theme.theme : theme ? { colorScheme: theme } : undefined;
    return module.brandTheme(base, JSON.parse(key) as RequestBranding) ?? theme;
  }, [key, module, theme, ready]);
  return { theme: branded, pending: Boolean(key) && !module && !ready };
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
