/**
 * Applying a compiled theme at run time: the provider's `theme` prop becomes CSS variables on
 * the kit root, set through the CSSOM (`useCssVariables`), which a strict CSP without
 * `unsafe-inline` allows. Server-rendered hosts under such a CSP use `themeToCss` in a
 * stylesheet instead. No color math here: see `createTheme()`.
 */
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type CSSProperties, type RefObject } from 'react';
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

/** `useLayoutEffect` in browsers (before paint), `useEffect` on the server (where neither runs). */
const useBrowserLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * Sets `variables` on the element of the returned ref through the CSSOM, before paint, and
 * removes the ones it set before when they change. Never as a `style` attribute in the markup:
 * a server-rendered attribute is refused by a Content-Security-Policy without `'unsafe-inline'`
 * (and hydration would not set it again), while the CSSOM is allowed; a server-rendered page
 * gets the same variables from a stylesheet (`themeToCss`) until the screen hydrates.
 */
export function useCssVariables<T extends HTMLElement>(variables: CSSProperties | undefined): RefObject<T | null> {
  const ref = useRef<T>(null);
  const applied = useRef<{ element: T | null; variables: CSSProperties | undefined }>({
    element: null,
    variables: undefined,
  });
  useBrowserLayoutEffect(() => {
    const element = ref.current;
    const previous = applied.current;
    if (previous.element === element && previous.variables === variables) return;
    if (previous.element && previous.variables) {
      for (const name of Object.keys(previous.variables)) previous.element.style.removeProperty(name);
    }
    if (element && variables) {
      for (const [name, value] of Object.entries(variables)) element.style.setProperty(name, String(value));
    }
    applied.current = { element, variables };
  });
  return ref;
}
