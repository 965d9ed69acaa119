/**
 * The page the size benchmark builds: the README's embedding on the fast path, importing the
 * published package (`consent-kit` resolves to `dist/` through package.json's `exports`). The
 * server embedded the step; the page preloads what it needs and renders once. (A server-rendered
 * page hydrates instead of rendering, after loading the very same files.)
 */
import { createRoot } from 'react-dom/client';
import { InteractionScreen, preloadStep } from 'consent-kit';
import { createInteractionClient, kitAdapter, readEmbeddedStep } from 'consent-kit/client';
import 'consent-kit/styles.css';

const client = createInteractionClient(kitAdapter({ baseUrl: location.pathname }));
const step = readEmbeddedStep();
if (step) await preloadStep(step);
createRoot(document.getElementById('root')!).render(<InteractionScreen client={client} initialStep={step} />);
