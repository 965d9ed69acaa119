/**
 * Small runtime checks for provider responses, in the manner of oauth4webapi: each helper
 * narrows an `unknown` value or throws an {@link InteractionError} with code
 * `invalid_response` whose message names the offending path (for example
 * `consent.resources[0].scopes[1].name must be a string`).
 *
 * They only ever inspect values with `typeof`, `Array.isArray` and own-property reads, so a
 * malformed payload can never surface as an uncaught `TypeError`.
 *
 * @packageDocumentation
 */
import { InteractionError } from '../protocol/errors.js';

/** A plain JSON object, as produced by `JSON.parse`. */
export type JsonObject = Record<string, unknown>;

/** Throws the `invalid_response` {@link InteractionError} used by every helper. */
function fail(label: string, expectation: string): never {
  throw new InteractionError('invalid_response', `${label} must be ${expectation}`);
}

/** Whether `value` is a non-null, non-array object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Asserts that `value` is a non-null, non-array object.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @throws InteractionError `invalid_response`
 */
export function assertObject(value: unknown, label: string): asserts value is JsonObject {
  if (!isObject(value)) fail(label, 'an object');
}

/**
 * Asserts that `value` is a string. Empty strings are rejected unless `allowEmpty` is set.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @param allowEmpty - accept `''`
 * @throws InteractionError `invalid_response`
 */
export function assertString(value: unknown, label: string, allowEmpty = false): asserts value is string {
  if (typeof value !== 'string') fail(label, 'a string');
  if (!allowEmpty && value === '') fail(label, 'a non-empty string');
}

/**
 * Asserts that `value` is absent (`undefined`) or a string (`''` allowed only with
 * `allowEmpty`). `null` is rejected: absent fields are omitted in the kit protocol.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @param allowEmpty - accept `''`
 * @throws InteractionError `invalid_response`
 */
export function assertOptionalString(
  value: unknown,
  label: string,
  allowEmpty = false,
): asserts value is string | undefined {
  if (value === undefined) return;
  if (typeof value !== 'string') fail(label, 'a string when present');
  if (!allowEmpty && value === '') fail(label, 'a non-empty string when present');
}

/**
 * Asserts that `value` is a boolean.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @throws InteractionError `invalid_response`
 */
export function assertBoolean(value: unknown, label: string): asserts value is boolean {
  if (typeof value !== 'boolean') fail(label, 'a boolean');
}

/**
 * Asserts that `value` is absent (`undefined`) or a boolean.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @throws InteractionError `invalid_response`
 */
export function assertOptionalBoolean(value: unknown, label: string): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') fail(label, 'a boolean when present');
}

/** An assertion applied to each item of an array, given the item's path (`label[i]`). */
export type ItemAssertion<T> = (item: unknown, label: string) => asserts item is T;

/**
 * Asserts that `value` is an array and, when `itemAssert` is given, that each item passes it
 * (each item is labelled `label[index]`).
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @param itemAssert - check applied to every item
 * @throws InteractionError `invalid_response`
 */
export function assertArray<T = unknown>(
  value: unknown,
  label: string,
  itemAssert?: ItemAssertion<T>,
): asserts value is T[] {
  if (!Array.isArray(value)) fail(label, 'an array');
  if (itemAssert) {
    const check: (item: unknown, label: string) => void = itemAssert;
    for (let i = 0; i < value.length; i++) check(value[i], `${label}[${i}]`);
  }
}

/**
 * Asserts that `value` is an array of non-empty strings.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @throws InteractionError `invalid_response`
 */
export function assertStringArray(value: unknown, label: string): asserts value is string[] {
  assertArray<string>(value, label, assertNonEmptyString);
}

/** {@link assertString} with its default (non-empty) behaviour, usable as an {@link ItemAssertion}. */
function assertNonEmptyString(value: unknown, label: string): asserts value is string {
  assertString(value, label);
}

/**
 * Asserts that `value` is one of `allowed` (compared with `===`).
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @param allowed - the accepted values
 * @throws InteractionError `invalid_response`
 */
export function assertOneOf<const T extends string | number | boolean>(
  value: unknown,
  label: string,
  allowed: readonly T[],
): asserts value is T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    fail(label, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
}

/**
 * Checks that `value` is an array and maps each item through `parse` (given the item's path
 * `label[index]`), returning a fresh array.
 *
 * @param value - untrusted value
 * @param label - path of the value in the payload, for the error message
 * @param parse - validates one item and returns the kit's own value for it
 * @throws InteractionError `invalid_response`
 */
export function parseArray<T>(value: unknown, label: string, parse: (item: unknown, label: string) => T): T[] {
  assertArray(value, label);
  return value.map((item, i) => parse(item, `${label}[${i}]`));
}
