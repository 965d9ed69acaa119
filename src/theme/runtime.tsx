/**
 * Applying a theme at run time: the provider's `theme` prop becomes CSS variables on the kit
 * root, set through the CSSOM (React's `style`), which a strict CSP without `unsafe-inline`
 * allows. Server-rendered hosts under such a CSP use {@link themeToCss} in a stylesheet instead.
 */
import { useMemo, useSyncExternalStore, type CSSProperties } from 'react';
import { themeVariables } from './derive.js';
import type { Theme } from './model.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemIsDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** Whether the system asks for a dark scheme, kept up to date. `false` on the server. */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, systemIsDark, () => false);
}

const warned = new Set<string>();

function isDevelopment(): boolean {
  try {
    // Replaced by the host's bundler; absent `process` (a bare browser) counts as development.
    return process.env.NODE_ENV !== 'production';
  } catch {
    return true;
  }
}

/** Logs each theme warning once, in development only. */
export function reportThemeWarnings(theme: Theme, warnings: readonly string[]): void {
  if (!warnings.length || !isDevelopment()) return;
  for (const warning of warnings) {
    const message = `consent-kit theme${theme.name ? ` "${theme.name}"` : ''}: ${warning}`;
    if (warned.has(message)) continue;
    warned.add(message);
    console.warn(message);
  }
}

/** What the kit root gets from a theme. */
export interface AppliedTheme {
  /** The scheme in force (`data-theme`). */
  scheme: 'light' | 'dark';
  /** `--ck-` variables for that scheme. */
  style: CSSProperties;
}

/**
 * The scheme and variables of `theme` for the root element. `forced` (the `light` / `dark`
 * string form of the `theme` prop, or an outer override) wins over the theme's own scheme.
 */
export function useAppliedTheme(theme: Theme | undefined, forced?: 'light' | 'dark'): AppliedTheme | undefined {
  const systemDark = useSystemDark();
  const wanted = forced ?? theme?.colorScheme ?? 'system';
  const scheme: 'light' | 'dark' = wanted === 'system' ? (systemDark ? 'dark' : 'light') : wanted;
  return useMemo(() => {
    if (!theme) return undefined;
    const { value, warnings } = themeVariables(theme, scheme);
    reportThemeWarnings(theme, warnings);
    return { scheme, style: value as CSSProperties };
  }, [theme, scheme]);
}
