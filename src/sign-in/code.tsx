/** `SignIn.Code`: the one-time code, one input for the whole code, with resend and its countdown. */
import { forwardRef } from 'react';
import { formatWait } from '../i18n/wait.js';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { nativeButton } from '../ui/native-form.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { ProviderText, tNodes } from '../ui/provider-text.js';
import { useSignInContext } from './context.js';

/** The one-time code (code view): one input for the whole code, resend with countdown. */
export const SignInCode = forwardRef<HTMLDivElement, PartProps>(function SignInCode({ className }, ref) {
  const { step, state, t, language, ids, fields, form, arrivedAt } = useSignInContext('SignIn.Code');
  const options = step.login.code;
  if (state.view !== 'code' || !options) return null;
  return (
    <div ref={ref} className={cx('ck-sign-in__field', className)}>
      <p id={ids.codeHint} className="ck-sign-in__note">
        {tNodes(t, 'signIn.code.sent', { identifier: <ProviderText text={state.identifier.trim()} /> })}
      </p>
      <label className="ck-sign-in__label" htmlFor={ids.code}>
        {t('signIn.code.label')}
      </label>
      <input
        ref={fields.code}
        id={ids.code}
        className="ck-input ck-sign-in__code"
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        required
        aria-describedby={ids.codeHint}
        data-length={options.length}
        value={state.code}
        onChange={(event) => state.setCode(event.currentTarget.value)}
        readOnly={state.status !== 'idle'}
        // Arrived here from a form post (a code sent before the page's script ran): focus on load.
        // biome-ignore lint/a11y/noAutofocus: only a page a form post sent back to, where the user types next
        autoFocus={arrivedAt === 'code'}
      />
      <Button
        variant="link"
        className="ck-sign-in__resend"
        {...nativeButton(form, KIT_ENDPOINTS.sendCode, () => state.resendCode())}
        name={form && KIT_FORM_FIELDS.identifier}
        value={form && state.identifier}
        disabled={state.status !== 'idle' || state.resendIn > 0}
        busy={state.pending === 'sendCode'}
      >
        {state.resendIn > 0
          ? t('signIn.code.resendIn', { when: formatWait(state.resendIn, language) })
          : t('signIn.code.resend')}
      </Button>
    </div>
  );
});
