/**
 * The typed theme: what a designer may change, and how it becomes `--ck-` CSS variables.
 *
 * A theme sets *semantic* tokens (tier 2) and a few primitives (radius, spacing, font); the
 * component tokens (tier 3, `--ck-button-radius` …) follow from them. Everything a theme does
 * can also be written by hand in CSS: {@link themeToCss} prints exactly that.
 */

/** `system` follows `prefers-color-scheme`. */
export type ColorScheme = 'light' | 'dark' | 'system';

/** The colors of one scheme. All optional: missing ones keep the kit's defaults. */
export interface ThemeColors {
  /**
   * The brand color. Hover, pressed, focus ring, the subtle tint, the text on it and the
   * brand-colored text on surfaces are derived from it with WCAG AA contrast.
   */
  brand?: string | undefined;
  /** Forces the text color on the brand color (otherwise white or near-black, whichever reads best). */
  onBrand?: string | undefined;
  /** Page background behind the card. */
  canvas?: string | undefined;
  /** Card background. */
  surface?: string | undefined;
  /** Quiet panels inside the card (account row, withheld list). */
  surfaceMuted?: string | undefined;
  /** Chips and hovered secondary buttons. */
  surfaceRaised?: string | undefined;
  border?: string | undefined;
  borderStrong?: string | undefined;
  text?: string | undefined;
  textMuted?: string | undefined;
  danger?: string | undefined;
  warning?: string | undefined;
}

/** A logo in light and dark variants (absolute `https:` / `http:` URLs). */
export interface ThemeLogo {
  light?: string | undefined;
  dark?: string | undefined;
}

/** A complete or partial theme. Every field is optional; see {@link mergeThemes}. */
export interface Theme {
  /** Shown in Storybook and in warnings. */
  name?: string | undefined;
  /** Default `system`. */
  colorScheme?: ColorScheme | undefined;
  colors?: { light?: ThemeColors | undefined; dark?: ThemeColors | undefined } | undefined;
  /** Corner radius of controls (CSS length); small and large radii scale from it. `0` for square. */
  radius?: string | undefined;
  font?:
    | {
        /** `font-family` of all text. */
        family?: string | undefined;
        /** `font-family` of scope values and resource indicators. */
        mono?: string | undefined;
        /** Base font size (CSS length); the other sizes scale from it. */
        size?: string | undefined;
      }
    | undefined;
  /** The spacing unit (CSS length, default `0.25rem`): `--ck-space-N` is N units. */
  spacing?: string | undefined;
  /** Card shadow (`none` for a flat, paper-like card). */
  shadow?: string | undefined;
  /** The operator's or organization's logo, shown by `<BrandLogo>`. */
  logo?: ThemeLogo | undefined;
  /** Text alternative of {@link Theme.logo} (the brand's name). */
  logoAlt?: string | undefined;
}

/** A theme ready for the provider's `theme` prop: see `createTheme()`. */
export interface CompiledTheme {
  readonly kind: 'consent-kit/theme';
  /** The theme it was made from. */
  readonly theme: Theme;
  readonly colorScheme: ColorScheme;
  /** `--ck-` variables per scheme. */
  readonly variables: {
    readonly light: Readonly<Record<string, string>>;
    readonly dark: Readonly<Record<string, string>>;
  };
  /** What derivation had to change or found unreadable (also logged once in development). */
  readonly warnings: readonly string[];
}

/** Branding a provider supplies for the app or the organization of a request. */
export interface Branding {
  /** Brand color in light and dark schemes. */
  brand?: { light?: string | undefined; dark?: string | undefined } | undefined;
  logo?: ThemeLogo | undefined;
  /** The brand's display name (alt text of the logo). Untrusted text. */
  name?: string | undefined;
}

/**
 * Merges themes, later ones winning field by field (colors per scheme and per color, font per
 * field), so a partial theme overrides only what it sets. A logo is replaced as a whole, with
 * its alt text: an organization's light logo must not pair with the operator's dark one.
 * `undefined` entries are skipped.
 */
export function mergeThemes(...themes: (Theme | undefined)[]): Theme {
  const out: Theme = {};
  for (const theme of themes) {
    if (!theme) continue;
    for (const [key, value] of Object.entries(theme) as [keyof Theme, unknown][]) {
      if (value === undefined) continue;
      if (key === 'colors') {
        const colors = value as NonNullable<Theme['colors']>;
        out.colors = {
          light: { ...out.colors?.light, ...definedOnly(colors.light) },
          dark: { ...out.colors?.dark, ...definedOnly(colors.dark) },
        };
      } else if (key === 'logo') {
        out.logo = { ...(value as ThemeLogo) };
        if (theme.logoAlt === undefined) delete out.logoAlt;
      } else if (key === 'font') {
        (out as Record<string, unknown>)[key] = {
          ...(out[key] as object | undefined),
          ...definedOnly(value as object),
        };
      } else {
        (out as Record<string, unknown>)[key] = value;
      }
    }
  }
  return out;
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A provider's branding as a partial theme. */
export function brandingToTheme(branding: Branding | undefined): Theme | undefined {
  if (!branding) return undefined;
  const light = branding.brand?.light;
  const dark = branding.brand?.dark ?? light;
  return {
    colors: light || dark ? { light: { brand: light ?? dark }, dark: { brand: dark } } : undefined,
    logo: branding.logo,
    logoAlt: branding.logo && branding.name ? branding.name : undefined,
  };
}

/**
 * The theme of one request: organization branding over the app's over the operator's theme
 * over the kit's default (Logto's precedence). Only what each level sets overrides the level
 * below; an organization that supplies a logo but no color keeps the app's or operator's color.
 */
export function resolveBranding(options: {
  theme?: Theme | undefined;
  app?: Branding | undefined;
  organization?: Branding | undefined;
}): Theme {
  return mergeThemes(options.theme, brandingToTheme(options.app), brandingToTheme(options.organization));
}
