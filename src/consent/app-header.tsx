/**
 * `Consent.AppHeader`: who is asking. Logo (light / dark, or a monogram), the heading
 * "<App> wants to access your account", the app's home page, a third-party badge with a word
 * of caution, and a warning when the operator has not verified the app.
 */
import { forwardRef, useRef, type ReactNode } from 'react';
import { safeHttpUrl } from '../protocol/url.js';
import { Badge } from '../ui/checkbox-field.js';
import { cx } from '../ui/cx.js';
import { LogoImage } from '../ui/logo-image.js';
import type { PartProps } from '../ui/part.js';
import { FullText, HiddenWarning, ProviderText, providerString, tNodes } from '../ui/provider-text.js';
import { SafeLink } from '../ui/safe-link.js';
import { useFocusOnChange } from '../ui/use-focus.js';
import { useConsentContext } from './context.js';

/** Props of {@link ConsentAppHeader}. */
export interface ConsentAppHeaderProps extends PartProps {
  /** Extra content under the heading. */
  children?: ReactNode;
}

/** The app's identity and the screen heading (the `h1` focus lands on at step changes), in a `<header>`. */
export const ConsentAppHeader = forwardRef<HTMLElement, ConsentAppHeaderProps>(function ConsentAppHeader(
  { children, className },
  ref,
) {
  const { step, t, ids, autoFocusHeading } = useConsentContext('Consent.AppHeader');
  const { client } = step;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, autoFocusHeading, autoFocusHeading);
  const thirdParty = client.party === 'third';
  const homepage = safeHttpUrl(client.homepage);
  // The name the user decides by: bounded, isolated, its hidden characters shown and flagged.
  const app = <ProviderText text={client.name} reveal />;
  return (
    <header ref={ref} className={cx('ck-consent__header', className)} data-third-party={thirdParty ? '' : undefined}>
      <LogoImage
        className="ck-consent__logo"
        src={client.logo?.light}
        darkSrc={client.logo?.dark}
        name={client.name}
        alt={t('common.logoAlt', { app: providerString(client.name, undefined, true) })}
      />
      <h1 id={ids.heading} ref={heading} tabIndex={-1} className="ck-consent__title">
        {tNodes(t, 'consent.title', { app })}
      </h1>
      <FullText texts={[client.name]} reveal label={t('common.fullText')} />
      <HiddenWarning text={client.name} className="ck-consent__hidden">
        {t('common.hiddenCharacters')}
      </HiddenWarning>
      {homepage && (
        <SafeLink className="ck-consent__homepage" href={homepage}>
          {tNodes(t, 'consent.homepage', { host: <ProviderText text={new URL(homepage).host} /> })}
        </SafeLink>
      )}
      {(thirdParty || !client.verified) && (
        <div className="ck-consent__badges">
          {thirdParty && <Badge tone="info">{t('common.thirdParty')}</Badge>}
          {!client.verified && <Badge tone="warning">{t('common.unverified')}</Badge>}
        </div>
      )}
      {thirdParty && <p className="ck-consent__caution">{tNodes(t, 'consent.thirdPartyNotice', { app })}</p>}
      {!client.verified && (
        <p className="ck-consent__unverified" data-tone="warning">
          {tNodes(t, 'consent.unverifiedWarning', { app })}
        </p>
      )}
      {children}
    </header>
  );
});
