/**
 * `useSignIn()`: the headless state of the sign-in screen. Identifier first, then the
 * password or a one-time code; social and SSO connectors (an email whose domain belongs to an
 * SSO connector goes there); "Continue as" for an account already signed in. The identifier
 * the user typed survives every step change and every error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { InteractionError } from '../protocol/errors.js';
import type {
  CodeRequest,
  CodeSent,
  CodeSubmission,
  Connector,
  ConnectorRequest,
  IdentifyRequest,
  LoginStep,
  LoginSubmission,
  SignInMethod,
  SignInMethods,
} from '../protocol/interaction.js';
import { ssoConnectorFor } from '../protocol/sso.js';
import { type SubmissionStatus, useSubmission } from '../ui/use-submission.js';

/** The views of the sign-in screen. */
export type SignInView = 'account' | 'identifier' | 'password' | 'code';

/** What is in flight, for busy indicators. */
export type SignInAction = 'continue' | 'password' | 'sendCode' | 'verifyCode' | 'connector' | 'session';

/** Options of {@link useSignIn}. */
export interface UseSignInOptions {
  step: LoginStep;
  /** Signs in with the password. Resolving means the page navigates away; rejecting shows the error. */
  onSubmit: (submission: LoginSubmission) => Promise<void> | void;
  /** Sends a one-time code. Needed when the step offers `code`. */
  onSendCode?: ((request: CodeRequest) => Promise<CodeSent>) | undefined;
  /** Signs in with a one-time code (navigates away on success). */
  onVerifyCode?: ((submission: CodeSubmission) => Promise<void> | void) | undefined;
  /** Starts a connector sign-in (navigates to the connector). */
  onConnector?: ((request: ConnectorRequest) => Promise<void> | void) | undefined;
  /** Continues as `step.login.session` (navigates away). */
  onContinueSession?: (() => Promise<void> | void) | undefined;
  /** Asks which methods an identifier signs in with (steps with `login.identify`). */
  onIdentify?: ((request: IdentifyRequest) => Promise<SignInMethods>) | undefined;
  /**
   * The first view. Default: `account` when the step carries a session account, else
   * `identifier`. A screen reached through "Not you?" passes `identifier`.
   */
  initialView?: SignInView | undefined;
}

/** What {@link useSignIn} returns. */
export interface SignInState {
  view: SignInView;
  identifier: string;
  setIdentifier(value: string): void;
  password: string;
  setPassword(value: string): void;
  code: string;
  /** Sets the code, keeping only its characters (spaces and dashes of a pasted code dropped). */
  setCode(value: string): void;
  status: SubmissionStatus;
  /** The action in flight. */
  pending: SignInAction | undefined;
  /** The connector being started, while `pending` is `connector`. */
  pendingConnector: string | undefined;
  /** The last failure; `undefined` once the user moved on to another view. */
  error: unknown;
  /** Increments per failure so a repeated error takes focus again. */
  errorCount: number;
  /** Seconds before another code may be sent; 0 when it may be sent now. */
  resendIn: number;
  /** The SSO connector the current identifier's email domain belongs to. */
  ssoConnector: Connector | undefined;
  /**
   * The methods the identifier signs in with, as the provider told (`login.identify`); every
   * offered method until it has, or when it does not tell.
   */
  methods: readonly SignInMethod[];
  /** The connector the user cancelled at, while the step's message about it shows. */
  cancelledConnector: Connector | undefined;
  /** Identifier view: continue to the password, a code, or the SSO connector. */
  continueWithIdentifier(): boolean;
  /** Password view: signs in. */
  submitPassword(): boolean;
  /** Sends a code and shows the code view ("Sign in with a code instead"). */
  switchToCode(): boolean;
  /** Shows the password view ("Use your password instead"). */
  switchToPassword(): void;
  /** Sends another code. */
  resendCode(): boolean;
  /** Code view: signs in with the code. */
  submitCode(): boolean;
  /** Starts a connector sign-in. */
  startConnector(connectorId: string): boolean;
  /** Continues as the session's account. */
  continueSession(): boolean;
  /** Back to the identifier view (the identifier is kept). */
  changeIdentifier(): void;
}

export { ssoConnectorFor };

/** Keeps the characters of a typed or pasted code: no spaces or dashes, at most `length`. */
export function cleanCode(value: string, length: number): string {
  return value.replace(/[\s\-–—]/g, '').slice(0, length);
}

