/**
 * `createTheme()`: turns a {@link Theme} into the variables of both schemes once, ahead of
 * rendering. The provider only picks the set for the scheme in force, so a page that passes no
 * theme never loads the color math (it is tree-shaken away), and a themed page computes it
 * once per theme rather than per render.
 */
import { themeVariables } from './derive.js';
import type { CompiledTheme, Theme } from './model.js';

const warned = new Set<string>();

function isDevelopment(): boolean {
  try {
    // Replaced by the host's bundler; a bare browser without `process` counts as development.
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

/**
 * Compiles a theme for the provider's `theme` prop. Throws a `TypeError` for a color, length
 * or value it cannot use; logs (in development) where it had to change a color to keep text
 * readable, or where a color you chose does not reach 4.5:1.
 */
export function createTheme(theme: Theme): CompiledTheme {
  const light = themeVariables(theme, 'light');
  const dark = themeVariables(theme, 'dark');
  const warnings = [...light.warnings, ...dark.warnings];
  reportThemeWarnings(theme, warnings);
  return {
    kind: 'consent-kit/theme',
    theme,
    colorScheme: theme.colorScheme ?? 'system',
    variables: { light: light.value, dark: dark.value },
    warnings,
  };
}
