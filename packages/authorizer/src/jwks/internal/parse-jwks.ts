import type { Jwks } from "aws-jwt-verify/jwk";
import { assertIsJwks } from "aws-jwt-verify/jwk";
import { authorizerError } from "../../errors.js";

/** @internal Parses and checks a JWKS document: JSON, `{ keys: [...] }`, at least one key. */
export function parseJwks(text: string): Jwks {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw authorizerError("jwks_invalid", "JWKS is not JSON", { cause: error });
  }
  return checkJwks(value);
}

/** @internal Checks an already parsed JWKS (inline configuration or a fetched document). */
export function checkJwks(value: unknown): Jwks {
  try {
    assertIsJwks(value as Parameters<typeof assertIsJwks>[0]);
  } catch (error) {
    throw authorizerError("jwks_invalid", "JWKS is not a valid key set", { cause: error });
  }
  const jwks = value as Jwks;
  if (jwks.keys.length === 0) {
    throw authorizerError("jwks_invalid", "JWKS has no keys");
  }
  return jwks;
}
