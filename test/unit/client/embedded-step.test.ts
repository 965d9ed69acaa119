/**
 * The step a server embeds in the page: written so no provider text can break out of its
 * element, and read back exactly as the details endpoint's answer would be.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseInteractionStep } from '../../../src/client/adapters/kit.js';
import { parseEmbeddedStep, readEmbeddedStep } from '../../../src/client/embedded-step.js';
import { embeddedStepElement, EMBEDDED_STEP_ID, toScriptJson } from '../../../src/protocol/embed.js';
import { InteractionError } from '../../../src/protocol/errors.js';
import { consentStep, loginStep } from '../../fixtures/steps.js';

/** A consent step whose provider text tries to end the script element and open markup. */
function hostileStep() {
  const step = consentStep({ uid: 'hostile' });
  step.client.name = '</script><script>window.pwned = 1</script><!-- Acme\u2028& Co\u2029';
  step.consent.resources[0]!.scopes[0]!.description = '<img src=x onerror="window.pwned=2">';
  return step;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('given a step whose provider text holds </script>, <!-- and U+2028', () => {
  it('should write JSON with no <, > or & and no raw line separators in it', () => {
    const json = toScriptJson(hostileStep());
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(hostileStep());
  });

  it('should parse as one data block the page reads back unchanged, with nothing after it turned into markup', () => {
    const html = `<!doctype html><body>${embeddedStepElement(hostileStep())}<p id="after">after</p></body>`;
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect(parsed.querySelectorAll('script')).toHaveLength(1);
    expect(parsed.querySelector('img')).toBeNull();
    expect(parsed.getElementById('after')?.textContent).toBe('after');

    document.body.innerHTML = parsed.body.innerHTML;
    expect(readEmbeddedStep()).toEqual(parseInteractionStep(hostileStep(), 'step'));
  });
});

describe('given a page without an embedded step', () => {
  it('should answer undefined, so the screens load the step themselves', () => {
    expect(readEmbeddedStep()).toBeUndefined();
  });
});

describe('given an embedded element that holds no valid step', () => {
  it.each([
    ['text that is not JSON', '{"kind":"consent",'],
    ['JSON that is not a step', JSON.stringify({ kind: 'consent', uid: 'x' })],
    ['a consent step without its user', JSON.stringify({ ...consentStep(), user: undefined })],
  ])('should throw invalid_response for %s', (_case, text) => {
    const element = document.createElement('script');
    element.type = 'application/json';
    element.id = EMBEDDED_STEP_ID;
    element.textContent = text;
    document.body.append(element);
    let error: unknown;
    try {
      readEmbeddedStep();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InteractionError);
    expect((error as InteractionError).code).toBe('invalid_response');
  });

  it('should validate an already parsed value the same way', () => {
    expect(() => parseEmbeddedStep({ kind: 'elsewhere' })).toThrow(InteractionError);
  });
});

describe('given a sign-in step a form post came back to, with the methods the provider told', () => {
  const withMethods = (methods: unknown) =>
    parseEmbeddedStep({
      ...loginStep(),
      login: { ...loginStep().login, attempt: { view: 'code', identifier: 'c', methods } },
    });

  it('should keep the known methods and leave unknown ones out', () => {
    const step = withMethods(['code', 'passkey']);
    expect(step.kind === 'login' && step.login.attempt?.methods).toEqual(['code']);
  });

  it('should throw invalid_response for methods that are not a list of strings', () => {
    expect(() => withMethods('code')).toThrow(InteractionError);
  });
});
