/**
 * `<BrandLogo>`: the operator's (or organization's) logo from the theme, with the dark variant
 * in dark schemes. Renders nothing when the theme has no safe logo URL, so hosts can place it
 * unconditionally (e.g. above a screen).
 */
import { forwardRef } from 'react';
import { useKitTheme } from '../theme/context.js';
import { safeHttpUrl } from '../protocol/url.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';

/** Props of {@link BrandLogo}. */
export type BrandLogoProps = PartProps;

/** The theme's logo in a `<div>` (the ref's element), or nothing. */
export const BrandLogo = forwardRef<HTMLDivElement, BrandLogoProps>(function BrandLogo({ className }, ref) {
  const { theme: compiled, scheme } = useKitTheme();
  const theme = compiled?.theme;
  const light = safeHttpUrl(theme?.logo?.light);
  const dark = safeHttpUrl(theme?.logo?.dark);
  const src = scheme === 'dark' ? (dark ?? light) : (light ?? dark);
  if (!src) return null;
  return (
    <div ref={ref} className={cx('ck-brand', className)} data-scheme={scheme}>
      <img className="ck-brand__logo" src={src} alt={theme?.logoAlt ?? ''} referrerPolicy="no-referrer" />
    </div>
  );
});
