/**
 * The expected / found table of `gatehouse token verify`: what the verifier expected beside what
 * the token says, claim by claim, never the signature.
 * @internal
 * @packageDocumentation
 */
import type { AuthorizerError, UnverifiedJwt } from "@gatehouse/authorizer";
import { formatEpoch } from "../../internal/decode-jwt.js";
import { type Output, renderTable } from "../../internal/output.js";

/** What the verifier is told to accept, from the options: the "expected" column. */
export type Expectation = {
  issuer: string;
  jwksUri: string;
  algorithms: readonly string[];
  toleranceSeconds: number;
} & (
  | { kind: "oidc"; audiences: readonly string[] | null }
  | { kind: "cognito"; clientIds: readonly string[] | null; tokenUse: "id" | "access" | null }
);

/** One row of the expected / found table. */
interface ClaimCheck {
  claim: string;
  expected: string;
  found: string;
  /** The verifier refused the token on this claim. */
  failed: boolean;
}

/** Longest value shown in the table; the full claims are in `--json`. */
const MAX_CELL = 100;

export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = Array.isArray(value)
    ? value.map((item) => String(item)).join(", ")
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}...` : text;
}

function showTime(value: unknown, nowMs: number): string {
  return typeof value === "number" && Number.isFinite(value)
    ? formatEpoch(value, nowMs)
    : show(value);
}

/**
 * What the verifier expected beside what the token says, for the claims and header members that
 * decide: iss, aud or client_id, token_use, alg, kid, and exp / nbf / iat as ISO times. Never the
 * signature. `error.claim` marks the row the verifier refused.
 */
export function claimChecks(
  expected: Expectation,
  token: UnverifiedJwt,
  nowMs: number,
  error?: AuthorizerError,
): ClaimCheck[] {
  const { header, claims } = token;
  const failedClaim = error?.claim;
  const rows: Array<Omit<ClaimCheck, "failed">> = [
    { claim: "iss", expected: expected.issuer, found: show(claims["iss"]) },
  ];
  if (expected.kind === "oidc") {
    rows.push({
      claim: "aud",
      expected:
        expected.audiences === null ? "any (--any-audience)" : expected.audiences.join(", "),
      found: show(claims["aud"]),
    });
  } else {
    // Cognito: an access token names its app client in client_id, an ID token in aud.
    const use = expected.tokenUse ?? (claims["token_use"] === "access" ? "access" : "id");
    const claim = use === "access" ? "client_id" : "aud";
    rows.push({
      claim,
      expected: expected.clientIds === null ? "any (--any-client)" : expected.clientIds.join(", "),
      found: show(claims[claim]),
    });
    rows.push({
      claim: "token_use",
      expected: expected.tokenUse ?? "access or id",
      found: show(claims["token_use"]),
    });
  }
  rows.push({ claim: "alg", expected: expected.algorithms.join(", "), found: show(header["alg"]) });
  rows.push({ claim: "kid", expected: `a key of ${expected.jwksUri}`, found: show(header["kid"]) });
  const tolerance = expected.toleranceSeconds * 1000;
  const skew = expected.toleranceSeconds === 0 ? "" : ` (${expected.toleranceSeconds} s tolerance)`;
  rows.push({
    claim: "exp",
    expected: `after ${new Date(nowMs - tolerance).toISOString()}${skew}`,
    found: showTime(claims["exp"], nowMs),
  });
  for (const claim of ["nbf", "iat"]) {
    if (claims[claim] === undefined) continue;
    rows.push({
      claim,
      expected: `not after ${new Date(nowMs + tolerance).toISOString()}${skew}`,
      found: showTime(claims[claim], nowMs),
    });
  }
  const same = (claim: string) =>
    failedClaim === claim ||
    // A Cognito client check may be reported on either name.
    (failedClaim === "aud" && claim === "client_id") ||
    (failedClaim === "client_id" && claim === "aud");
  return rows.map((row) => ({ ...row, failed: failedClaim !== undefined && same(row.claim) }));
}

export function printChecks(
  out: Output,
  checks: readonly ClaimCheck[],
  error?: AuthorizerError,
): void {
  const rows = checks.map((check) => [
    check.claim,
    check.expected,
    check.found,
    error === undefined ? out.green("ok") : check.failed ? out.red(`<- ${error.code}`) : "",
  ]);
  out.line(renderTable(["claim", "expected", "found", "check"], rows));
}
