/**
 * `<SafeLink>`: a link to a provider-supplied URL. The URL goes through `safeHttpUrl` (the
 * kit's only URL check); anything else (`javascript:`, `data:` …) renders nothing at all,
 * because a dead link that looks clickable is worse than no link.
 */
import type { AnchorHTMLAttributes, ReactElement, ReactNode } from 'react';
import { safeHttpUrl } from '../protocol/url.js';
import { cx } from './cx.js';

/** Props of {@link SafeLink}. */
export interface SafeLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href' | 'rel' | 'target'> {
  /** Untrusted URL. */
  href: string | undefined;
  children: ReactNode;
}

/**
 * Opens in a new tab with `rel="noopener noreferrer"`: the page is the provider's consent
 * screen, and the linked document must get neither a `window.opener` handle nor a referrer
 * carrying the interaction URL.
 */
export function SafeLink({ href, className, children, ...rest }: SafeLinkProps): ReactElement | null {
  const url = safeHttpUrl(href);
  if (!url) return null;
  return (
    <a {...rest} className={cx('ck-link', className)} href={url} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
