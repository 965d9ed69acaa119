/**
 * `<BrandLogo>`: the operator's (or organization's) logo from the theme, with the dark variant
 * in dark schemes. Renders nothing when the theme has no safe logo URL, so hosts can place it
 * unconditionally (e.g. above a screen). A provider's logo (named after its app or
 * organization) that fails to load is replaced by the name's monogram, as the app's logo is;
 * the operator's own, unnamed, simply disappears.
 */
import { forwardRef } from 'react';
import { useKitTheme } from '../theme/context.js';
import { safeHttpUrl } from '../protocol/url.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { LogoImage } from '../ui/logo-image.js';
import { providerString } from '../ui/provider-text.js';

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
  const name = theme?.logoAlt;
  return (
    <div ref={ref} className={cx('ck-brand', className)} data-scheme={scheme}>
      {name ? (
        <LogoImage className="ck-brand__logo" src={src} name={name} alt={providerString(name)} size="sm" />
      ) : (
        <img className="ck-brand__logo" src={src} alt="" referrerPolicy="no-referrer" />
      )}
    </div>
  );
});
