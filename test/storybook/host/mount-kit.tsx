/** Mounts both screens with a custom theme (CSSOM variables) and the kit's stylesheets. */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { ConsentKitProvider, ConsentScreen, createTheme, SignIn, type Theme } from '../../../src/index.js';
import { consentStep, loginStep } from '../../fixtures/steps.js';
import '../../../src/styles/tokens.css';
import '../../../src/styles/consent.css';
import '../../../src/styles/sign-in.css';

/** Keep in step with host-page.test.ts. */
const THEME: Theme = {
  colors: { light: { brand: '#0e7490' }, dark: { brand: '#0e7490' } },
  radius: '3px',
  font: { family: 'Verdana, sans-serif' },
};

const never = () => new Promise<never>(() => {});
const client = new Proxy({}, { get: () => never }) as never;

export function mountKit(element: HTMLElement, mode: string): void {
  const consent = consentStep();
  const login = loginStep();
  // Logos of the fixtures are external: drop them (the monogram shows) to stay offline.
  delete consent.client.logo;
  delete consent.user.avatar;
  delete login.client.logo;
  const theme = mode === 'plain' ? undefined : createTheme(THEME);
  flushSync(() =>
    createRoot(element).render(
      <ConsentKitProvider theme={theme}>
        <ConsentScreen client={client} step={consent} />
        <SignIn client={client} step={login} />
      </ConsentKitProvider>,
    ),
  );
  document.body.dataset.ready = 'true';
}
