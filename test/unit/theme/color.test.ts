import { describe, expect, it } from 'vitest';
import { adjustToContrast, contrast, mustParse, parseColor, toHex } from '../../../src/theme/color.js';

describe('parseColor', () => {
  it.each([
    ['#fff', '#ffffff'],
    ['#4A4AD8', '#4a4ad8'],
    ['rgb(10 20 30)', '#0a141e'],
    ['rgb(10, 20, 30)', '#0a141e'],
    ['rgba(10, 20, 30, 1)', '#0a141e'],
    ['hsl(0 100% 50%)', '#ff0000'],
    ['white', '#ffffff'],
  ])('should read %s as %s', (input, hex) => {
    expect(toHex(parseColor(input)!)).toBe(hex);
  });

  it.each(['red', 'transparent', 'rgb(0 0 0 / 0.5)', '#12345', 'var(--x)', 'url(x)', 'rgb(300 0 0)'])(
    'should refuse %s, whose contrast cannot be computed',
    (input) => {
      expect(parseColor(input)).toBeUndefined();
      expect(() => mustParse(input)).toThrow(TypeError);
    },
  );
});

describe('contrast', () => {
  it('should follow WCAG 2.x: 21:1 for black on white, 1:1 for a color on itself', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777', '#777')).toBe(1);
    // Published reference value for #777 on white: 4.48:1.
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});

describe('adjustToContrast', () => {
  it('should keep a color that already passes and move one that does not just far enough', () => {
    const white = mustParse('#fff');
    expect(toHex(adjustToContrast(mustParse('#000080'), white, 4.5, 'darker')!)).toBe('#000080');
    const fixed = adjustToContrast(mustParse('#fff59d'), white, 4.5, 'darker')!;
    expect(contrast(fixed, white)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(fixed, white)).toBeLessThan(4.8);
  });

  it('should report an impossible direction', () => {
    expect(adjustToContrast(mustParse('#777'), mustParse('#fff'), 4.5, 'lighter')).toBeUndefined();
  });
});
