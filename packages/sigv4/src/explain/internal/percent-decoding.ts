/**
 * Percent-decoding helpers shared by the path and query hints.
 * @internal
 * @packageDocumentation
 */
/** @internal `decodeURIComponent`, or the value itself when it is not valid percent-encoding. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** @internal How many rounds of percent-decoding change `value`, and what is left after them. */
export function encodingDepth(value: string): { depth: number; plain: string } {
  let depth = 0;
  let current = value;
  while (depth < 5) {
    const next = safeDecode(current);
    if (next === current) break;
    current = next;
    depth += 1;
  }
  return { depth, plain: current };
}
