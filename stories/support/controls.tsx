/**
 * Controls of the main screen stories: what a designer changes (the fixture shown, the host's
 * language, a brand color), not every prop of the component. Fixtures come from test/fixtures,
 * the same ones the tests use.
 */
import type { ArgTypes, Decorator } from '@storybook/react-vite';
import { ConsentKitProvider, createTheme, mergeThemes, SUPPORTED_LANGUAGES } from '../../src/index.js';
import { themeOf, type KitGlobals } from '../../.storybook/preview.js';

/** Args every main screen story takes beside the component's own. */
export interface DesignArgs {
  /** The host's language: used when the request's `ui_locales` match no kit locale. */
  locale?: string | undefined;
  /** A brand color over the toolbar's theme preset, in both schemes (derived for contrast). */
  brand?: string | undefined;
}

/**
 * A select over named fixtures. The arg stays the name (a plain string in the panel); the story
 * looks the fixture up and re-mounts the screen with it (a screen takes its step once).
 */
export function fixtureControl(fixtures: Record<string, unknown>, description: string): ArgTypes[string] {
  return {
    description,
    options: Object.keys(fixtures),
    control: { type: 'select' },
    table: { category: 'Story' },
  };
}

export const designArgTypes = {
  locale: {
    description: "The host's language choice, used when the request's `ui_locales` match no kit locale.",
    options: [...SUPPORTED_LANGUAGES],
    control: { type: 'select' },
  },
  brand: {
    description:
      "A brand color over the toolbar's theme preset (light and dark); hover, focus and text on it are derived with WCAG AA contrast.",
    control: { type: 'color', presetColors: ['#1d4ed8', '#0e7490', '#b45309', '#be123c', '#15803d', '#fde047'] },
    table: { category: 'Story' },
  },
} satisfies ArgTypes;

/** Applies the `brand` arg: the toolbar's preset with that brand color, around the story. */
export const withBrand: Decorator = (Story, context) => {
  const brand = (context.args as DesignArgs).brand;
  if (!brand) return <Story />;
  const base = themeOf(context.globals as Partial<KitGlobals>);
  const theme = createTheme(mergeThemes(base.theme, { colors: { light: { brand }, dark: { brand } } }));
  return (
    <ConsentKitProvider theme={theme}>
      <Story />
    </ConsentKitProvider>
  );
};
