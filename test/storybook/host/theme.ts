/** The host page's theme: mounted through the theme prop, and printed with themeToCss by the setup. */
import type { Theme } from '../../../src/theme/model.js';

export const THEME: Theme = {
  colors: { light: { brand: '#0e7490' }, dark: { brand: '#0e7490' } },
  radius: '3px',
  font: { family: 'Verdana, sans-serif' },
};