/** Headless sign-in state. */
export function useSignIn(options: UseSignInOptions): SignInState {
  const { step } = options;
  const login = step.login;
  // Where a sign-in posted as a plain HTML form left off (the page the bridge sent back to).
  const attempt = login.attempt;
  // The login hint is untrusted text, but a value in an input is text, never markup.
  const [identifier, setIdentifier] = useState(attempt?.identifier ?? login.loginHint ?? '');
  const [password, setPassword] = useState('');
  const [code, setCodeValue] = useState('');
  const [view, setView] = useState<SignInView>(
    options.initialView ?? attempt?.view ?? (login.session ? 'account' : 'identifier'),
  );
  // A step that comes back after a failed attempt (a connector the user cancelled, a wrong
  // password posted as a form) shows why.
  const [arrival] = useState(() =>
    login.error
      ? new InteractionError(login.error, 'the previous sign-in attempt failed', {
          ...(attempt?.retryAfter !== undefined && { retryAfter: attempt.retryAfter }),
        })
      : undefined,
  );
  const submission = useSubmission<SignInAction>(arrival);
  const offered: SignInMethod[] = [
    ...(login.password ? ['password' as const] : []),
    ...(login.code ? ['code' as const] : []),
  ];
  // A form post's outcome carries what `identify` told for its identifier (the code view of a
  // code-only account offers no password).
  const [told, setTold] = useState<SignInMethod[] | undefined>(attempt?.methods);
  const { run, isLocked, clearError } = submission;
  const [now, setNow] = useState(() => Date.now());
  // From the same clock reading as `now`: the first render says exactly `resendAfter` seconds,
  // on the server and in the hydrating browser alike.
  const [resendAt, setResendAt] = useState(() => (attempt?.resendAfter ? now + attempt.resendAfter * 1000 : 0));
  // The latest options, so the callbacks below stay stable.
  const latest = useRef(options);
  latest.current = options;

  const resendIn = Math.max(0, Math.ceil((resendAt - now) / 1000));
  const counting = resendIn > 0;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  const showView = useCallback(
    (next: SignInView) => {
      setView(next);
      // The old message belongs to the old view; the count stays so a new error takes focus.
      clearError();
    },
    [clearError],
  );

  const waitBeforeResend = useCallback((seconds: number) => {
    setNow(Date.now());
    setResendAt(Date.now() + seconds * 1000);
  }, []);

  /** What a failed action leaves behind: the identifier stays; a failed password or code is useless. */
  const onError = useCallback(
    (action: SignInAction) => (error: unknown) => {
      if (action === 'password') setPassword('');
      if (action === 'verifyCode') setCodeValue('');
      if (
        action === 'sendCode' &&
        error instanceof InteractionError &&
        error.code === 'too_many_attempts' &&
        error.retryAfter
      ) {
        waitBeforeResend(error.retryAfter);
      }
    },
    [waitBeforeResend],
  );

  const codeSent = useCallback(
    (sent: CodeSent) => {
      waitBeforeResend(sent.resendAfter);
      setCodeValue('');
      showView('code');
    },
    [waitBeforeResend, showView],
  );

  const sendCode = useCallback(
    (action: SignInAction) => {
      const send = latest.current.onSendCode;
      if (!send || !login.code) return false;
      return run(action, () => send({ identifier: identifier.trim() }), {
        onError: onError(action),
        onSuccess: (sent) => codeSent(sent as CodeSent),
      });
    },
    [identifier, login.code, run, onError, codeSent],
  );

  const startConnector = useCallback(
    (connectorId: string, withIdentifier = false) => {
      const start = latest.current.onConnector;
      if (!start) return false;
      const request: ConnectorRequest = { connectorId };
      if (withIdentifier && identifier.trim()) request.identifier = identifier.trim();
      return run('connector', () => start(request), { detail: connectorId, onError: onError('connector') });
    },
    [identifier, run, onError],
  );

  const ssoConnector = ssoConnectorFor(identifier, login.connectors);
  const failed = login.failedConnector;
  const cancelledConnector =
    failed?.cancelled && submission.error === arrival ? login.connectors?.find((c) => c.id === failed.id) : undefined;

  return {
    view,
    identifier,
    setIdentifier,
    password,
    setPassword,
    code,
    setCode: (value) => setCodeValue(cleanCode(value, login.code?.length ?? 64)),
    status: submission.status,
    pending: submission.pending,
    pendingConnector: submission.pending === 'connector' ? submission.pendingDetail : undefined,
    error: submission.error,
    errorCount: submission.errorCount,
    resendIn,
    ssoConnector,
    methods: told ?? offered,
    cancelledConnector,

    continueWithIdentifier() {
      if (isLocked() || !identifier.trim()) return false;
      if (ssoConnector) return startConnector(ssoConnector.id, true);
      const { onIdentify, onSendCode } = latest.current;
      if (login.identify && onIdentify) {
        // Ask how this identifier signs in: an account without a password goes straight to its code.
        const request = { identifier: identifier.trim() };
        return run(
          'continue',
          async () => {
            const { methods } = await onIdentify(request);
            const codeOnly = !!login.code && !!onSendCode && !methods.includes('password');
            return { methods, sent: codeOnly ? await onSendCode(request) : undefined };
          },
          {
            onError: onError('continue'),
            onSuccess: (value) => {
              const { methods, sent } = value as { methods: SignInMethod[]; sent?: CodeSent };
              setTold(methods);
              if (sent) codeSent(sent);
              else showView('password');
            },
          },
        );
      }
      if (login.password) {
        showView('password');
        return true;
      }
      return sendCode('continue');
    },

    submitPassword() {
      const submission = { identifier: identifier.trim(), password };
      return run('password', () => latest.current.onSubmit(submission), { onError: onError('password') });
    },

    switchToCode: () => sendCode('sendCode'),

    switchToPassword() {
      if (!isLocked() && login.password) showView('password');
    },

    resendCode() {
      if (resendIn > 0) return false;
      return sendCode('sendCode');
    },

    submitCode() {
      const verify = latest.current.onVerifyCode;
      if (!verify) return false;
      const submission = { identifier: identifier.trim(), code };
      return run('verifyCode', () => verify(submission), { onError: onError('verifyCode') });
    },

    startConnector: (connectorId) => startConnector(connectorId),

    continueSession() {
      const resume = latest.current.onContinueSession;
      if (!resume || !login.session) return false;
      return run('session', () => resume(), { onError: onError('session') });
    },

    changeIdentifier() {
      if (isLocked()) return;
      setPassword('');
      setTold(undefined);
      showView('identifier');
    },
  };
}
