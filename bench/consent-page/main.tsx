/**
 * The page the size benchmark builds: the README's embedding, word for word, importing the
 * published package (`consent-kit` resolves to `dist/` through package.json's `exports`).
 */
import { createRoot } from 'react-dom/client';
import { InteractionScreen } from 'consent-kit';
import { createInteractionClient, kitAdapter } from 'consent-kit/client';
import 'consent-kit/styles.css';

const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
createRoot(document.getElementById('root')!).render(<InteractionScreen client={client} />);
