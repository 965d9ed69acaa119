// A Server Component: compiles the operator's theme on the server through consent-kit/theme
// (no 'use client' directive there, no React), then hands the page to the client component.
import { createTheme, mergeThemes, presets, themeToCss } from 'consent-kit/theme';
import Interaction from './interaction.jsx';

export const dynamic = 'force-dynamic';

export default async function Page({ params }) {
  const { uid } = await params;
  const theme = createTheme(mergeThemes(presets.default, { colors: { light: { brand: '#0e7490' } } }));
  return (
    <main>
      <style>{themeToCss(theme.theme)}</style>
      <Interaction uid={uid} />
    </main>
  );
}
