/**
 * Loaded lazily by the provider when a step carries provider branding: the operator's theme
 * with the app's and organization's branding over it, compiled with the same contrast rules
 * as any theme. Pages whose steps carry no branding never load it.
 */
import { safeHexColor } from '../protocol/branding.js';
import { safeHttpUrl } from '../protocol/url.js';
import { createTheme } from './compile.js';
import { resolveBranding, type Branding, type CompiledTheme, type Theme } from './model.js';
import type { RequestBranding } from './request.js';

/** Keeps only hex colors and http(s) logos, whoever built the branding. */
function clean(branding: Branding | undefined): Branding | undefined {
  if (!branding) return undefined;
  const light = safeHexColor(branding.brand?.light);
  const dark = safeHexColor(branding.brand?.dark);
  const logoLight = safeHttpUrl(branding.logo?.light);
  const logoDark = safeHttpUrl(branding.logo?.dark);
  return {
    brand: light || dark ? { light, dark } : undefined,
    logo: logoLight || logoDark ? { light: logoLight, dark: logoDark } : undefined,
    name: branding.name,
  };
}

/**
 * The compiled theme of one request: organization over app over `base`. `undefined` when the
 * branding cannot be compiled (the screens then keep the operator's theme).
 */
export function brandTheme(base: Theme | undefined, branding: RequestBranding): CompiledTheme | undefined {
  try {
    return createTheme(
      resolveBranding({ theme: base, app: clean(branding.app), organization: clean(branding.organization) }),
    );
  } catch {
    return undefined;
  }
}
