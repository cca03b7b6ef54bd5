import { usageError } from "../errors.js";

/** A JWT's header and claims, decoded without verification; the signature is dropped. @internal */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  if (!SEGMENT.test(segment)) throw usageError(`not a JWT: the ${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
  } catch {
    throw usageError(`not a JWT: the ${what} is not base64url JSON`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw usageError(`not a JWT: the ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Splits a compact JWS and decodes its header and payload. No verification; the signature is
 * never decoded or kept. Messages never repeat the token.
 * @internal
 */
export function decodeJwt(token: string): DecodedJwt {
  const value = token.trim().replace(/^Bearer\s+/i, "");
  const parts = value.split(".");
  if (parts.length === 5) throw usageError("not a JWS: this is an encrypted JWT (JWE, 5 segments)");
  if (parts.length !== 3) {
    throw usageError(`not a JWT: expected 3 dot-separated segments, got ${parts.length}`);
  }
  return {
    header: decodeSegment(parts[0] as string, "header"),
    claims: decodeSegment(parts[1] as string, "payload"),
  };
}

/** `exp` / `iat` / `nbf` / `auth_time` as ISO dates with a relative hint. @internal */
export function describeTimes(claims: Record<string, unknown>, nowMs: number): string[] {
  const lines: string[] = [];
  for (const name of ["iat", "nbf", "auth_time", "exp"]) {
    const value = claims[name];
    if (typeof value !== "number" || !Number.isFinite(value)) continue;
    const deltaSeconds = Math.round(value - nowMs / 1000);
    lines.push(`${name}: ${new Date(value * 1000).toISOString()} (${relative(deltaSeconds)})`);
  }
  return lines;
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
