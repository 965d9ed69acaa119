export type * from './interaction.js';
export { ERROR_CODES, InteractionError, isInteractionErrorCode } from './errors.js';
export type { InteractionErrorCode, InteractionErrorOptions } from './errors.js';
export { KIT_ENDPOINTS } from './kit.js';
export type { KitErrorResponse, KitRedirectResponse } from './kit.js';
export { safeHttpUrl } from './url.js';
export { safeBranding, safeHexColor } from './branding.js';
export { EMBEDDED_STEP_ID, embeddedStepElement, toScriptJson } from './embed.js';
