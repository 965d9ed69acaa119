/** How the identifier input is presented for the identifier kinds a provider accepts. */
import type { KitKey } from '../i18n/keys.js';
import type { IdentifierKind } from '../protocol/interaction.js';

const KIND_ORDER: readonly IdentifierKind[] = ['email', 'phone', 'username'];

/** Label key, `type`, `inputmode` and `autocomplete` of the identifier input. */
export function identifierField(kinds: readonly IdentifierKind[]): {
  labelKey: Extract<KitKey, `signIn.identifier.${string}`>;
  type: 'email' | 'tel' | 'text';
  inputMode: 'email' | 'tel' | 'text';
  autoComplete: string;
} {
  const sorted = KIND_ORDER.filter((kind) => kinds.includes(kind));
  const only = sorted.length === 1 ? sorted[0] : undefined;
  const hasEmail = sorted.includes('email');
  const hasPhone = sorted.includes('phone');
  return {
    // Kinds joined in KIND_ORDER: every combination has its key in the locale files.
    labelKey: `signIn.identifier.${sorted.length ? sorted.join('_') : 'username'}` as Extract<
      KitKey,
      `signIn.identifier.${string}`
    >,
    // A narrow input type only when one kind is accepted: `type="email"` would reject a username.
    type: only === 'email' ? 'email' : only === 'phone' ? 'tel' : 'text',
    // The keyboard, though, may lean: an email keyboard still types usernames; digits-only
    // keyboards only when nothing but a phone number is accepted.
    inputMode: only === 'phone' ? 'tel' : hasEmail && !hasPhone ? 'email' : 'text',
    // `username` is what password managers look for on a sign-in form, even for emails;
    // a phone-only form is the one case where `tel` helps more (autofill of the number).
    autoComplete: only === 'phone' ? 'tel' : 'username',
  };
}
