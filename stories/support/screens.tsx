/** Render helpers shared by the screen, stress and theming stories. */
import { ConsentScreen, SignInScreen } from '../../src/index.js';
import type { ConsentStep, LoginStep } from '../../src/protocol/interaction.js';
import type { InteractionErrorCode } from '../../src/protocol/errors.js';
import { withLocalAssets } from './assets.js';
import { storyClient, stayHere } from './client.js';

/** The consent screen for a step, with no network and no navigation. */
export function ConsentFor({ step }: { step: ConsentStep }) {
  const local = withLocalAssets(step);
  return <ConsentScreen client={storyClient({ step: local })} step={local} onRedirect={stayHere} />;
}

/** The sign-in screen for a step. */
export function SignInFor({ step }: { step: LoginStep }) {
  const local = withLocalAssets(step);
  return <SignInScreen client={storyClient({ step: local })} step={local} onRedirect={stayHere} />;
}

/** The consent screen before its step arrives: loading forever, or failed with `error`. */
export function ConsentLoading({ error }: { error?: InteractionErrorCode | undefined }) {
  return <ConsentScreen client={storyClient(error ? { error } : { pending: true })} onRedirect={stayHere} />;
}
