/**
 * Storybook 10 for designers: every screen state from test/fixtures, the theme builder, the
 * presets, the docs pages (one per component, with its props table), the accessibility panel
 * and controls on the main screens. Builds offline (`npm run build-storybook`); the story tests in
 * test/storybook build it into a temp folder and visit every story in Chromium.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(tsx|ts)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    builder: {
      name: '@storybook/builder-vite',
      // Not the library's vite.config.ts (library mode, test projects): a plain app config.
      options: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  /*
   * Props tables from the components' TypeScript types and TSDoc. Babel-based react-docgen, not
   * react-docgen-typescript: the latter drives the TypeScript compiler API, which TypeScript 7
   * (native) no longer has, so it would need @typescript/typescript6 installed beside it and a
   * whole TS program per build. react-docgen reads forwardRef components, follows imported
   * interfaces (`extends PartProps` from ui/part.ts) and keeps the TSDoc of every prop.
   */
  typescript: { reactDocgen: 'react-docgen' },
  staticDirs: ['../stories/assets'],
};

export default config;
