/**
 * Step 4a: why the method differs.
 * @internal
 * @packageDocumentation
 */
/** @internal The hint for a method that differs. */
export function methodHint(expected: string, actual: string): string {
  return `The server saw method ${expected} but you signed ${actual}: a redirect, a proxy or the HTTP client changed the method after signing (fetch sends only DELETE, GET, HEAD, OPTIONS, POST and PUT upper-cased; sign "PATCH", not "patch").`;
}
