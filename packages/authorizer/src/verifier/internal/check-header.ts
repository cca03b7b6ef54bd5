import { authorizerError } from "../../errors.js";
import type { JwtHeader } from "../token-verifier.js";

/** Headers that name key material or extensions; a verifier must never follow them. */
const FORBIDDEN_HEADERS = ["jku", "x5u", "jwk", "x5c", "crit"] as const;

/**
 * @internal Checks the unverified header before any key is looked up: forbidden headers, the
 * algorithm allowlist (never the header alone) and, if configured, `typ`.
 */
export function checkHeader(
  header: JwtHeader,
  algorithms: ReadonlySet<string>,
  typ: string | undefined,
): void {
  for (const name of FORBIDDEN_HEADERS) {
    if (Object.hasOwn(header, name)) {
      throw authorizerError("forbidden_header", `JWT header ${name} is not accepted`, {
        claim: name,
      });
    }
  }
  const alg = header.alg;
  if (alg.toLowerCase() === "none" || !algorithms.has(alg)) {
    throw authorizerError("unsupported_algorithm", "JWT alg is not in the allowed algorithms", {
      claim: "alg",
      expected: [...algorithms],
      actual: alg.length <= 16 ? alg : `${alg.slice(0, 16)}...`,
    });
  }
  if (typ !== undefined && normaliseTyp(header.typ) !== normaliseTyp(typ)) {
    throw authorizerError("invalid_typ", "JWT typ header is not the expected one", {
      claim: "typ",
      expected: typ,
    });
  }
}

/** `typ` compares case-insensitively and without an `application/` prefix (RFC 7515 4.1.9). */
function normaliseTyp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return lower.startsWith("application/") ? lower.slice("application/".length) : lower;
}
