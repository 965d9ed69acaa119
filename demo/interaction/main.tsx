/**
 * The demo IdP's interaction page: how an operator embeds consent-kit. The page lives at
 * `/interaction/<uid>`, so the kit adapter's base URL is simply the page's own path.
 */
import { createRoot } from 'react-dom/client';
import { InteractionScreen } from '../../src/index.js';
import { createInteractionClient, kitAdapter } from '../../src/client/index.js';
import '../../src/styles/tokens.css';
import '../../src/styles/ui.css';
import '../../src/styles/consent.css';
import '../../src/styles/sign-in.css';
// The host page's own styles, kept in a file: the page's CSP allows no inline style.
import './page.css';

const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
const root = document.getElementById('root');
if (root) createRoot(root).render(<InteractionScreen client={client} />);
