/**
 * Step 6: the one-paragraph summary for a human.
 * @internal
 * @packageDocumentation
 */
/** @internal The one-paragraph summary of the differences. */
export function summarise(
  count: number,
  canonicalDiffers: boolean,
  hints: string[],
  stringToSign: string | undefined,
): string {
  if (count === 0) {
    return stringToSign === undefined
      ? "The canonical request matches the one the server computed (its string to sign was not in the body): check the region, service and date of the credential scope, then the secret access key (a trailing newline or space from a file or variable is common)."
      : "The canonical request and the string to sign match what the server computed, so the signature differs because of the key: the secret access key does not belong to the access key id (a trailing newline or space from a file or variable is common), or the signature was changed in transit.";
  }
  const opening = canonicalDiffers
    ? `API Gateway computed a different canonical request from the one you signed (${count} difference${count === 1 ? "" : "s"}).`
    : "The canonical requests match but the string to sign differs.";
  return [opening, ...hints].join(" ");
}
