/** `SignIn.Header`: the app's logo, the heading focus lands on, and "to continue to <App>". */
import { forwardRef, useRef } from 'react';
import { cx } from '../ui/cx.js';
import { LogoImage } from '../ui/logo-image.js';
import type { PartProps } from '../ui/part.js';
import { FullText, HiddenWarning, ProviderText, providerString, tNodes } from '../ui/provider-text.js';
import { useFocusOnChange } from '../ui/use-focus.js';
import { useSignInContext } from './context.js';

/** Logo, heading and "to continue to <App>". */
export const SignInHeader = forwardRef<HTMLElement, PartProps>(function SignInHeader({ className }, ref) {
  const { step, t, ids, autoFocusHeading } = useSignInContext('SignIn.Header');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, autoFocusHeading, autoFocusHeading);
  const { client } = step;
  return (
    <header ref={ref} className={cx('ck-sign-in__header', className)}>
      <LogoImage
        className="ck-sign-in__logo"
        src={client.logo?.light}
        darkSrc={client.logo?.dark}
        name={client.name}
        alt={t('common.logoAlt', { app: providerString(client.name, undefined, true) })}
      />
      <h1 id={ids.heading} ref={heading} tabIndex={-1} className="ck-sign-in__title">
        {t('signIn.title')}
      </h1>
      <p className="ck-sign-in__subtitle">
        {tNodes(t, 'signIn.subtitle', { app: <ProviderText text={client.name} reveal /> })}
      </p>
      <FullText texts={[client.name]} reveal label={t('common.fullText')} />
      <HiddenWarning text={client.name} className="ck-sign-in__hidden">
        {t('common.hiddenCharacters')}
      </HiddenWarning>
    </header>
  );
});
