/**
 * The stories, languages and screen sizes the layout checks (layout.test.ts) measure and
 * `npm run screenshots` photographs (issue 12): the stress stories of test/fixtures/stress.ts
 * and the plain screens, in a left-to-right, a right-to-left, two CJK and a long-worded language,
 * on a small phone, a phone and a desktop.
 */
export const LAYOUT_LOCALES = ['en', 'ar', 'ko', 'ja', 'de'] as const;

export const LAYOUT_VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

export const LAYOUT_STORIES = [
  'stress-consent--long-role',
  'stress-consent--long-permission',
  'stress-consent--long-unbroken-name',
  'stress-consent--bidi-controls',
  'stress-consent--broken-branding-logo',
  'stress-sign-in--long-unbroken-name',
  'stress-sign-in--bidi-controls',
  'stress-sign-in--broken-branding-logo',
  // The plain screens: German's Cancel / Authorize at 320 px, Korean's "Not you?".
  'screens-consent--full',
  'screens-sign-in--default',
] as const;
