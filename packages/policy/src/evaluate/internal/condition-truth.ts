/**
 * The three-valued truth of a condition.
 * @internal
 * @packageDocumentation
 */

/**
 * A three-valued truth: a condition on an IP key whose request value is not a usable address
 * (refused by the one address reader) is `UNKNOWN`, which a Deny treats as applying and an Allow
 * as not applying (fail closed), so that no spelling of an address gets past a Deny list.
 * @internal
 */
export type Truth = 0 | 1 | 2;
/** @internal */
export const FALSE: Truth = 0;
/** @internal */
export const TRUE: Truth = 1;
/** @internal */
export const UNKNOWN: Truth = 2;

/** @internal */
export const truth = (value: boolean): Truth => (value ? TRUE : FALSE);
/** @internal */
export const not = (value: Truth): Truth =>
  value === UNKNOWN ? UNKNOWN : value === TRUE ? FALSE : TRUE;
