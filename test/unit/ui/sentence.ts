/**
 * Finds a sentence the screens build around provider text. The provider's part is its own
 * element (an isolating `<bdi>`), so Testing Library's default matcher, which reads an element's
 * own text nodes, never sees the whole sentence: this matches the innermost element whose whole
 * text (whitespace collapsed) is, or contains, what the user reads.
 */
export function sentence(expected: string | RegExp) {
  const matches = (element: Element | null) => {
    const text = element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    return typeof expected === 'string' ? text === expected : expected.test(text);
  };
  return (_content: string, element: Element | null) =>
    matches(element) && ![...(element?.children ?? [])].some((child) => matches(child));
}
