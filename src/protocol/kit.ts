/**
 * The kit protocol: the JSON interface that consent-kit's server bridges serve and the `kit`
 * adapter speaks. Bodies are the domain types of `interaction.ts`, as JSON.
 *
 * All endpoints live under the interaction's own URL, `<base>/<uid>` (for oidc-provider,
 * `/interaction/<uid>`), because the provider's interaction cookie is path-scoped to it.
 *
 * | method | path                      | request body        | success (200)          |
 * |--------|---------------------------|---------------------|------------------------|
 * | GET    | `<base>/<uid>/details`    | –                   | `InteractionStep`      |
 * | POST   | `<base>/<uid>/login`      | `LoginSubmission`   | `KitRedirectResponse`  |
 * | POST   | `<base>/<uid>/consent`    | `ConsentDecision`   | `KitRedirectResponse`  |
 * | POST   | `<base>/<uid>/abort`      | `{}`                | `KitRedirectResponse`  |
 * | POST   | `<base>/<uid>/switch-account` | `{}`            | `LoginStep`            |
 * | POST   | `<base>/<uid>/send-code`  | `CodeRequest`       | `CodeSent`             |
 * | POST   | `<base>/<uid>/verify-code`| `CodeSubmission`    | `KitRedirectResponse`  |
 * | POST   | `<base>/<uid>/connector`  | `ConnectorRequest`  | `KitRedirectResponse` (the connector's URL) |
 * | POST   | `<base>/<uid>/continue`   | `{}`                | `KitRedirectResponse`  |
 * | POST   | `<base>/<uid>/identify`   | `IdentifyRequest`   | `SignInMethods`        |
 *
 * Every POST is `content-type: application/json` (bridges refuse anything else with 415), so
 * no other origin can send one without a CORS preflight.
 *
 * `429 too_many_attempts` carries a `Retry-After` header (seconds) on `login`, `verify-code`
 * and `send-code`.
 *
 * Errors answer with a 4xx/5xx status and a {@link KitErrorResponse}; `error` is one of the
 * kit's {@link InteractionErrorCode}s (for example `invalid_scope` with 400,
 * `invalid_credentials` with 401, `interaction_expired` with 404).
 *
 * One decision per interaction: once `consent` or `abort` has been answered, a repeated or
 * concurrent `consent` / `abort` gets the first answer again (same `redirectTo`), and `details`
 * answers `410 interaction_expired` with that `redirectTo`.
 */
import type { InteractionErrorCode } from './errors.js';

/**
 * The endpoint names of the kit protocol, relative to `<base>/<uid>/`. Keys name the act
 * (`deny`: the user refuses, the app receives `access_denied`); values are the wire paths, which
 * keep their first names (`abort`, as oidc-provider's examples call it) for existing servers.
 */
export const KIT_ENDPOINTS = {
  details: 'details',
  login: 'login',
  consent: 'consent',
  deny: 'abort',
  switchAccount: 'switch-account',
  sendCode: 'send-code',
  verifyCode: 'verify-code',
  connector: 'connector',
  continue: 'continue',
  identify: 'identify',
} as const;

/** Success body of the POST endpoints that end a step: the browser navigates to `redirectTo`. */
export interface KitRedirectResponse {
  redirectTo: string;
}

/** Error body of every kit endpoint. */
export interface KitErrorResponse {
  error: InteractionErrorCode;
  /** Developer-facing English; the UI shows a localized message chosen by `error` instead. */
  error_description?: string;
  /**
   * The interaction was already decided (another tab, a Hydra challenge already used) and the
   * provider says how to go on: the browser navigates here instead of showing the error.
   * Sent with `410 interaction_expired` by `GET …/details`.
   */
  redirectTo?: string;
}
