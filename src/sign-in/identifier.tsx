/** `SignIn.Identifier`: the email, phone or username; afterwards shown as text with "Change". */
import { forwardRef } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { ProviderText } from '../ui/provider-text.js';
import { useSignInContext } from './context.js';
import { identifierField } from './identifier-field.js';

/**
 * The identifier: an input in the identifier view; in the password and code views, the
 * identifier as text with "Change", plus a hidden `username` field for password managers.
 */
export const SignInIdentifier = forwardRef<HTMLDivElement, PartProps>(function SignInIdentifier({ className }, ref) {
  const { step, state, t, ids, fields, arrivedAt } = useSignInContext('SignIn.Identifier');
  const field = identifierField(step.login.identifiers);
  if (state.view === 'account') return null;
  if (state.view !== 'identifier') {
    return (
      <div ref={ref} className={cx('ck-sign-in__identity', className)}>
        {/* For password managers, and the identifier a form post carries (see NativeForm). */}
        <input type="text" name="identifier" autoComplete="username" value={state.identifier} readOnly hidden />
        <span className="ck-sign-in__identity-value">
          <ProviderText text={state.identifier.trim()} />
        </span>
        <Button variant="link" onClick={() => state.changeIdentifier()} disabled={state.status !== 'idle'}>
          {t('signIn.changeIdentifier')}
        </Button>
      </div>
    );
  }
  return (
    <div ref={ref} className={cx('ck-sign-in__field', className)}>
      <label className="ck-sign-in__label" htmlFor={ids.identifier}>
        {t(field.labelKey)}
      </label>
      <input
        ref={fields.identifier}
        id={ids.identifier}
        className="ck-input"
        name="identifier"
        type={field.type}
        inputMode={field.inputMode}
        autoComplete={field.autoComplete}
        autoCapitalize="none"
        spellCheck={false}
        required
        value={state.identifier}
        onChange={(event) => state.setIdentifier(event.currentTarget.value)}
        readOnly={state.status !== 'idle'}
        // Back from a form post (a connector refused): focus where the user types, on load.
        // biome-ignore lint/a11y/noAutofocus: only a page a form post sent back to, where the user types next
        autoFocus={arrivedAt === 'identifier'}
      />
    </div>
  );
});
