/**
 * `SignIn.Root`: the sign-in form and its state (through `useSignIn`), shared with the parts:
 * `SignIn.Header`, `Error`, `Account`, `Identifier`, `Password`, `Code`, `Submit`,
 * `Alternatives`, `Connectors`, `Links`, one file each. Each part renders only in the views it
 * belongs to, so a host may compose them in any order and always get a coherent screen.
 */
import { type FormEvent, type ReactNode, useId, useMemo, useRef } from 'react';
import { useKitTranslation } from '../i18n/translation.js';
import type { LoginStep } from '../protocol/interaction.js';
import { cx } from '../ui/cx.js';
import { useCommitEffect } from '../ui/use-focus.js';
import { useHydrated } from '../ui/use-hydrated.js';
import { type SignInContextValue, SignInProvider } from './context.js';
import { type UseSignInOptions, useSignIn } from './use-sign-in.js';

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
  return (
    <SignInProvider value={{ step: options.step, state, t, language, autoFocusHeading, ids, fields }}>
      <form
        className={cx('ck-sign-in', 'ck-card', className)}
        aria-labelledby={ids.heading}
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
    </SignInProvider>
  );
}
