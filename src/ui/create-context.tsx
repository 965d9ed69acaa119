/**
 * `createPartsContext()`: the context a Root shares with its parts, and the hook that reads it.
 *
 * The Root's value is memoized field by field, so a Root re-rendered by its parent with the
 * same state gives its parts (and their memoized rows) the same object. A part outside its Root
 * throws a message naming the part, because the usual cause is a part rendered by a host in the
 * wrong place, and "cannot read properties of null" would not say which.
 */
import { createContext, type ReactElement, type ReactNode, useContext, useMemo } from 'react';

/**
 * Creates the context of a family of parts.
 *
 * @param root - the Root's public name (`Consent.Root`), for the error message
 * @returns the Provider the Root renders, and `useParts(part)`, which throws
 *   `Error("<part> must be used within <root>")` outside the Root
 */
export function createPartsContext<T extends object>(root: string) {
  const Context = createContext<T | null>(null);
  Context.displayName = `${root} context`;

  // biome-ignore lint/correctness/noComponentHookFactories: called once per family of parts, at module level
  function Provider({ value, children }: { value: T; children?: ReactNode }): ReactElement {
    // A value built with the same fields in the same order on every render (the Roots do).
    // biome-ignore lint/correctness/useExhaustiveDependencies: the value's fields are its dependencies
    const memoized = useMemo(() => value, Object.values(value));
    return <Context.Provider value={memoized}>{children}</Context.Provider>;
  }

  // biome-ignore lint/correctness/noComponentHookFactories: called once per family of parts, at module level
  function useParts(part: string): T {
    const value = useContext(Context);
    if (!value) throw new Error(`${part} must be used within ${root}`);
    return value;
  }

  return [Provider, useParts] as const;
}
