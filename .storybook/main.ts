/**
 * Storybook 10 for designers: every screen state from test/fixtures, the theme builder, the
 * presets and the docs pages. Builds offline (`npm run build-storybook`); the story tests in
 * test/storybook build it into a temp folder and visit every story in Chromium.
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(tsx|ts)'],
  addons: ['@storybook/addon-docs'],
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
  // Argument tables are written by hand in the docs pages; docgen would only slow the build.
  typescript: { reactDocgen: false },
  staticDirs: ['../stories/assets'],
};

export default config;
