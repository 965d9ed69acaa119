/**
 * The page script of a server-rendering host: the server put the step's screen in #root and
 * the step beside it (server.mjs); the script loads what the step needs in the language the
 * server rendered, then hydrates the same tree. What a test needs to judge the hydration is
 * recorded on `window.ssr`: the server's heading element (React keeps it when the markup
 * matches and replaces it when it gives up), the errors React recovered from, and what the
 * screens reported.
 */
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { InteractionScreen, preloadStep } from 'consent-kit';
import { createInteractionClient, kitAdapter, readEmbeddedStep } from 'consent-kit/client';
import 'consent-kit/styles.css';

declare global {
  interface Window {
    ssr: { serverHeading: Element | null; recoverable: string[]; events: unknown[]; hydrated: boolean };
  }
}

const root = document.getElementById('root')!;
window.ssr = { serverHeading: root.querySelector('h1'), recoverable: [], events: [], hydrated: false };
const record = (event: unknown) => window.ssr.events.push(event);

const step = readEmbeddedStep();
if (!step) throw new Error('the page has no embedded step');
// The language the server rendered in, so both sides agree.
const locale = root.dataset.locale;
await preloadStep(step, { locale });
const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
hydrateRoot(
  root,
  <StrictMode>
    <InteractionScreen
      client={client}
      initialStep={step}
      locale={locale}
      onRedirect={(url) => record({ type: 'redirect', url })}
      onDecision={(event) => record({ type: 'decision', event })}
      onSignIn={(event) => record({ type: 'signIn', event })}
      onError={(error, { action }) => record({ type: 'error', action, message: String(error) })}
    />
  </StrictMode>,
  { onRecoverableError: (error) => window.ssr.recoverable.push(String(error)) },
);
window.ssr.hydrated = true;
