import type { VerifiableRequest } from "../verifiable-request.js";

/**
 * The value of a header, looked up case-insensitively; a repeated header's values joined with `,`
 * as SigV4 joins them. `undefined` when absent.
 * @internal
 */
export function headerValue(
  headers: VerifiableRequest["headers"],
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === "string" ? value : value.join(",");
  }
  return undefined;
}

/**
 * Every value of a header, looked up case-insensitively, in the order received: one entry per
 * occurrence of a repeated header (given as an array). Empty when absent.
 * @internal
 */
export function headerValues(
  headers: VerifiableRequest["headers"],
  name: string,
): ReadonlyArray<string> {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === "string") values.push(value);
    else values.push(...value);
  }
  return values;
}
