/**
 * The page the size benchmark builds: what an operator ships for a consent screen, i.e. the
 * React entry, the kit client with its kit adapter, English, and the stylesheet.
 */
import { createRoot } from 'react-dom/client';
import { ConsentScreen } from '../../src/index.js';
import { createInteractionClient, kitAdapter } from '../../src/client/index.js';
import '../../src/styles/tokens.css';
import '../../src/styles/ui.css';
import '../../src/styles/consent.css';
import '../../src/styles/sign-in.css';

const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
createRoot(document.getElementById('root') as HTMLElement).render(<ConsentScreen client={client} />);
