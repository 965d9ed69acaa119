/**
 * A host app that embeds consent-kit from its published package: its own i18next instance for
 * its own pages (initialized with i18next's defaults: HTML escaping on, `.` and `:` separators,
 * or with the separators off), the kit's client against the kit protocol, and the screens with
 * the props an integrator passes (ref, className, components, callbacks). What the screens
 * report is recorded on `window.hostEvents` for the test to read.
 */
import i18next, { type InitOptions } from 'i18next';
import { StrictMode, createRef, version } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next } from 'react-i18next';
import {
  ConsentKitProvider,
  InteractionScreen,
  useConsentContext,
  type ConsentDecisionEvent,
  type ScreenAction,
  type SignInEvent,
} from 'consent-kit';
import { createInteractionClient, kitAdapter } from 'consent-kit/client';
import 'consent-kit/styles.css';

type HostEvent =
  | { type: 'decision'; event: ConsentDecisionEvent }
  | { type: 'signIn'; event: SignInEvent }
  | { type: 'error'; action: ScreenAction; message: string }
  | { type: 'redirect'; url: string };

declare global {
  interface Window {
    hostEvents: HostEvent[];
    hostScreen: HTMLDivElement | null;
    reactVersion: string;
  }
}

const params = new URLSearchParams(location.search);
const uid = params.get('uid') ?? 'none';
const lng = params.get('lng') ?? 'en';
const separators: InitOptions = params.get('separators') === 'off' ? { keySeparator: false, nsSeparator: false } : {};

window.hostEvents = [];
window.reactVersion = version;
const record = (event: HostEvent) => window.hostEvents.push(event);

/** The host's own note above the consent heading: a replaced part reading the kit's context. */
function HostNote() {
  const { step } = useConsentContext('HostNote');
  return <p className="host-note">Reviewed by the host for {step.client.name}</p>;
}

async function main(): Promise<void> {
  const host = i18next.createInstance();
  await host.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: { en: { translation: { title: 'Host app' } }, de: { translation: { title: 'Gastgeber' } } },
    ...separators,
  });
  document.title = host.t('title');
  const client = createInteractionClient(kitAdapter({ baseUrl: `/interaction/${uid}` }));
  const screen = createRef<HTMLDivElement>();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConsentKitProvider i18n={host}>
        <InteractionScreen
          ref={screen}
          className="host-screen"
          client={client}
          components={{ consent: { Notice: HostNote } }}
          onRedirect={(url) => record({ type: 'redirect', url })}
          onDecision={(event) => record({ type: 'decision', event })}
          onSignIn={(event) => record({ type: 'signIn', event })}
          onError={(error, { action }) => record({ type: 'error', action, message: String(error) })}
        />
      </ConsentKitProvider>
    </StrictMode>,
  );
  // The ref as the host sees it once the screen is up.
  const check = () => {
    window.hostScreen = screen.current;
    requestAnimationFrame(check);
  };
  check();
}

void main();
