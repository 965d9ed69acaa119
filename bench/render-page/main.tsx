/**
 * The render benchmark's page. `window.bench(kind)` renders one screen from scratch into a
 * fresh container and resolves with the milliseconds from "data in hand" to the frame after
 * it was painted:
 *
 * - `consent`: `<ConsentScreen>` with every API group expanded, so it paints the same items
 *   as the bare list (the shipped default collapses all but a lone group, see `consent-default`);
 * - `consent-default`: `<ConsentScreen>` as shipped;
 * - `bare`: a plain React list of the same items (a native checkbox and a label each).
 *
 * Both are timed to their first painted frame. The consent screen's stylesheet marks API group
 * panels and organizations `content-visibility: auto`, so the browser skips the style, layout
 * and paint of those off screen in that frame; the bare list has no such rule and lays out
 * everything. Without the rule (commit 802b9e8) the all-open screen measured 1.94-2.02× the
 * bare list.
 */
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { Consent, ConsentScreen } from '../../src/index.js';
import type { InteractionClient } from '../../src/client/types.js';
import { largeConsentStep } from '../../test/fixtures/consent-steps.js';
import '../../src/styles/tokens.css';
import '../../src/styles/ui.css';
import '../../src/styles/consent.css';

type Kind = 'consent' | 'consent-default' | 'bare';

const never = () => new Promise<never>(() => {});
// Every method waits forever: the step is given, and nothing is submitted.
const client = new Proxy({} as InteractionClient, { get: (_target, prop) => (prop === 'then' ? undefined : never) });

function AllOpen() {
  return <Consent.ResourceGroups defaultOpen />;
}

function BareList({ step }: { step: ReturnType<typeof largeConsentStep> }) {
  return (
    <ul>
      {step.consent.resources.map((resource) => (
        <li key={resource.indicator}>
          <h2>{resource.name}</h2>
          <ul>
            {resource.scopes.map((scope) => (
              <li key={scope.name}>
                <label>
                  <input type="checkbox" defaultChecked value={scope.name} /> {scope.description}
                </label>
              </li>
            ))}
          </ul>
        </li>
      ))}
      {step.consent.organizations?.options.map((org) => (
        <li key={org.id}>
          <label>
            <input type="checkbox" value={org.id} /> {org.name} ({org.role})
          </label>
          <ul>
            {org.permissions.map((p) => (
              <li key={p.name}>{p.description}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Resolves after the next frame has been painted. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  });
}

/** Milliseconds of the last run spent before the browser could paint (React render, commit, effects). */
let lastCommit = 0;

async function bench(kind: Kind): Promise<number> {
  const stage = document.getElementById('stage')!;
  const container = document.createElement('div');
  stage.replaceChildren(container);
  const step = largeConsentStep();
  const root = createRoot(container);
  const start = performance.now();
  flushSync(() => {
    root.render(
      kind === 'bare' ? (
        <BareList step={step} />
      ) : (
        <ConsentScreen
          client={client}
          step={step}
          onRedirect={() => {}}
          components={kind === 'consent' ? { ResourceGroups: AllOpen } : undefined}
        />
      ),
    );
  });
  lastCommit = performance.now() - start;
  await afterPaint();
  const elapsed = performance.now() - start;
  const painted = container.querySelectorAll('[role="checkbox"], input[type="checkbox"]').length;
  root.unmount();
  if (painted === 0) throw new Error(`${kind}: nothing rendered`);
  return elapsed;
}

Object.assign(window, { bench, lastCommit: () => lastCommit });
