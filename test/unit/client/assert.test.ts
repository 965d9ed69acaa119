import { describe, expect, it } from 'vitest';
import {
  assertArray,
  assertBoolean,
  assertObject,
  assertOneOf,
  assertOptionalBoolean,
  assertOptionalString,
  assertString,
  assertStringArray,
  parseArray,
} from '../../../src/client/assert.js';
import { InteractionError } from '../../../src/protocol/errors.js';

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectInvalid(fn: () => unknown, message: string) {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(InteractionError);
  expect(error).toMatchObject({ code: 'invalid_response', message });
}

describe('given the response assertion helpers', () => {
  it('should accept plain objects and reject null, arrays and primitives naming the label', () => {
    expect(() => assertObject({}, 'step')).not.toThrow();
    for (const value of [null, [], 'x', 1, undefined]) {
      expectInvalid(() => assertObject(value, 'step.client'), 'step.client must be an object');
    }
  });

  it('should reject non-strings and empty strings unless empty ones are allowed', () => {
    expect(() => assertString('a', 'x')).not.toThrow();
    expect(() => assertString('', 'x', true)).not.toThrow();
    expectInvalid(() => assertString(1, 'step.uid'), 'step.uid must be a string');
    expectInvalid(() => assertString('', 'step.uid'), 'step.uid must be a non-empty string');
  });

  it('should let optional strings be absent but not null', () => {
    expect(() => assertOptionalString(undefined, 'x')).not.toThrow();
    expect(() => assertOptionalString('a', 'x')).not.toThrow();
    expectInvalid(() => assertOptionalString(null, 'client.homepage'), 'client.homepage must be a string when present');
  });

  it('should accept only real booleans', () => {
    expect(() => assertBoolean(false, 'x')).not.toThrow();
    expectInvalid(() => assertBoolean('true', 'scope.required'), 'scope.required must be a boolean');
    expect(() => assertOptionalBoolean(undefined, 'x')).not.toThrow();
    expectInvalid(() => assertOptionalBoolean(0, 'scope.granted'), 'scope.granted must be a boolean when present');
  });

  it('should name the failing item index of an array', () => {
    expectInvalid(() => assertArray({}, 'list'), 'list must be an array');
    expectInvalid(() => assertStringArray(['a', 2], 'step.uiLocales'), 'step.uiLocales[1] must be a string');
    expect(() => assertStringArray(['en', 'ko'], 'x')).not.toThrow();
  });

  it('should list the accepted values of an enumeration', () => {
    expect(() => assertOneOf('third', 'x', ['first', 'third'])).not.toThrow();
    expectInvalid(
      () => assertOneOf('other', 'client.party', ['first', 'third']),
      'client.party must be one of "first", "third"',
    );
  });

  it('should map array items with nested paths and return a fresh array', () => {
    const input = [{ n: 'a' }];
    const out = parseArray(input, 'items', (item, label) => {
      assertObject(item, label);
      assertString(item.n, `${label}.n`);
      return item.n;
    });
    expect(out).toEqual(['a']);
    expectInvalid(
      () =>
        parseArray([{ n: 'a' }, { n: 3 }], 'items', (item, label) => {
          assertObject(item, label);
          assertString(item.n, `${label}.n`);
          return item.n;
        }),
      'items[1].n must be a string',
    );
  });
});
