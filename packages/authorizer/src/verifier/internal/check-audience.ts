import { authorizerError } from "../../errors.js";

/** @internal `aud` (string or array) must contain one of the accepted audiences; `null` skips. */
export function checkAudience(
  aud: string | string[] | undefined,
  accepted: string | readonly string[] | null,
): void {
  if (accepted === null) return;
  const expected = typeof accepted === "string" ? [accepted] : accepted;
  const actual = aud === undefined ? [] : typeof aud === "string" ? [aud] : aud;
  if (!actual.some((value) => expected.includes(value))) {
    throw authorizerError("invalid_audience", "JWT aud is not an accepted audience", {
      claim: "aud",
      expected,
    });
  }
}
