/**
 * `<LogoImage>`: an app logo or user avatar with a generated monogram fallback. The monogram
 * shows when the URL is missing, unsafe, or fails to load, so the header never shows a broken
 * image icon and never hands an unsafe URL to `src`.
 */
import { useMemo, useState, type CSSProperties } from 'react';
import { useCssVariables } from '../theme/runtime.js';
import { safeHttpUrl } from '../protocol/url.js';
import { cx } from './cx.js';

/** Props of {@link LogoImage}. */
export interface LogoImageProps {
  /** Untrusted image URL (light scheme, or the only one). */
  src?: string | undefined;
  /** Untrusted image URL for dark schemes. */
  darkSrc?: string | undefined;
  /** The name the monogram is generated from. */
  name: string;
  /** Accessible text; empty for decorative images. */
  alt: string;
  /** `square` for app logos, `round` for avatars. */
  shape?: 'square' | 'round';
  size?: 'sm' | 'lg';
  className?: string;
}

/** Up to two initials from the letters and digits of `name`; `?` when it has none. */
export function monogramOf(name: string): string {
  // Markup-looking runs (`<img …>`) are skipped for the initials only; the name itself is
  // always rendered as text elsewhere.
  const words = name
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .map((word) => Array.from(word).find((ch) => /[\p{L}\p{N}]/u.test(ch)));
  const initials = words.filter((ch): ch is string => ch !== undefined).slice(0, 2);
  return initials.length ? initials.join('').toLocaleUpperCase() : '?';
}

/** A stable hue (0–359) from the name, so one app always gets the same color. */
function hueOf(name: string): number {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** An image with monogram fallback. */
export function LogoImage({ src, darkSrc, name, alt, shape = 'square', size = 'lg', className }: LogoImageProps) {
  const light = safeHttpUrl(src);
  const dark = safeHttpUrl(darkSrc);
  // Remember which URL failed: a new URL deserves a new attempt.
  const [failed, setFailed] = useState<string | undefined>();
  const url = light ?? dark;
  const classes = cx('ck-logo', className);
  // Through the CSSOM, not a style attribute: a strict CSP refuses those in server-rendered markup.
  const monogram = useCssVariables<HTMLSpanElement>(
    useMemo(() => ({ ['--ck-monogram-hue' as string]: String(hueOf(name)) }) as CSSProperties, [name]),
  );

  if (!url || failed === url) {
    return (
      <span
        ref={monogram}
        className={classes}
        data-shape={shape}
        data-size={size}
        data-fallback=""
        // Named as an image when it stands for something, hidden when decorative.
        {...(alt ? { role: 'img', 'aria-label': alt } : { 'aria-hidden': true })}
      >
        {monogramOf(name)}
      </span>
    );
  }
  return (
    <picture className={classes} data-shape={shape} data-size={size}>
      {dark && light && <source srcSet={dark} media="(prefers-color-scheme: dark)" />}
      <img className="ck-logo__img" src={url} alt={alt} onError={() => setFailed(url)} referrerPolicy="no-referrer" />
    </picture>
  );
}
