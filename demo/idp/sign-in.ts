/**
 * The demo IdP's sign-in settings: password for alice and bob, a code emailed to the demo
 * mailbox for carol, "Social Demo" (a second oidc-provider) for dana, and the bridge's
 * failed-attempt limit.
 */
import {
  createVerificationCodes,
  type AttemptLimitOptions,
  type KitStore,
  type SignInBridgeOptions,
} from '../../src/server/index.js';
import type { Mailbox } from '../mailbox/mailbox.js';
import { socialConnector } from '../social/connector.js';
import { accountForSocialSubject, findCodeUser, resolveDemoAccount } from './users.js';

/** Options of {@link demoSignIn}. */
export interface DemoSignInOptions {
  /** The demo IdP's issuer (the connector callback lives on it). */
  issuer: string;
  /** Where emailed codes go. */
  mailbox: Mailbox;
  /** The social provider's issuer, once it runs; no social connector while `undefined`. */
  socialIssuer: () => string | undefined;
  /** Failed attempts per identifier (default: 5 in 15 minutes lock for 15 minutes). */
  attemptLimit?: AttemptLimitOptions;
  /** The bridge's store: codes are kept there, so every IdP instance sharing it accepts them. */
  store: KitStore;
}

/** The bridge's sign-in options for the demo. */
export function demoSignIn(options: DemoSignInOptions): SignInBridgeOptions {
  const codes = createVerificationCodes({
    length: 6,
    ttlSeconds: 600,
    store: options.store,
    deliver: (to, code) => options.mailbox.deliver(to, code),
  });
  return {
    identifiers: ['email', 'username'],
    password: true,
    codeLength: codes.length,
    resendAfter: 30,
    async sendCode(identifier) {
      const user = findCodeUser(identifier);
      // Same answer either way; only a code user gets mail.
      if (user) await codes.send(user.email);
    },
    async verifyCode(identifier, code) {
      const user = findCodeUser(identifier);
      return user && (await codes.verify(user.email, code)) ? { accountId: user.accountId } : null;
    },
    // Carol has no password: the screen goes straight to her code. Unknown identifiers are
    // answered like alice's and bob's (password or code), so this only tells code-only accounts.
    signInMethods: async (identifier) => (findCodeUser(identifier) ? ['code'] : undefined),
    // An email and a username of one account share one failed-attempt count.
    resolveAccount: async (identifier) => resolveDemoAccount(identifier),
    connectors: socialConnector({
      issuer: options.socialIssuer,
      redirectUri: `${options.issuer}/interaction/callback`,
      accountFor: accountForSocialSubject,
    }),
    ...(options.attemptLimit && { attemptLimit: options.attemptLimit }),
  };
}
