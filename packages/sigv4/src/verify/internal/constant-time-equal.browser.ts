/**
 * Compares two strings in time that depends only on their lengths, without `node:crypto`: every
 * UTF-16 code unit is visited and the differences are OR-ed, with no early exit. The browser build
 * resolves `./constant-time-equal.js` to this file.
 * @internal
 */
export function constantTimeEqual(a: string, b: string): boolean {
  // Unequal lengths still walk `a`, against itself, so the time depends on the lengths only.
  const other = a.length === b.length ? b : a;
  let difference = a.length === b.length ? 0 : 1;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ other.charCodeAt(i);
  return difference === 0;
}
