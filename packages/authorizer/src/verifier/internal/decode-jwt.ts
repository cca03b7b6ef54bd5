import { isAscii } from "node:buffer";
import { authorizerError } from "../../errors.js";
import type { JwtClaims, JwtHeader } from "../token-verifier.js";

/** @internal A compact JWS split and parsed, NOT verified. */
export interface DecodedJwt {
  header: JwtHeader;
  /** Claims as parsed; only their types are checked, never their values. */
  claims: Partial<JwtClaims> & Record<string, unknown>;
  headerB64: string;
  payloadB64: string;
  signatureB64: string;
}

/** @internal Default cap on the token length: 8 KB (API Gateway's budget for headers is similar). */
export const DEFAULT_MAX_TOKEN_BYTES = 8192;

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function malformed(message: string, claim?: string): never {
  throw authorizerError(
    "malformed_token",
    message,
    claim === undefined ? {} : { claim, expected: "see RFC 7519" },
  );
}

function decodeSegment(segment: string, what: string): Record<string, unknown> {
  // Unpadded base64url only (RFC 7515 section 2); a length of 4n+1 cannot be valid base64.
  if (!SEGMENT.test(segment) || segment.length % 4 === 1) {
    malformed(`JWT ${what} is not base64url`);
  }
  let text: string;
  let value: unknown;
  try {
    const bytes = Buffer.from(segment, "base64url");
    // ASCII (nearly every JWT) is its own UTF-8 check; anything else goes through the strict decoder.
    text = isAscii(bytes) ? bytes.toString("latin1") : UTF8.decode(bytes);
  } catch {
    return malformed(`JWT ${what} is not UTF-8`);
  }
  try {
    value = JSON.parse(text);
  } catch {
    return malformed(`JWT ${what} is not JSON`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    malformed(`JWT ${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

const STRING_HEADERS = ["kid", "typ", "cty"] as const;
const DATE_CLAIMS = ["exp", "nbf", "iat"] as const;
const STRING_CLAIMS = ["iss", "sub", "jti", "scope", "token_use", "client_id"] as const;

function isNumericDate(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * @internal Splits a compact JWS and parses header and payload as JSON objects, checking the
 * structure only (three base64url segments, UTF-8 JSON objects), not the types of any member.
 * Throws `token_too_large` or `malformed_token`; never verifies anything.
 */
export function splitJwt(
  token: unknown,
  maxTokenBytes: number,
): {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  headerB64: string;
  payloadB64: string;
  signatureB64: string;
} {
  if (typeof token !== "string" || token.length === 0) {
    return malformed("JWT is not a non-empty string");
  }
  if (token.length > maxTokenBytes) {
    throw authorizerError("token_too_large", "JWT is longer than the configured maximum", {
      expected: maxTokenBytes,
      actual: token.length,
    });
  }
  // token.split(".") without the array: the segments are the same strings.
  const first = token.indexOf(".");
  const second = first === -1 ? -1 : token.indexOf(".", first + 1);
  if (second === -1 || token.indexOf(".", second + 1) !== -1) {
    throw authorizerError(
      "malformed_token",
      "JWT is not three dot-separated segments (a JWE or junk?)",
      { expected: 3, actual: token.split(".").length },
    );
  }
  const headerB64 = token.slice(0, first);
  const payloadB64 = token.slice(first + 1, second);
  const signatureB64 = token.slice(second + 1);
  const header = decodeSegment(headerB64, "header");
  const claims = decodeSegment(payloadB64, "payload");
  // An empty signature is structurally fine (`alg: none`): the algorithm check rejects it.
  if (!(signatureB64 === "" || SEGMENT.test(signatureB64)) || signatureB64.length % 4 === 1) {
    malformed("JWT signature is not base64url");
  }
  return { header, claims, headerB64, payloadB64, signatureB64 };
}

/**
 * @internal Splits a compact JWS and parses header and claims, checking shapes and types only.
 * Throws `token_too_large` or `malformed_token`; never verifies anything.
 */
export function decodeJwt(token: unknown, maxTokenBytes: number): DecodedJwt {
  const { header, claims, headerB64, payloadB64, signatureB64 } = splitJwt(token, maxTokenBytes);
  const { alg } = header;
  if (typeof alg !== "string") malformed("JWT header alg is not a string", "alg");
  for (const name of STRING_HEADERS) {
    if (header[name] !== undefined && typeof header[name] !== "string") {
      malformed(`JWT header ${name} is not a string`, name);
    }
  }
  for (const name of DATE_CLAIMS) {
    if (claims[name] !== undefined && !isNumericDate(claims[name])) {
      malformed(`JWT claim ${name} is not a number`, name);
    }
  }
  for (const name of STRING_CLAIMS) {
    if (claims[name] !== undefined && typeof claims[name] !== "string") {
      malformed(`JWT claim ${name} is not a string`, name);
    }
  }
  const { aud } = claims;
  if (aud !== undefined && typeof aud !== "string" && !isStringArray(aud)) {
    malformed("JWT claim aud is not a string or an array of strings", "aud");
  }
  const groups = claims["cognito:groups"];
  if (groups !== undefined && !isStringArray(groups)) {
    malformed("JWT claim cognito:groups is not an array of strings", "cognito:groups");
  }
  return {
    header: header as JwtHeader,
    claims: claims as DecodedJwt["claims"],
    headerB64,
    payloadB64,
    signatureB64,
  };
}
