/**
 * Toolbar and decorator shared by every story: locale (every shipped locale), theme preset,
 * color scheme and text direction. The decorator renders the kit's provider around the story,
 * so screens inside inherit the language, the direction and the theme.
 */
import type { Decorator, Preview } from '@storybook/react-vite';
import {
  ConsentKitProvider,
  createConsentKitI18n,
  createTheme,
  NAMESPACE,
  presets,
  SUPPORTED_LANGUAGES,
  type CompiledTheme,
  type Theme,
} from '../src/index.js';
import { directionOf } from '../src/i18n/languages.js';
import en from '../src/locales/en/consent-kit.json';
import '../src/styles/tokens.css';
import '../src/styles/ui.css';
import '../src/styles/consent.css';
import '../src/styles/sign-in.css';
import './preview.css';

/**
 * A pseudo-locale for right-to-left layout checks while the kit ships no RTL language: English
 * strings, `dir="rtl"` (the kit counts a host's own bundle as supported).
 */
export const PSEUDO_RTL = 'ar-XB';

const i18n = createConsentKitI18n();
i18n.addResourceBundle(PSEUDO_RTL, NAMESPACE, en);

type PresetId = keyof typeof presets;

/** Globals of the toolbar, as the story tests set them through the URL. */
export interface KitGlobals {
  locale: string;
  preset: PresetId;
  scheme: 'preset' | 'light' | 'dark' | 'system';
  dir: 'auto' | 'rtl';
}

const compiled = new Map<string, CompiledTheme>();

/** The theme a story is shown with: the preset, with the toolbar's scheme when one is chosen. */
export function themeOf(globals: Partial<KitGlobals>): CompiledTheme {
  const key = `${globals.preset}/${globals.scheme}`;
  let theme = compiled.get(key);
  if (!theme) {
    const preset: Theme = presets[globals.preset ?? 'default'] ?? presets.default;
    const scheme = globals.scheme ?? 'preset';
    theme = createTheme(scheme === 'preset' ? preset : { ...preset, colorScheme: scheme });
    compiled.set(key, theme);
  }
  return theme;
}

/** The locale a story is shown in: the chosen one, or the RTL pseudo-locale when forcing RTL. */
export function localeOf(globals: Partial<KitGlobals>): string {
  const locale = globals.locale ?? 'en';
  return globals.dir === 'rtl' && directionOf(locale) !== 'rtl' ? PSEUDO_RTL : locale;
}

const withKit: Decorator = (Story, context) => {
  const globals = context.globals as Partial<KitGlobals>;
  const { kitFrame = true, padding } = context.parameters as { kitFrame?: boolean; padding?: 'none' };
  if (!kitFrame) return <Story />;
  return (
    <ConsentKitProvider i18n={i18n} locale={localeOf(globals)} theme={themeOf(globals)}>
      <div className="sb-ck-canvas" data-padding={padding}>
        <Story />
      </div>
    </ConsentKitProvider>
  );
};

const preview: Preview = {
  decorators: [withKit],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true },
    // The accessibility panel (addon-a11y) checks the rules the story tests check: WCAG 2.0 and
    // 2.1, A and AA. 'error': a violation fails a story run, not just a warning in the panel.
    a11y: {
      options: { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      test: 'error',
    },
    options: { storySort: { order: ['Docs', 'Screens', 'Theming', 'Stress', '*'] } },
  },
  initialGlobals: { locale: 'en', preset: 'default', scheme: 'preset', dir: 'auto' } satisfies KitGlobals,
  globalTypes: {
    locale: {
      description: 'Language of the screens (every shipped locale)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: SUPPORTED_LANGUAGES.map((lng) => ({ value: lng, title: lng })),
        dynamicTitle: true,
      },
    },
    preset: {
      description: 'Theme preset',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: Object.entries(presets).map(([value, theme]) => ({ value, title: theme.name ?? value })),
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Color scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'preset', title: "Preset's default" },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'system', title: 'Follow the system' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'auto', title: "Locale's direction" },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
};

export default preview;
