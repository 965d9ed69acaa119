/**
 * The sign-in parts: `SignIn.Root`, `Header`, `Error`, `Account`, `Identifier`, `Password`,
 * `Code`, `Submit`, `Alternatives`, `Connectors`, `Links`. Each renders only in the views it
 * belongs to, so a host may compose them in any order and always get a coherent screen.
 */
import { useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { InteractionError } from '../protocol/errors.js';
import type { LoginStep } from '../protocol/interaction.js';
import { useKitTranslation } from '../i18n/provider.js';
import { formatWait } from '../i18n/wait.js';
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { errorKeyOf } from '../ui/errors.js';
import { LogoImage } from '../ui/logo-image.js';
import { SafeLink } from '../ui/safe-link.js';
import { useCommitEffect, useFocusOnChange } from '../ui/use-focus.js';
import { SignInContext, useSignInContext, type SignInContextValue } from './context.js';
import { identifierField } from './identifier-field.js';
import { useSignIn, type UseSignInOptions } from './use-sign-in.js';
import { useHydrated } from '../ui/use-hydrated.js';

export { identifierField } from './identifier-field.js';

// ---------------------------------------------------------------------------------------------
// SignIn.Root
// ---------------------------------------------------------------------------------------------

/** Props of {@link SignInRoot}: the {@link UseSignInOptions} plus presentation. */
export interface SignInRootProps extends UseSignInOptions {
  step: LoginStep;
  autoFocusHeading?: boolean | undefined;
  className?: string | undefined;
  children?: ReactNode;
}

/** The sign-in form and its state. */
export function SignInRoot({ autoFocusHeading = false, className, children, ...options }: SignInRootProps) {
  const { t } = useKitTranslation();
  const state = useSignIn(options);
  const id = useId();
  const fields: SignInContextValue['fields'] = {
    identifier: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    account: useRef<HTMLButtonElement>(null),
  };
  const value: SignInContextValue = {
    step: options.step,
    state,
    t,
    autoFocusHeading,
    ids: {
      heading: `${id}-heading`,
      identifier: `${id}-identifier`,
      password: `${id}-password`,
      code: `${id}-code`,
      capsLock: `${id}-caps`,
      codeHint: `${id}-code-hint`,
    },
    fields,
  };

  // A new view takes focus to its field, so keyboard and screen-reader users land where they type.
  const firstView = useRef(true);
  useCommitEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    const target = state.view === 'account' ? fields.account : fields[state.view];
    target.current?.focus();
  }, [state.view]); // eslint-disable-line react-hooks/exhaustive-deps

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (state.status !== 'idle') return;
    // Our own checks instead of native validation bubbles, which the kit cannot localize.
    switch (state.view) {
      case 'identifier':
        if (!state.identifier.trim()) return fields.identifier.current?.focus();
        return void state.continueWithIdentifier();
      case 'password':
        if (!state.password) return fields.password.current?.focus();
        return void state.submitPassword();
      case 'code':
        if (state.code.length < (options.step.login.code?.length ?? 1)) return fields.code.current?.focus();
        return void state.submitCode();
      default:
        return;
    }
  };
  const hydrated = useHydrated();
  return (
    <SignInContext.Provider value={value}>
      <form
        className={cx('ck-sign-in', 'ck-card', className)}
        aria-labelledby={value.ids.heading}
        aria-busy={state.status === 'submitting' || undefined}
        data-state={state.status}
        data-view={state.view}
        noValidate
        onSubmit={handleSubmit}
      >
        {/* Disabled until hydrated (server-rendered markup): see useHydrated. */}
        <fieldset className="ck-controls" disabled={!hydrated}>
          {children}
        </fieldset>
      </form>
    </SignInContext.Provider>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Header
// ---------------------------------------------------------------------------------------------

/** Logo, heading and "to continue to <App>". */
export function SignInHeader() {
  const { step, state, t, ids, autoFocusHeading } = useSignInContext('SignIn.Header');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, autoFocusHeading, autoFocusHeading);
  const { client } = step;
  return (
    <header className="ck-sign-in__header">
      <LogoImage
        className="ck-sign-in__logo"
        src={client.logo?.light}
        darkSrc={client.logo?.dark}
        name={client.name}
        alt={t('common.logoAlt', { app: client.name })}
      />
      <h1 id={ids.heading} ref={heading} tabIndex={-1} className="ck-sign-in__title">
        {t('signIn.title')}
      </h1>
      <p className="ck-sign-in__subtitle">{t('signIn.subtitle', { app: client.name })}</p>
    </header>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Error
// ---------------------------------------------------------------------------------------------

/** The error banner (`role="alert"`, focused when it appears). */
export function SignInError() {
  const { state, t } = useSignInContext('SignIn.Error');
  if (state.errorCount === 0 || state.error === undefined) return null;
  const { error } = state;
  // No wait, or a wait of 0, says nothing more: the user may try again now.
  const wait =
    error instanceof InteractionError && error.code === 'too_many_attempts' && error.retryAfter ? error.retryAfter : undefined;
  return (
    <Alert className="ck-sign-in__error" focusKey={state.errorCount}>
      {t(errorKeyOf(error))}
      {wait && (
        <>
          {' '}
          <span className="ck-sign-in__wait" data-seconds={wait}>
            {t('signIn.retryIn', { when: formatWait(wait, t.language ?? 'en') })}
          </span>
        </>
      )}
    </Alert>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Account
// ---------------------------------------------------------------------------------------------

/** "Continue as Alice" and "Use another account" (account view only). */
export function SignInAccount() {
  const { step, state, t, fields } = useSignInContext('SignIn.Account');
  const user = step.login.session;
  if (state.view !== 'account' || !user) return null;
  const name = user.displayName || user.email || user.username || user.phone || user.id;
  const detail = [user.email, user.username, user.phone].find((v) => v && v !== name);
  return (
    <div className="ck-sign-in__account">
      <Button
        ref={fields.account}
        variant="secondary"
        className="ck-sign-in__account-button"
        onClick={() => state.continueSession()}
        disabled={state.status !== 'idle'}
        busy={state.pending === 'session'}
      >
        <LogoImage className="ck-sign-in__avatar" src={user.avatar} name={name} alt="" shape="round" size="sm" />
        <span className="ck-sign-in__account-text">
          <span className="ck-sign-in__account-name">{t('signIn.account.continueAs', { name })}</span>
          {detail && <span className="ck-sign-in__account-detail">{detail}</span>}
        </span>
      </Button>
      <Button variant="link" onClick={() => state.changeIdentifier()} disabled={state.status !== 'idle'}>
        {t('signIn.account.useAnother')}
      </Button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Identifier
// ---------------------------------------------------------------------------------------------

/**
 * The identifier: an input in the identifier view; in the password and code views, the
 * identifier as text with "Change", plus a hidden `username` field for password managers.
 */
export function SignInIdentifier() {
  const { step, state, t, ids, fields } = useSignInContext('SignIn.Identifier');
  const field = identifierField(step.login.identifiers);
  if (state.view === 'account') return null;
  if (state.view !== 'identifier') {
    return (
      <div className="ck-sign-in__identity">
        <input type="text" name="username" autoComplete="username" value={state.identifier} readOnly hidden />
        <span className="ck-sign-in__identity-value">{state.identifier.trim()}</span>
        <Button variant="link" onClick={() => state.changeIdentifier()} disabled={state.status !== 'idle'}>
          {t('signIn.changeIdentifier')}
        </Button>
      </div>
    );
  }
  return (
    <div className="ck-sign-in__field">
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
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Password
// ---------------------------------------------------------------------------------------------

/** The password (password view): show / hide, Caps Lock hint, "Forgot password?". */
export function SignInPassword() {
  const { step, state, t, ids, fields } = useSignInContext('SignIn.Password');
  const [visible, setVisible] = useState(false);
  const [capsLock, setCapsLock] = useState(false);
  if (state.view !== 'password') return null;
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (typeof event.getModifierState === 'function') setCapsLock(event.getModifierState('CapsLock'));
  };
  return (
    <div className="ck-sign-in__field">
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
}

// ---------------------------------------------------------------------------------------------
// SignIn.Code
// ---------------------------------------------------------------------------------------------

/** The one-time code (code view): one input for the whole code, resend with countdown. */
export function SignInCode() {
  const { step, state, t, ids, fields } = useSignInContext('SignIn.Code');
  const options = step.login.code;
  if (state.view !== 'code' || !options) return null;
  return (
    <div className="ck-sign-in__field">
      <p id={ids.codeHint} className="ck-sign-in__note">
        {t('signIn.code.sent', { identifier: state.identifier.trim() })}
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
      />
      <Button
        variant="link"
        className="ck-sign-in__resend"
        onClick={() => state.resendCode()}
        disabled={state.status !== 'idle' || state.resendIn > 0}
        busy={state.pending === 'sendCode'}
      >
        {state.resendIn > 0
          ? t('signIn.code.resendIn', { when: formatWait(state.resendIn, t.language ?? 'en') })
          : t('signIn.code.resend')}
      </Button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Submit
// ---------------------------------------------------------------------------------------------

const SUBMIT_LABEL = { identifier: 'signIn.continue', password: 'signIn.submit', code: 'signIn.code.submit' } as const;

/** The submit button of the current view; disabled while submitting and after success. */
export function SignInSubmit() {
  const { step, state, t } = useSignInContext('SignIn.Submit');
  if (state.view === 'account') return null;
  const offersSomething = step.login.password || !!step.login.code || !!step.login.connectors?.some((c) => c.kind === 'sso');
  const busyActions = { identifier: ['continue', 'connector'], password: ['password'], code: ['verifyCode'] }[state.view];
  return (
    <Button
      type="submit"
      variant="primary"
      className="ck-sign-in__submit"
      disabled={state.status !== 'idle' || !offersSomething}
      busy={state.pending !== undefined && busyActions.includes(state.pending) && (state.pending !== 'connector' || state.pendingConnector === state.ssoConnector?.id)}
    >
      {t(SUBMIT_LABEL[state.view])}
    </Button>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Alternatives
// ---------------------------------------------------------------------------------------------

/** "Sign in with a code instead" / "Use your password instead", when both are offered. */
export function SignInAlternatives() {
  const { step, state, t } = useSignInContext('SignIn.Alternatives');
  const { password, code } = step.login;
  if (state.view === 'password' && code) {
    return (
      <Button variant="link" className="ck-sign-in__alternative" onClick={() => state.useCode()} disabled={state.status !== 'idle'} busy={state.pending === 'sendCode'}>
        {t('signIn.useCode')}
      </Button>
    );
  }
  if (state.view === 'code' && password) {
    return (
      <Button variant="link" className="ck-sign-in__alternative" onClick={() => state.usePassword()} disabled={state.status !== 'idle'}>
        {t('signIn.usePassword')}
      </Button>
    );
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// SignIn.Connectors
// ---------------------------------------------------------------------------------------------

/** A button per social or SSO connector (identifier view), after an "or" separator. */
export function SignInConnectors() {
  const { step, state, t } = useSignInContext('SignIn.Connectors');
  const connectors = step.login.connectors ?? [];
  if (state.view !== 'identifier' || connectors.length === 0) return null;
  return (
    <div className="ck-sign-in__connectors">
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
              onClick={() => state.startConnector(connector.id)}
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
              <span>{t('signIn.connectors.continueWith', { name: connector.name })}</span>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Links
// ---------------------------------------------------------------------------------------------

/** "Create an account" (identifier view) and "Continue as …" after "Not you?". */
export function SignInLinks() {
  const { step, state, t } = useSignInContext('SignIn.Links');
  if (state.view !== 'identifier') return null;
  const { createAccountUrl, session } = step.login;
  const name = session && (session.displayName || session.email || session.username || session.phone || session.id);
  if (!createAccountUrl && !name) return null;
  return (
    <div className="ck-sign-in__links">
      {createAccountUrl && (
        <SafeLink className="ck-sign-in__create" href={createAccountUrl}>
          {t('signIn.createAccount')}
        </SafeLink>
      )}
      {name && (
        <Button variant="link" onClick={() => state.continueSession()} disabled={state.status !== 'idle'} busy={state.pending === 'session'}>
          {t('signIn.account.continueAs', { name })}
        </Button>
      )}
    </div>
  );
}
