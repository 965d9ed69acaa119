/**
 * `useFocusOnChange()`: moves focus to an element in the same commit that shows it.
 *
 * A layout effect, not a passive one: a passive effect runs after the browser may already have
 * painted, so for a moment the new heading or error is on screen (and in the accessibility tree)
 * while focus is still on `<body>`, and anything watching the DOM sees it unfocused. Focusing in
 * the layout phase means the content and the focus arrive together. On the server there is no
 * focus to move, and React 18 warns about layout effects there, so it is a passive effect then.
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';

const useCommitEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;

/** Focuses `ref` whenever `key` changes (and on mount) while `when` holds. */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: unknown, when = true): void {
  // `key` is a dependency on purpose: a new key moves focus again. The ref object never changes.
  useCommitEffect(() => {
    if (when) ref.current?.focus();
  }, [key, when]);
}

export { useCommitEffect };
