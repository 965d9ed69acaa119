/** `SignIn.Password`: the password with show / hide, a Caps Lock hint and "Forgot password?". */
import { forwardRef, useState, type KeyboardEvent } from 'react';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import type { PartProps } from '../ui/part.js';
import { SafeLink } from '../ui/safe-link.js';
import { useSignInContext } from './context.js';

/** The password (password view): show / hide, Caps Lock hint, "Forgot password?". */
export const SignInPassword = forwardRef<HTMLDivElement, PartProps>(function SignInPassword({ className }, ref) {
  const { step, state, t, ids, fields, arrivedAt } = useSignInContext('SignIn.Password');
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  if (state.view !== 'password') return null;
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (typeof event.getModifierState === 'function') setCapsLock(event.getModifierState('CapsLock'));
  };
  return (
    <div ref={ref} className={cx('ck-sign-in__field', className)}>
      <div className="ck-sign-in__label-row">
        <label className="ck-sign-in__label" htmlFor={ids.password}>
          {t('signIn.password')}
        </label>
        {step.login.forgotPasswordUrl && (
          <SafeLink className="ck-sign-in__forgot" href={step.login.forgotPasswordUrl}>
            {t('signIn.forgotPassword')}
          </SafeLink>
        )}
      </div>
      <div className="ck-sign-in__password">
        <input
          ref={fields.password}
          id={ids.password}
          className="ck-input"
          name="password"
          type={visible ? 'text' : 'password'}
          autoComplete="current-password"
          autoCapitalize="none"
          spellCheck={false}
          required
          aria-describedby={capsLock ? ids.capsLock : undefined}
          value={state.password}
          onChange={(event) => state.setPassword(event.currentTarget.value)}
          onKeyDown={onKey}
          onKeyUp={onKey}
          readOnly={state.status !== 'idle'}
          // Arrived here from a form post (Continue before the page's script ran): focus on load.
          // biome-ignore lint/a11y/noAutofocus: only a page a form post sent back to, where the user types next
          autoFocus={arrivedAt === 'password'}
        />
        <Button
          variant="link"
          className="ck-sign-in__reveal"
          aria-pressed={visible}
          aria-controls={ids.password}
          onClick={() => setVisible((v) => !v)}
        >
          {t('signIn.showPassword')}
        </Button>
      </div>
      <p id={ids.capsLock} className="ck-sign-in__hint" role="status" data-visible={capsLock ? '' : undefined}>
        {capsLock ? t('signIn.capsLock') : ''}
      </p>
    </div>
  );
});
