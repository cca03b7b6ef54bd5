/**
 * @internal The error type of a Cognito answer from `x-amzn-ErrorType`
 * (`NotAuthorizedException:http://internal.amazon.com/...`) or `__type`
 * (`com.amazonaws.cognito.identity.model#NotAuthorizedException`): the part after any `#`, before
 * any `:`. `undefined` when neither holds one.
 */
export function errorType(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const type = candidate
      .slice(candidate.lastIndexOf("#") + 1)
      .split(":")[0]
      ?.trim();
    if (type) return type;
  }
  return undefined;
}
