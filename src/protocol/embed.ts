/**
 * The interaction step embedded in the page, so the screens start from it without a details
 * round trip. The server writes it as JSON inside a `<script type="application/json">` element:
 * a data block, never executed, so a Content-Security-Policy without `'unsafe-inline'` allows it.
 *
 * Provider text (an app's name, a scope's description) is untrusted and travels inside that
 * element. JSON leaves `<` alone, so `</script>` in a name would end the element early and let
 * the rest run as markup; `<!--` could open a comment that swallows the end tag. Every `<`, `>`
 * and `&` is written as a JSON `\u` escape instead (JSON.parse reads it back unchanged), and so
 * are U+2028 and U+2029, which some JavaScript parsers treated as line ends (harmless in JSON
 * since ES2019, but a copy of the text pasted into a script literal would break).
 */

/** The id of the element holding the embedded step, unless the host names another. */
export const EMBEDDED_STEP_ID = 'consent-kit-step';

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** `value` as JSON that is safe to place between `<script type="application/json">` tags. */
export function toScriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('the embedded value must be JSON-serializable');
  return json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters that must not appear unescaped in an attribute value. */
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };

/**
 * The whole element, `<script type="application/json" id="consent-kit-step">…</script>`, for a
 * server to put in the page (before the script that mounts the screens).
 *
 * @param step - the step as the details endpoint answers it (kit protocol JSON)
 * @param id - the element's id; default {@link EMBEDDED_STEP_ID}
 */
export function embeddedStepElement(step: unknown, id: string = EMBEDDED_STEP_ID): string {
  const safeId = id.replace(/[&"<>]/g, (char) => ATTRIBUTE_ESCAPES[char]!);
  return `<script type="application/json" id="${safeId}">${toScriptJson(step)}</script>`;
}
