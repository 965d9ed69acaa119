/**
 * Which connector an identifier belongs to: an email whose domain an enterprise SSO connector
 * claims signs in there, never with a password. The screen and the bridge (for a sign-in
 * posted as a plain HTML form) decide it with this one function.
 */
import type { Connector } from './interaction.js';

/** The connector of kind `sso` whose domains include the identifier's email domain. */
export function ssoConnectorFor(
  identifier: string,
  connectors: readonly Connector[] | undefined,
): Connector | undefined {
  const at = identifier.lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = identifier
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!domain) return undefined;
  return connectors?.find((c) => c.kind === 'sso' && c.domains?.includes(domain));
}
