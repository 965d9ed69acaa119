/**
 * Mounts both screens and the kit's stylesheets, themed by mode: `themed` through the theme
 * prop (CSSOM variables), `css` through `/theme.css` (written by the test setup with
 * `themeToCss`), `plain` not at all.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ConsentKitProvider, ConsentScreen, createTheme, SignInScreen } from '../../../src/index.js';
import { THEME } from './theme.js';
import { consentStep, loginStep } from '../../fixtures/steps.js';
import '../../../src/styles/tokens.css';
import '../../../src/styles/ui.css';
import '../../../src/styles/consent.css';
import '../../../src/styles/sign-in.css';

const never = () => new Promise<never>(() => {});
const client = new Proxy({}, { get: () => never }) as never;

export function mountKit(element: HTMLElement, mode: string): void {
  const consent = consentStep();
  const login = loginStep();
  // Logos of the fixtures are external: drop them (the monogram shows) to stay offline.
  delete consent.client.logo;
  delete consent.user.avatar;
  delete login.client.logo;
  const theme = mode === 'themed' ? createTheme(THEME) : undefined;
  if (mode === 'css') {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/theme.css';
    document.head.append(link);
  }
  flushSync(() =>
    createRoot(element).render(
      <ConsentKitProvider theme={theme}>
        <ConsentScreen client={client} step={consent} />
        <SignInScreen client={client} step={login} />
      </ConsentKitProvider>,
    ),
  );
  document.body.dataset.ready = 'true';
}
