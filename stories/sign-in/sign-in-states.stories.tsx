/**
 * Every step and error of the sign-in kit (issue 4), fed by the shared fixtures under
 * test/fixtures/. Steps after the first are reached the way a user reaches them: the story
 * starts at a view (`initialView`) or fills a field and submits once mounted, against a client
 * scripted to answer with the state shown.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef } from 'react';
import { SignInScreen, type SignInView } from '../../src/index.js';
import type { InteractionClient } from '../../src/client/types.js';
import { InteractionError, type InteractionErrorCode } from '../../src/protocol/errors.js';
import type { LoginStep } from '../../src/protocol/interaction.js';
import {
  codeOnlyLoginStep,
  fullLoginStep,
  loginStep,
  sessionLoginStep,
  unsafeLoginStep,
} from '../../test/fixtures/steps.js';
import { withLocalAssets } from '../support/assets.js';
import { storyClient, stayHere } from '../support/client.js';

/** How the scripted client answers a submission. */
type Outcome = 'redirect' | 'pending' | InteractionErrorCode;

interface StateProps {
  step: LoginStep;
  initialView?: SignInView;
  /** Fill this field and submit once mounted. */
  submit?: { field: 'password' | 'code'; value: string };
  outcome?: Outcome;
  /** Seconds the server asks to wait (`too_many_attempts`). */
  retryAfter?: number;
}

function clientFor(step: LoginStep, outcome: Outcome, retryAfter?: number): InteractionClient {
  const base = storyClient({ step });
  const answer = () =>
    outcome === 'redirect'
      ? Promise.resolve({ to: 'https://app.example/callback' })
      : outcome === 'pending'
        ? new Promise<never>(() => {})
        : Promise.reject(new InteractionError(outcome, `story: ${outcome}`, retryAfter ? { retryAfter } : {}));
  return new Proxy(base, {
    get(target, prop) {
      if (prop === 'signIn' || prop === 'verifyCode') return answer;
      if (prop === 'sendCode') return () => Promise.resolve({ resendAfter: 30 });
      return Reflect.get(target, prop);
    },
  });
}

/** Sets a React-controlled input's value the way typing does. */
function type(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function SignInState({ step, initialView, submit, outcome = 'redirect', retryAfter }: StateProps) {
  const local = withLocalAssets(step);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!submit) return;
    const input = ref.current?.querySelector<HTMLInputElement>(`input[name="${submit.field}"]`);
    if (!input) return;
    type(input, submit.value);
    setTimeout(() => ref.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click(), 0);
  }, [submit]);
  return (
    <div ref={ref}>
      <SignInScreen
        client={clientFor(local, outcome, retryAfter)}
        step={local}
        onRedirect={stayHere}
        initialView={initialView}
      />
    </div>
  );
}

const meta = {
  title: 'Sign-in/States',
  component: SignInState,
  parameters: { controls: { disable: true } },
} satisfies Meta<typeof SignInState>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Identifier first, prefilled from `login_hint`, with connectors and the create-account link. */
export const Identifier: Story = { args: { step: fullLoginStep() } };
/** Identifier only: password, no connectors, no links. */
export const IdentifierPlain: Story = { args: { step: loginStep() } };
/** A phone-only provider: `type="tel"`, `inputmode="tel"`, `autocomplete="tel"`. */
export const PhoneOnly: Story = { args: { step: loginStep({ login: { identifiers: ['phone'], password: true } }) } };
/** The password step: identifier with "Change", show / hide, forgot password, the code alternative. */
export const Password: Story = { args: { step: fullLoginStep(), initialView: 'password' } };
/** Signing in (busy). */
export const PasswordSubmitting: Story = {
  args: {
    step: fullLoginStep(),
    initialView: 'password',
    submit: { field: 'password', value: 'hunter2' },
    outcome: 'pending',
  },
};
/** Wrong password: the alert takes focus; the identifier stays. */
export const WrongPassword: Story = {
  args: {
    step: fullLoginStep(),
    initialView: 'password',
    submit: { field: 'password', value: 'nope' },
    outcome: 'invalid_credentials',
  },
};
/** Locked after too many failures, with the wait the server gave (Retry-After: 900). */
export const TooManyAttempts: Story = {
  args: {
    step: fullLoginStep(),
    initialView: 'password',
    submit: { field: 'password', value: 'nope' },
    outcome: 'too_many_attempts',
    retryAfter: 900,
  },
};
/** The network failed. */
export const NetworkError: Story = {
  args: {
    step: fullLoginStep(),
    initialView: 'password',
    submit: { field: 'password', value: 'x' },
    outcome: 'network',
  },
};
/** The interaction expired: the user must start again at the app. */
export const Expired: Story = {
  args: {
    step: fullLoginStep(),
    initialView: 'password',
    submit: { field: 'password', value: 'x' },
    outcome: 'interaction_expired',
  },
};
/** The code step (resend available). */
export const Code: Story = { args: { step: codeOnlyLoginStep(), initialView: 'code' } };
/** A wrong or expired code. */
export const WrongCode: Story = {
  args: {
    step: codeOnlyLoginStep(),
    initialView: 'code',
    submit: { field: 'code', value: '000000' },
    outcome: 'invalid_code',
  },
};
/** "Continue as Alice" / "Use another account". */
export const ContinueAs: Story = { args: { step: sessionLoginStep() } };
/** After "Not you?": the identifier, with a way back to the signed-in account. */
export const AfterNotYou: Story = { args: { step: sessionLoginStep(), initialView: 'identifier' } };
/** Back from a connector the user cancelled: the provider reports it on arrival. */
export const ConnectorRefused: Story = {
  args: { step: fullLoginStep({ login: { ...fullLoginStep().login, error: 'access_denied' } }) },
};
/** Hostile connector names and URLs render inertly. */
export const Unsafe: Story = { args: { step: unsafeLoginStep() } };
/** The request asks for Korean. */
export const Korean: Story = { args: { step: fullLoginStep({ uiLocales: ['ko'] }) } };
/** Korean, password step locked out. */
export const KoreanTooManyAttempts: Story = {
  args: {
    step: fullLoginStep({ uiLocales: ['ko'] }),
    initialView: 'password',
    submit: { field: 'password', value: 'x' },
    outcome: 'too_many_attempts',
    retryAfter: 45,
  },
};
