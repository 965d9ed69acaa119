/**
 * Applying a compiled theme at run time: the provider's `theme` prop becomes CSS variables on
 * the kit root, set through the CSSOM (React's `style`), which a strict CSP without
 * `unsafe-inline` allows. Server-rendered hosts under such a CSP use `themeToCss` in a
 * stylesheet instead. No color math here: see `createTheme()`.
 */
import { useSyncExternalStore, type CSSProperties } from 'react';
import type { CompiledTheme } from './model.js';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemIsDark(): boolean {
  return (
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
  );
}

/** Whether the system asks for a dark scheme, kept up to date. `false` on the server. */
export function useSystemDark(): boolean {
  return useSyncExternalStore(subscribe, systemIsDark, () => false);
}

/** Whether `value` came from `createTheme()`. */
export function isCompiledTheme(value: unknown): value is CompiledTheme {
  return typeof value === 'object' && value !== null && (value as CompiledTheme).kind === 'consent-kit/theme';
}

/** What the kit root gets from a theme. */
export interface AppliedTheme {
  /** The scheme in force (`data-theme`). */
  scheme: 'light' | 'dark';
  /** `--ck-` variables for that scheme. */
  style: CSSProperties | undefined;
}

/** The scheme and variables of a compiled theme for the root element. */
export function useAppliedTheme(theme: CompiledTheme | undefined): AppliedTheme | undefined {
  const systemDark = useSystemDark();
  if (!theme) return undefined;
  const scheme: 'light' | 'dark' = theme.colorScheme === 'system' ? (systemDark ? 'dark' : 'light') : theme.colorScheme;
  const vars = theme.variables[scheme];
  return { scheme, style: Object.keys(vars).length ? (vars as CSSProperties) : undefined };
}
