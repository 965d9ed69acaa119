/**
 * The demo IdP's interaction page: how an operator embeds consent-kit, on the fast path. The
 * server rendered the screen into #root and embedded its step (`bridge.step` and
 * `renderInteraction`, demo/stack.ts): the page loads what the step needs and hydrates, with
 * no details request. Without an embedded step (an expired or decided interaction) it renders
 * on its own and asks the details endpoint. The page lives at `/interaction/<uid>`, so the kit
 * adapter's base URL is simply the page's own path.
 */
import { createRoot, hydrateRoot } from 'react-dom/client';
import { InteractionScreen, preloadStep } from '../../src/index.js';
import { createInteractionClient, kitAdapter, readEmbeddedStep } from '../../src/client/index.js';
import '../../src/styles/tokens.css';
import '../../src/styles/ui.css';
import '../../src/styles/consent.css';
import '../../src/styles/sign-in.css';
// The host page's own styles, kept in a file: the page's CSP allows no inline style.
import './page.css';

const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
const root = document.getElementById('root');
const step = readEmbeddedStep();
if (root && step) {
  // The language the server rendered in, so both sides agree.
  const locale = root.dataset.locale;
  await preloadStep(step, { locale });
  const screen = <InteractionScreen client={client} initialStep={step} locale={locale} />;
  if (root.firstElementChild) hydrateRoot(root, screen);
  else createRoot(root).render(screen);
} else if (root) {
  createRoot(root).render(<InteractionScreen client={client} />);
}
