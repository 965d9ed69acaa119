/** Render helpers shared by the screen, stress and theming stories. */
import { ConsentScreen, SignInScreen, type SignInView } from '../../src/index.js';
import type { ConsentStep, LoginStep } from '../../src/protocol/interaction.js';
import type { InteractionErrorCode } from '../../src/protocol/errors.js';
import { withLocalAssets } from './assets.js';
import { storyClient, stayHere } from './client.js';

/** The consent screen for a step, with no network and no navigation. */
export function ConsentFor({ step, locale }: { step: ConsentStep; locale?: string | undefined }) {
  const local = withLocalAssets(step);
  return <ConsentScreen client={storyClient({ step: local })} step={local} onRedirect={stayHere} locale={locale} />;
}

/** The sign-in screen for a step, optionally starting at another view. */
export function SignInFor({
  step,
  locale,
  initialView,
}: {
  step: LoginStep;
  locale?: string | undefined;
  initialView?: SignInView | undefined;
}) {
  const local = withLocalAssets(step);
  return (
    <SignInScreen
      client={storyClient({ step: local })}
      step={local}
      onRedirect={stayHere}
      locale={locale}
      initialView={initialView}
    />
  );
}

/** The consent screen before its step arrives: loading forever, or failed with `error`. */
export function ConsentLoading({ error }: { error?: InteractionErrorCode | undefined }) {
  return <ConsentScreen client={storyClient(error ? { error } : { pending: true })} onRedirect={stayHere} />;
}
