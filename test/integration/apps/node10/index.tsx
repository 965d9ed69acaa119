/**
 * `moduleResolution: "node"` (node10; what older Next.js projects generate): no `exports` map,
 * so every entry's types come from `typesVersions`. Type-checked only.
 */
import { ConsentScreen, type ConsentScreenProps } from 'consent-kit';
import { createInteractionClient, kitAdapter } from 'consent-kit/client';
import { createOidcProviderBridge, type OidcProviderBridge } from 'consent-kit/server';
import 'consent-kit/styles.css';

const client = createInteractionClient(kitAdapter({ baseUrl: '/interaction/u1' }));
const props: ConsentScreenProps = { client, className: 'host', onDecision: (event) => console.log(event.action) };
export const page = <ConsentScreen {...props} />;
export type Bridge = OidcProviderBridge;
export const bridge: typeof createOidcProviderBridge = createOidcProviderBridge;
