/**
 * The four presets side by side, and the brand-contrast matrix the story tests measure: for
 * each preset and each awkward brand color, in light and dark, the primary button, a link and
 * an info badge as the kit draws them.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { Fragment } from 'react';
import { ConsentKitProvider, createTheme, mergeThemes, presets, type Theme } from '../../src/index.js';
import { Badge } from '../../src/ui/checkbox-field.js';
import { Button } from '../../src/ui/button.js';
import { consentStep } from '../../test/fixtures/steps.js';
import { BRAND_SAMPLES } from '../../test/unit/theme/brand-colors.js';
import { ConsentFor } from '../support/screens.js';
import './theming.css';

const meta = {
  title: 'Theming/Presets',
  parameters: { controls: { disable: true } },
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

function PresetColumn({ id, scheme }: { id: keyof typeof presets; scheme: 'light' | 'dark' }) {
  return (
    <ConsentKitProvider theme={createTheme({ ...presets[id], colorScheme: scheme })}>
      <ConsentFor step={consentStep({ uid: `preset-${id}-${scheme}` })} />
    </ConsentKitProvider>
  );
}

/** Every preset in light. */
export const AllLight: Story = {
  render: () => (
    <div className="sb-presets">
      {(Object.keys(presets) as (keyof typeof presets)[]).map((id) => (
        <PresetColumn key={id} id={id} scheme="light" />
      ))}
    </div>
  ),
};

/** Every preset in dark. */
export const AllDark: Story = {
  render: () => (
    <div className="sb-presets">
      {(Object.keys(presets) as (keyof typeof presets)[]).map((id) => (
        <PresetColumn key={id} id={id} scheme="dark" />
      ))}
    </div>
  ),
};

function Cell({ theme, label }: { theme: Theme; label: string }) {
  return (
    <ConsentKitProvider theme={createTheme(theme)}>
      <div className="sb-matrix__cell" data-contrast-cell={label}>
        <p className="sb-matrix__label">{label}</p>
        <Button variant="primary">Authorize</Button>
        <a className="ck-link" href="#terms" data-contrast-link="">
          Terms of service
        </a>
        <span>
          <Badge tone="info">Third-party app</Badge>
        </span>
      </div>
    </ConsentKitProvider>
  );
}

/**
 * Preset × brand color × scheme. The story tests read the computed colors of every cell and
 * require 4.5:1 for the button text, the link and the badge.
 */
export const BrandContrast: Story = {
  render: () => (
    <div className="sb-matrix">
      {(['light', 'dark'] as const).map((scheme) =>
        (Object.keys(presets) as (keyof typeof presets)[]).map((id) => (
          <Fragment key={`${scheme}-${id}`}>
            <h2>
              {presets[id].name} — {scheme}
            </h2>
            <Cell theme={{ ...presets[id], colorScheme: scheme }} label={`${id} ${scheme} (preset brand)`} />
            {Object.entries(BRAND_SAMPLES).map(([name, brand]) => (
              <Cell
                key={name}
                theme={mergeThemes(presets[id], { colorScheme: scheme, colors: { light: { brand }, dark: { brand } } })}
                label={`${id} ${scheme} ${name} ${brand}`}
              />
            ))}
          </Fragment>
        )),
      )}
    </div>
  ),
};
