/**
 * Reading the step a server embedded in the page (see `embeddedStepElement` in the protocol):
 * parsed and validated exactly like an answer of the details endpoint (URLs included: `safeStepUrls`),
 * so the screens can start from it at once, with no request.
 */
import { InteractionError } from '../protocol/errors.js';
import { EMBEDDED_STEP_ID } from '../protocol/embed.js';
import type { InteractionStep } from '../protocol/interaction.js';
import { parseInteractionStep } from './adapters/kit.js';
import { safeStepUrls } from './safe-urls.js';

/**
 * Validates a step embedded as kit-protocol JSON (text, or the value already parsed) and
 * returns a fresh copy, exactly as the client takes `GET <base>/<uid>/details` from the `kit`
 * adapter: URLs checked too, so a form that would post elsewhere than a path of the page's
 * origin (the password and the token with it) is dropped, as `safeStepUrls` drops it.
 *
 * @throws InteractionError `invalid_response` when the text is not JSON or not a valid step
 */
export function parseEmbeddedStep(json: unknown): InteractionStep {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (cause) {
      throw new InteractionError('invalid_response', 'the embedded step is not JSON', { cause });
    }
  }
  return safeStepUrls(parseInteractionStep(value, 'step'));
}

/**
 * The step embedded in this page by the server, or `undefined` when the page has none (then
 * the screens load it with `client.load()`). Reads the `<script type="application/json">`
 * element with the given id (default `consent-kit-step`).
 *
 * @throws InteractionError `invalid_response` when the element holds no valid step
 */
export function readEmbeddedStep(id: string = EMBEDDED_STEP_ID): InteractionStep | undefined {
  const element = typeof document === 'undefined' ? null : document.getElementById(id);
  if (!element) return undefined;
  return parseEmbeddedStep(element.textContent ?? '');
}
