/**
 * Ready themes. Start from one and override what your brand needs:
 * `mergeThemes(presets.paper, { colors: { light: { brand: '#0a7' } } })`.
 */
import type { Theme } from './model.js';

/** The kit's own look: indigo, follows the system scheme. */
const defaultTheme: Theme = { name: 'Default' };

/** Dark first: a deep navy card with a teal brand; light only when the host asks for it. */
const midnight: Theme = {
  name: 'Midnight',
  colorScheme: 'dark',
  colors: {
    dark: {
      brand: '#2dd4bf',
      canvas: '#020617',
      surface: '#0f172a',
      surfaceMuted: '#16213a',
      surfaceRaised: '#1e2a44',
      border: '#1e2a44',
      borderStrong: '#334155',
      text: '#f1f5f9',
      textMuted: '#cbd5e1',
      danger: '#fca5a5',
      warning: '#fcd34d',
    },
    light: { brand: '#0f766e' },
  },
  radius: '0.75rem',
};

/** Minimal, paper-like: warm off-white, ink brand, serif type, square-ish corners, no shadow. */
const paper: Theme = {
  name: 'Paper',
  colors: {
    light: {
      brand: '#1f1d1a',
      canvas: '#f6f3ec',
      surface: '#fffdf8',
      surfaceMuted: '#f7f3ea',
      surfaceRaised: '#eee8da',
      border: '#e2dccd',
      borderStrong: '#a59d89',
      text: '#1f1d1a',
      textMuted: '#57524a',
    },
    dark: {
      brand: '#ece8df',
      canvas: '#151412',
      surface: '#1d1c19',
      surfaceMuted: '#24231f',
      surfaceRaised: '#2e2c27',
      border: '#34322c',
      borderStrong: '#57534a',
      text: '#ece8df',
      textMuted: '#c2bcae',
    },
  },
  radius: '0.125rem',
  shadow: 'none',
  font: { family: "'Iowan Old Style', 'Palatino Linotype', Palatino, 'Noto Serif', 'Noto Serif KR', Georgia, serif" },
};

/** High contrast: black on white (white on black in dark), strong borders, 7:1 text. */
const highContrast: Theme = {
  name: 'High contrast',
  colors: {
    light: {
      brand: '#0000c8',
      canvas: '#ffffff',
      surface: '#ffffff',
      surfaceMuted: '#ffffff',
      surfaceRaised: '#eeeeee',
      border: '#000000',
      borderStrong: '#000000',
      text: '#000000',
      textMuted: '#1f1f1f',
      danger: '#a00000',
      warning: '#5c3b00',
    },
    dark: {
      brand: '#ffff00',
      canvas: '#000000',
      surface: '#000000',
      surfaceMuted: '#000000',
      surfaceRaised: '#1f1f1f',
      border: '#ffffff',
      borderStrong: '#ffffff',
      text: '#ffffff',
      textMuted: '#f0f0f0',
      danger: '#ff9b9b',
      warning: '#ffd54f',
    },
  },
  radius: '0.25rem',
  shadow: 'none',
};

/** The presets by id. */
export const presets = {
  default: defaultTheme,
  midnight,
  paper,
  'high-contrast': highContrast,
} as const satisfies Record<string, Theme>;

/** A preset id. */
export type PresetName = keyof typeof presets;
