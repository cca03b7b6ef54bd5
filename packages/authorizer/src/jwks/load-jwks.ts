import { readFileSync } from "node:fs";
import type { Jwks } from "aws-jwt-verify/jwk";
import { isAuthorizerError } from "../errors.js";
import { checkJwks, parseJwks } from "./internal/parse-jwks.js";

/**
 * Keys to pre-seed a verifier with, so a cold start needs no network: an inline JWKS object
 * (`{ keys: [...] }`) or `{ path }` of a JWKS JSON file bundled with the function.
 */
export type JwksInput = { keys: readonly object[] } | { path: string };

/**
 * Loads a {@link JwksInput} synchronously at construction. Throws `TypeError` when the file
 * cannot be read or does not hold a JWKS with at least one key (a configuration mistake).
 *
 * @param input Inline keys or a file path.
 * @param option The option name, for the error message.
 * @example
 * ```ts
 * const jwks = loadJwks({ path: new URL("./jwks.json", import.meta.url).pathname }, "jwks");
 * ```
 */
export function loadJwks(input: JwksInput, option: string): Jwks {
  try {
    if ("path" in input && typeof input.path === "string") {
      return parseJwks(readFileSync(input.path, "utf8"));
    }
    return checkJwks(input);
  } catch (error) {
    const reason = isAuthorizerError(error) ? error.message : "file cannot be read";
    throw new TypeError(`${option}: ${reason}`, { cause: error });
  }
}
