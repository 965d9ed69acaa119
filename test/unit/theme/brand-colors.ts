/** Brand colors the contrast tests and the contrast story share: the awkward ones on purpose. */
export const BRAND_SAMPLES: Record<string, string> = {
  'pale yellow': '#fff59d',
  'pure yellow': '#ffff00',
  'near-black': '#111111',
  'pure white': '#ffffff',
  'mid gray': '#808080',
  'brand red': '#e02424',
  'logto purple': '#5d34f2',
  'spotify green': '#1db954',
  'sky blue': '#38bdf8',
  orange: '#ff7a00',
};
