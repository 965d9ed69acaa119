/**
 * `Consent.Notice`: where the user will end up, and the app's legal documents.
 *
 * The redirect target is shown as an origin for web apps (the path is noise and may be long)
 * and in full for custom schemes (`com.example.app:/callback`: the scheme *is* the identity).
 * It is never a link: following it is the provider's job, after the decision.
 */
import { forwardRef } from 'react';
import { safeHttpUrl } from '../protocol/url.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { FullText, HiddenWarning, ProviderText, TEXT_MAX, tNodes } from '../ui/provider-text.js';
import { SafeLink } from '../ui/safe-link.js';
import { useConsentContext } from './context.js';

/** The text to show for a redirect URI; `undefined` when there is none. */
function redirectTarget(redirectUri: string | undefined): string | undefined {
  const trimmed = redirectUri?.trim();
  if (!trimmed) return undefined;
  const http = safeHttpUrl(trimmed);
  return http ? new URL(http).origin : trimmed;
}

/** The redirect notice and the terms / privacy links, in a `<div>`. */
export const ConsentNotice = forwardRef<HTMLDivElement, PartProps>(function ConsentNotice({ className }, ref) {
  const { step, t } = useConsentContext('Consent.Notice');
  const { client } = step;
  const target = redirectTarget(client.redirectUri) ?? client.nativeRedirectUri?.trim();
  const terms = safeHttpUrl(client.termsUrl);
  const privacy = safeHttpUrl(client.policyUrl);
  if (!target && !terms && !privacy) return null;
  return (
    <div ref={ref} className={cx('ck-consent__notice', className)}>
      {target && (
        <>
          <p className="ck-consent__redirect">
            {tNodes(t, 'consent.redirect', { target: <ProviderText text={target} max={TEXT_MAX} reveal /> })}
          </p>
          <FullText texts={[target]} max={TEXT_MAX} reveal label={t('common.fullText')} />
          {/* A custom scheme with a direction override reads as another app's: say so. */}
          <HiddenWarning text={target} className="ck-consent__hidden">
            {t('common.hiddenCharacters')}
          </HiddenWarning>
        </>
      )}
      {(terms || privacy) && (
        <p className="ck-consent__legal">
          <span>{tNodes(t, 'consent.legal', { app: <ProviderText text={client.name} reveal /> })}</span>{' '}
          <SafeLink href={terms}>{t('consent.terms')}</SafeLink>
          {terms && privacy && <span aria-hidden="true"> · </span>}
          <SafeLink href={privacy}>{t('consent.privacy')}</SafeLink>
        </p>
      )}
    </div>
  );
});
