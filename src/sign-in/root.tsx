/**
 * `SignIn.Root`: the sign-in form and its state (through `useSignIn`), shared with the parts:
 * `SignIn.Header`, `Error`, `Account`, `Identifier`, `Password`, `Code`, `Submit`,
 * `Alternatives`, `Connectors`, `Links`, one file each. Each part renders only in the views it
 * belongs to, so a host may compose them in any order and always get a coherent screen.
 */
import { type FormEvent, forwardRef, type ReactNode, useId, useMemo, useRef } from 'react';
import { useKitTranslation } from '../i18n/translation.js';
import { KIT_FORM_FIELDS } from '../protocol/form.js';
import type { LoginStep } from '../protocol/interaction.js';
import { KIT_ENDPOINTS } from '../protocol/kit.js';
import { cx } from '../ui/cx.js';
import { ActionsForm, type NativeFormTarget, nativeFormTarget, TokenField } from '../ui/native-form.js';
import { useCommitEffect } from '../ui/use-focus.js';
import { useHydrated } from '../ui/use-hydrated.js';
import { type SignInContextValue, SignInProvider } from './context.js';
import { type UseSignInOptions, useSignIn } from './use-sign-in.js';

// ---------------------------------------------------------------------------------------------
// SignIn.Root
// ---------------------------------------------------------------------------------------------

/** Props of {@link SignInRoot}: the {@link UseSignInOptions} plus presentation. */
export interface SignInRootProps extends UseSignInOptions {
  /** The sign-in step to render. */
  step: LoginStep;
  /** Move focus to the heading on mount; screens set it when the step just changed. */
  autoFocusHeading?: boolean | undefined;
  /** Extra class names on the `<form>`, after its stable `ck-sign-in` class. */
  className?: string | undefined;
  /** The parts to render (`SignIn.Header`, `SignIn.Identifier`, …), in the order shown. */
  children?: ReactNode;
}

/** The sign-in form and its state; its ref is the `<form>`. */
export const SignInRoot = forwardRef<HTMLFormElement, SignInRootProps>(function SignInRoot(
  { autoFocusHeading = false, className, children, ...options },
  ref,
) {
  const { t, language } = useKitTranslation();
  const state = useSignIn(options);
  const id = useId();
  const identifier = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);
  const account = useRef<HTMLButtonElement>(null);
  const fields = useMemo<SignInContextValue['fields']>(() => ({ identifier, password, code, account }), []);
  const ids = useMemo<SignInContextValue['ids']>(
    () => ({
      heading: `${id}-heading`,
      identifier: `${id}-identifier`,
      password: `${id}-password`,
      code: `${id}-code`,
      capsLock: `${id}-caps`,
      codeHint: `${id}-code-hint`,
    }),
    [id],
  );

  const form = useMemo<NativeFormTarget | undefined>(
    () => nativeFormTarget(options.step.form, `${id}-actions`),
    [options.step.form, id],
  );
  const attempt = options.step.login.attempt;
  const arrivedAt = attempt && !options.step.login.error ? attempt.view : undefined;

  // A server-rendered form works before the page's script runs: what was typed by then is in
  // the inputs, not in the state. Taken over once, when the screen hydrates.
  useCommitEffect(() => {
    const typed = (field: typeof fields.identifier, value: string, set: (value: string) => void) => {
      if (field.current && field.current.value !== value) set(field.current.value);
    };
    typed(fields.identifier, state.identifier, state.setIdentifier);
    typed(fields.password, state.password, state.setPassword);
    typed(fields.code, state.code, state.setCode);
  }, []);

  // A new view takes focus to its field, so keyboard and screen-reader users land where they type.
  const firstView = useRef(true);
  useCommitEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    const target = state.view === 'account' ? fields.account : fields[state.view];
    target.current?.focus();
  }, [state.view]);

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
  // What the view's submit button posts before the page's script runs (see NativeForm): the
  // identifier (the bridge goes on as Continue does), the password, or the code.
  const endpoint =
    state.view === 'code' ? KIT_ENDPOINTS.verifyCode : state.view === 'account' ? undefined : KIT_ENDPOINTS.login;
  const viewField = <input type="hidden" name={KIT_FORM_FIELDS.view} value={state.view} />;
  return (
    <SignInProvider value={{ step: options.step, state, t, language, autoFocusHeading, ids, fields, form, arrivedAt }}>
      <form
        ref={ref}
        className={cx('ck-sign-in', 'ck-card', className)}
        aria-labelledby={ids.heading}
        aria-busy={state.status === 'submitting' || undefined}
        data-state={state.status}
        data-view={state.view}
        noValidate
        onSubmit={handleSubmit}
        method={form && 'post'}
        action={form && endpoint && `${form.action}/${endpoint}`}
      >
        {/*
          Server-rendered without form posts, the controls are disabled until hydrated (see
          useHydrated); with them, they work at once.
        */}
        <fieldset className="ck-controls" disabled={!hydrated && !form}>
          {form && (
            <>
              <TokenField target={form} />
              {viewField}
            </>
          )}
          {children}
        </fieldset>
      </form>
      {form && <ActionsForm target={form}>{viewField}</ActionsForm>}
    </SignInProvider>
  );
});
