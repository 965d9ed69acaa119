/**
 * The sign-in parts: `SignIn.Root`, `SignIn.Header`, `SignIn.Identifier`, `SignIn.Password`,
 * `SignIn.Error`, `SignIn.Submit`. Same pattern as the consent parts, kept in one file because
 * each is a few lines.
 */
import { createContext, useContext, useEffect, useId, useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { IdentifierKind, LoginStep, LoginSubmission } from '../protocol/interaction.js';
import { useKitTranslation, type KitT } from '../i18n/provider.js';
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { cx } from '../ui/cx.js';
import { errorKeyOf } from '../ui/errors.js';
import { LogoImage } from '../ui/logo-image.js';
import { useSignIn, type SignInState } from './use-sign-in.js';

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

interface SignInContextValue {
  step: LoginStep;
  state: SignInState;
  t: KitT;
  autoFocusHeading: boolean;
  ids: { heading: string; identifier: string; password: string };
  /** Where focus goes when a field is missing. */
  fields: { identifier: RefObject<HTMLInputElement | null>; password: RefObject<HTMLInputElement | null> };
}

const SignInContext = createContext<SignInContextValue | null>(null);

/** @throws Error "SignIn.X must be used within SignIn.Root" outside a Root */
function useSignInContext(part: string): SignInContextValue {
  const value = useContext(SignInContext);
  if (!value) throw new Error(`${part} must be used within SignIn.Root`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Identifier field: label, type and autocomplete from the accepted identifier kinds
// ---------------------------------------------------------------------------------------------

const KIND_ORDER: readonly IdentifierKind[] = ['email', 'phone', 'username'];

/** How the identifier input is presented for the accepted kinds. */
export function identifierField(kinds: readonly IdentifierKind[]): {
  labelKey: string;
  type: 'email' | 'tel' | 'text';
  autoComplete: string;
} {
  const sorted = KIND_ORDER.filter((kind) => kinds.includes(kind));
  const only = sorted.length === 1 ? sorted[0] : undefined;
  return {
    labelKey: `signIn.identifier.${sorted.length ? sorted.join('_') : 'username'}`,
    // A narrow input type only when one kind is accepted: `type="email"` would reject a username.
    type: only === 'email' ? 'email' : only === 'phone' ? 'tel' : 'text',
    // `username` is what password managers look for on a sign-in form, even for emails;
    // a phone-only form is the one case where `tel` helps more (autofill of the number).
    autoComplete: only === 'phone' ? 'tel' : 'username',
  };
}

// ---------------------------------------------------------------------------------------------
// SignIn.Root
// ---------------------------------------------------------------------------------------------

/** Props of {@link SignInRoot}. */
export interface SignInRootProps {
  step: LoginStep;
  /** Sends the credentials; resolve = navigating away, reject = show the error. */
  onSubmit: (submission: LoginSubmission) => Promise<void> | void;
  autoFocusHeading?: boolean | undefined;
  className?: string | undefined;
  children?: ReactNode;
}

/** The sign-in form and its state. */
export function SignInRoot({ step, onSubmit, autoFocusHeading = false, className, children }: SignInRootProps) {
  const { t } = useKitTranslation();
  const state = useSignIn({ step, onSubmit });
  const id = useId();
  const identifier = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const value: SignInContextValue = {
    step,
    state,
    t,
    autoFocusHeading,
    ids: { heading: `${id}-heading`, identifier: `${id}-identifier`, password: `${id}-password` },
    fields: { identifier, password },
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (state.status !== 'idle') return;
    // Our own check instead of native validation bubbles, which are not localized by the kit.
    if (!state.identifier.trim()) return identifier.current?.focus();
    if (step.login.password && !state.password) return password.current?.focus();
    state.submit();
  };
  return (
    <SignInContext.Provider value={value}>
      <form
        className={cx('ck-sign-in', className)}
        aria-labelledby={value.ids.heading}
        aria-busy={state.status === 'submitting' || undefined}
        data-state={state.status}
        noValidate
        onSubmit={handleSubmit}
      >
        {children}
      </form>
    </SignInContext.Provider>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Header
// ---------------------------------------------------------------------------------------------

/** Logo, "Sign in" heading and "to continue to <App>". */
export function SignInHeader() {
  const { step, t, ids, autoFocusHeading } = useSignInContext('SignIn.Header');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocusHeading) heading.current?.focus();
  }, [autoFocusHeading]);
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
// SignIn.Identifier
// ---------------------------------------------------------------------------------------------

/** The identifier input. */
export function SignInIdentifier() {
  const { step, state, t, ids, fields } = useSignInContext('SignIn.Identifier');
  const field = identifierField(step.login.identifiers);
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

/** The password input, or a note when the request offers no password sign-in. */
export function SignInPassword() {
  const { step, state, t, ids, fields } = useSignInContext('SignIn.Password');
  if (!step.login.password) return <p className="ck-sign-in__note">{t('signIn.passwordUnavailable')}</p>;
  return (
    <div className="ck-sign-in__field">
      <label className="ck-sign-in__label" htmlFor={ids.password}>
        {t('signIn.password')}
      </label>
      <input
        ref={fields.password}
        id={ids.password}
        className="ck-input"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={state.password}
        onChange={(event) => state.setPassword(event.currentTarget.value)}
        readOnly={state.status !== 'idle'}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Error
// ---------------------------------------------------------------------------------------------

/** The error banner (`role="alert"`, focused when it appears). */
export function SignInError() {
  const { state, t } = useSignInContext('SignIn.Error');
  if (state.errorCount === 0) return null;
  return (
    <Alert className="ck-sign-in__error" focusKey={state.errorCount}>
      {t(errorKeyOf(state.error))}
    </Alert>
  );
}

// ---------------------------------------------------------------------------------------------
// SignIn.Submit
// ---------------------------------------------------------------------------------------------

/** The submit button; disabled while submitting and after success. */
export function SignInSubmit() {
  const { step, state, t } = useSignInContext('SignIn.Submit');
  return (
    <Button
      type="submit"
      variant="primary"
      className="ck-sign-in__submit"
      disabled={state.status !== 'idle' || !step.login.password}
      busy={state.status === 'submitting'}
    >
      {t('signIn.submit')}
    </Button>
  );
}
