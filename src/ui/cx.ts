/** Joins class names, skipping empty ones. Tiny on purpose: no classnames dependency. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
