/**
 * What every exported component takes besides its own props: a class for its element. Each
 * also forwards a ref to that element (React 18's `forwardRef`, which React 19 still honours),
 * so hosts can measure, scroll to or focus a part the way they would a `<div>`.
 */
export interface PartProps {
  /** Extra class names on the element, after the part's own stable `ck-…` class. */
  className?: string | undefined;
}
