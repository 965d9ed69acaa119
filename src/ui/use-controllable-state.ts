/**
 * `useControllableState()`: a value a component owns unless its host controls it, Radix style:
 * `value` + `onValueChange` (controlled) or `defaultValue` (uncontrolled). The kit's one such
 * hook, used by `useConsent` (the decision), `Consent.ResourceGroup` (open) and the checkbox.
 *
 * It is Radix's own (`@radix-ui/react-use-controllable-state`), which `@radix-ui/react-checkbox`
 * already brings into the bundle, named the way the kit's props are. Its contract: a controlled
 * update reports the next value and changes nothing until the host passes it back; an
 * uncontrolled one is applied, and `onValueChange` is told after the render that shows it.
 */
import { useControllableState as useRadixControllableState } from '@radix-ui/react-use-controllable-state';
import type { Dispatch, SetStateAction } from 'react';

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The controlled value; `undefined` leaves the component in charge. */
  value: T | undefined;
  /** The first value when uncontrolled (or a function computing it, called once). */
  defaultValue: T | (() => T);
  /** Called with every new value, controlled or not. */
  onValueChange?: ((value: T) => void) | undefined;
  /** The component's name, for the warning when it switches between controlled and not. */
  caller: string;
}

/** `[value, setValue]`, where `setValue` takes a value or an update of the previous one. */
export function useControllableState<T>(options: ControllableStateOptions<T>): [T, Dispatch<SetStateAction<T>>] {
  return useRadixControllableState<T>({
    prop: options.value,
    // React's useState calls a function default once, which is what the option documents.
    defaultProp: options.defaultValue as T,
    onChange: options.onValueChange,
    caller: options.caller,
  });
}
