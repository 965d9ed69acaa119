/**
 * A fake InteractionClient for UI tests: every method is a `vi.fn`, with defaults that
 * succeed, so each test only scripts the calls it is about.
 */
import { vi } from 'vitest';
import type { InteractionClient } from '../../../src/client/types.js';
import type { InteractionStep } from '../../../src/protocol/interaction.js';
import { loginStep } from '../../fixtures/steps.js';

export type FakeClient = {
  [K in keyof InteractionClient]-?: ReturnType<typeof vi.fn<NonNullable<InteractionClient[K]>>>;
};

/** A client whose `load` resolves with `step` and whose submissions redirect to the app. */
export function fakeClient(step?: InteractionStep): FakeClient {
  return {
    load: vi.fn<InteractionClient['load']>(async () => step ?? loginStep()),
    signIn: vi.fn<InteractionClient['signIn']>(async () => ({ to: 'https://idp.example.com/auth/resume' })),
    consent: vi.fn<InteractionClient['consent']>(async () => ({ to: 'https://reports.example.org/callback?code=abc' })),
    deny: vi.fn<InteractionClient['deny']>(async () => ({
      to: 'https://reports.example.org/callback?error=access_denied',
    })),
    switchAccount: vi.fn<InteractionClient['switchAccount']>(async () => loginStep({ uid: 'consent-uid-1' })),
    sendCode: vi.fn<NonNullable<InteractionClient['sendCode']>>(async () => ({ resendAfter: 30 })),
    verifyCode: vi.fn<NonNullable<InteractionClient['verifyCode']>>(async () => ({
      to: 'https://idp.example.com/auth/resume',
    })),
    startConnector: vi.fn<NonNullable<InteractionClient['startConnector']>>(async () => ({
      to: 'https://social.example.net/authorize?state=s',
    })),
    continueSession: vi.fn<NonNullable<InteractionClient['continueSession']>>(async () => ({
      to: 'https://idp.example.com/auth/resume',
    })),
    identify: vi.fn<NonNullable<InteractionClient['identify']>>(async () => ({ methods: ['password', 'code'] })),
  };
}

/** A promise with its resolvers exposed, to hold a call in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
