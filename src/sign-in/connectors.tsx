/** `SignIn.Connectors`: one button per social or SSO connector, after an "or" separator. */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { nativeButton } from '../ui/native-form.js';
import { LogoImage } from '../ui/logo-image.js';
import type { PartProps } from '../ui/part.js';
import { FullText, ProviderText, tNodes } from '../ui/provider-text.js';
import { useSignInContext } from './context.js';

/** A button per social or SSO connector (identifier view), after an "or" separator. */
export const SignInConnectors = forwardRef<HTMLDivElement, PartProps>(function SignInConnectors({ className }, ref) {
  const { step, state, t, form } = useSignInContext('SignIn.Connectors');
  const connectors = step.login.connectors ?? [];
  if (state.view !== 'identifier' || connectors.length === 0) return null;
  return (
    <div ref={ref} className={cx('ck-sign-in__connectors', className)}>
      {(step.login.password || step.login.code) && (
        <p className="ck-sign-in__divider">
          <span>{t('signIn.connectors.or')}</span>
        </p>
      )}
      <ul className="ck-sign-in__connector-list">
        {connectors.map((connector) => (
          <li key={connector.id}>
            <Button
              className="ck-sign-in__connector"
              data-kind={connector.kind}
              {...nativeButton(form, KIT_ENDPOINTS.connector, () => state.startConnector(connector.id))}
              name={form && KIT_FORM_FIELDS.connector}
              value={form && connector.id}
              disabled={state.status !== 'idle'}
              busy={state.pending === 'connector' && state.pendingConnector === connector.id}
            >
              <LogoImage
                className="ck-sign-in__connector-logo"
                src={connector.logo?.light}
                darkSrc={connector.logo?.dark}
                name={connector.name}
                alt=""
                size="sm"
              />
              <span className="ck-sign-in__connector-name">
                {tNodes(t, 'signIn.connectors.continueWith', { name: <ProviderText text={connector.name} reveal /> })}
              </span>
            </Button>
            <FullText texts={[connector.name]} reveal label={t('common.fullText')} />
          </li>
        ))}
      </ul>
    </div>
  );
});
