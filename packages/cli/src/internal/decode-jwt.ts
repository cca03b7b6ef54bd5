import type { AuthorizerError, UnverifiedJwt } from "@gatehouse/authorizer";
import { decodeJwtUnverified, isAuthorizerError } from "@gatehouse/authorizer";
import { usageError } from "../errors.js";

/**
 * Decodes a JWT for display through `@gatehouse/authorizer`'s `decodeJwtUnverified`: no
 * verification; the signature is never decoded or kept. A leading `Bearer ` and surrounding
 * whitespace are ignored; any length is accepted. Messages never repeat the token.
 * @internal
 */
export function decodeJwt(token: string): UnverifiedJwt {
  const value = token.trim().replace(/^Bearer\s+/i, "");
  if (value === "") throw usageError("not a JWT: expected 3 dot-separated segments, got 1");
  try {
    return decodeJwtUnverified(value, { maxTokenBytes: Number.POSITIVE_INFINITY });
  } catch (error) {
    if (isAuthorizerError(error)) throw usageError(notAJwt(error));
    throw error;
  }
}

/**
 * The decoder's error in the CLI's words, from its structured fields: `code`, and `expected` /
 * `actual` for the segment count; never from the wording of its message, which is only repeated
 * for other codes (it is the library's own, and never quotes the token).
 * @internal
 */
export function notAJwt(error: AuthorizerError): string {
  if (
    error.code === "malformed_token" &&
    error.expected === 3 &&
    typeof error.actual === "number"
  ) {
    return error.actual === 5
      ? "not a JWS: this is an encrypted JWT (JWE, 5 segments)"
      : `not a JWT: expected 3 dot-separated segments, got ${error.actual}`;
  }
  return `not a JWT (${error.code}): ${error.message}`;
}

/** `exp` / `iat` / `nbf` / `auth_time` as ISO dates with a relative hint. @internal */
export function describeTimes(claims: Record<string, unknown>, nowMs: number): string[] {
  const lines: string[] = [];
  for (const name of ["iat", "nbf", "auth_time", "exp"]) {
    const value = claims[name];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    lines.push(`${name}: ${formatEpoch(value, nowMs)}`);
  }
  return lines;
}

/** A NumericDate (seconds) as `2025-01-01T12:00:00.000Z (in 5m)`. @internal */
export function formatEpoch(seconds: number, nowMs: number): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return String(seconds);
  return `${date.toISOString()} (${relative(Math.round(seconds - nowMs / 1000))})`;
}

function relative(seconds: number): string {
  const magnitude = Math.abs(seconds);
  const text =
    magnitude < 120
      ? `${magnitude}s`
      : magnitude < 7200
        ? `${Math.round(magnitude / 60)}m`
        : magnitude < 172800
          ? `${Math.round(magnitude / 3600)}h`
          : `${Math.round(magnitude / 86400)}d`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}
