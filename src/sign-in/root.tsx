/**
 * `SignIn.Root`: the sign-in form and its state (through `useSignIn`), shared with the parts:
 * `SignIn.Header`, `Error`, `Account`, `Identifier`, `Password`, `Code`, `Submit`,
 * `Alternatives`, `Connectors`, `Links`, one file each. Each part renders only in the views it
 * belongs to, so a host may compose them in any order and always get a coherent screen.
 */
import { useId, useRef, type FormEvent, type ReactNode } from 'react';
import type { LoginStep } from '../protocol/interaction.js';
import { useKitTranslation } from '../kit/provider.js';
import { cx } from '../ui/cx.js';
import { useCommitEffect } from '../ui/use-focus.js';
import { SignInContext, type SignInContextValue } from './context.js';
import { useSignIn, type UseSignInOptions } from './use-sign-in.js';

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
        {children}
      </form>
    </SignInContext.Provider>
  );
}
