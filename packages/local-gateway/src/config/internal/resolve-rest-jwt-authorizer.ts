/**
 * Validates a REST API `JWT` authorizer (issuers, audiences, algorithms, additional claims) at
 * load time, with the rules AWS's `CreateAuthorizer` applies.
 * @internal
 * @packageDocumentation
 */
import { LocalGatewayError } from "../../errors.js";
import { invalid, kindOf, optionalBoolean, requireObject } from "./config-fields.js";
import { parseJwtIdentitySource } from "./identity-source.js";
import type {
  ResolvedAuthorizer,
  ResolvedClaimRule,
  ResolvedRestJwtIssuer,
} from "./resolved-authorizer.js";

/** @internal The algorithms `JwtConfigurationInput.defaultAlgorithms` accepts. */
export const REST_JWT_ALGORITHMS: readonly string[] = [
  "RS256",
  "RS384",
  "RS512",
  "ES256",
  "ES384",
  "ES512",
];

/** @internal Claims the authorizer checks itself: not allowed as additional claims. */
export const RESERVED_CLAIMS: readonly string[] = [
  "iss",
  "aud",
  "exp",
  "nbf",
  "iat",
  "scope",
  "scp",
];

function configError(path: string, message: string, expected: string, hint: string) {
  return new LocalGatewayError("invalid_config", `${path} ${message}`, { path, expected, hint });
}

/** A non-empty array of non-empty strings, without duplicates. */
function nonEmptyStrings(value: unknown, path: string, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw configError(
      path,
      `must be a non-empty array of ${what}, got ${Array.isArray(value) ? "an empty array" : kindOf(value)}`,
      `a non-empty array of ${what}`,
      `List at least one; AWS refuses an empty ${path.split(".").pop()}.`,
    );
  }
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    if (typeof item !== "string" || item === "") {
      throw configError(
        `${path}[${index}]`,
        `must be a non-empty string, got ${typeof item === "string" ? "an empty string" : kindOf(item)}`,
        "a non-empty string",
        "AWS refuses empty values here.",
      );
    }
    if (seen.has(item)) {
      throw configError(
        `${path}[${index}]`,
        "repeats an earlier value",
        "unique values",
        "Remove the duplicate.",
      );
    }
    seen.add(item);
    return item;
  });
}

/** @internal Checks an issuer URL as `JwtIssuerInput.issuer` requires; returns why not, or undefined. */
export function issuerProblem(issuer: string): string | undefined {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "https:") return `must use https, not ${url.protocol.replace(":", "")}`;
  if (url.hostname === "") return "has no host";
  if (url.username !== "" || url.password !== "") return "must not carry user information";
  if (url.search !== "" || issuer.includes("?")) return "must not have a query string";
  if (url.hash !== "" || issuer.includes("#")) return "must not have a fragment";
  return undefined;
}

function resolveClaim(value: unknown, path: string, seen: Set<string>): ResolvedClaimRule {
  const claim = requireObject(value, path, "an additional claim ({ claimName, format, ... })");
  const name = claim["claimName"];
  if (typeof name !== "string" || name === "") {
    throw configError(
      `${path}.claimName`,
      `must be a non-empty string, got ${typeof name === "string" ? "an empty string" : kindOf(name)}`,
      "a claim name",
      "Name the token claim to check, e.g. tenant.",
    );
  }
  if (RESERVED_CLAIMS.includes(name)) {
    throw configError(
      `${path}.claimName`,
      `cannot be "${name}": the authorizer checks ${RESERVED_CLAIMS.join(", ")} itself`,
      `a claim other than ${RESERVED_CLAIMS.join(", ")}`,
      "Use audiences for aud, the method's scopes for scope/scp; iss, exp, nbf and iat are always checked.",
    );
  }
  if (seen.has(name)) {
    throw configError(
      `${path}.claimName`,
      `repeats "${name.slice(0, 60)}"`,
      "unique claim names",
      "Claim names must be unique within an issuer: merge the rules.",
    );
  }
  seen.add(name);
  if (claim["format"] !== "SINGLE_STRING") {
    throw configError(
      `${path}.format`,
      `must be "SINGLE_STRING", got ${typeof claim["format"] === "string" ? JSON.stringify(claim["format"].slice(0, 40)) : kindOf(claim["format"])}`,
      "SINGLE_STRING",
      "SINGLE_STRING is the only format AWS offers.",
    );
  }
  const expected = claim["expectedValues"];
  return {
    claimName: name,
    expectedValues:
      expected === undefined
        ? undefined
        : nonEmptyStrings(expected, `${path}.expectedValues`, "expected values"),
    required: optionalBoolean(claim["required"], `${path}.required`),
  };
}

function resolveIssuer(value: unknown, path: string): ResolvedRestJwtIssuer {
  const config = requireObject(value, path, "an issuer ({ issuer, audiences, verifier })");
  const issuer = config["issuer"];
  if (typeof issuer !== "string") {
    throw configError(
      `${path}.issuer`,
      `must be a string, got ${kindOf(issuer)}`,
      "an https URL",
      "Copy the token's iss claim exactly.",
    );
  }
  const problem = issuerProblem(issuer);
  if (problem !== undefined) {
    throw configError(
      `${path}.issuer`,
      problem,
      "an absolute https URL with a host, no user information, query or fragment",
      "Copy the token's iss claim exactly, trailing slash included; its OIDC discovery document must be public.",
    );
  }
  const audiences = nonEmptyStrings(config["audiences"], `${path}.audiences`, "audiences");
  const claimsValue = config["additionalClaims"];
  if (claimsValue !== undefined && !Array.isArray(claimsValue)) {
    throw invalid(
      `${path}.additionalClaims`,
      `must be an array, got ${kindOf(claimsValue)}`,
      "an array",
    );
  }
  const seen = new Set<string>();
  const claims = (claimsValue ?? []).map((claim: unknown, index: number) =>
    resolveClaim(claim, `${path}.additionalClaims[${index}]`, seen),
  );
  // A class instance is fine (jwtVerifier returns one): only the method matters.
  const verifier = config["verifier"];
  if (
    typeof verifier !== "object" ||
    verifier === null ||
    typeof (verifier as { verify?: unknown }).verify !== "function"
  ) {
    throw invalid(
      `${path}.verifier`,
      `must be an object with a verify(token) method (jwtVerifier(...) of @gatehouse/authorizer for this issuer), got ${kindOf(verifier)}`,
    );
  }
  return { issuer, audiences, claims, verifier: verifier as ResolvedRestJwtIssuer["verifier"] };
}

/** @internal Checks a REST `JWT` authorizer config and resolves it. */
export function resolveRestJwtAuthorizer(
  name: string,
  config: Record<string, unknown>,
  path: string,
): ResolvedAuthorizer {
  if (config["verifier"] !== undefined) {
    throw configError(
      `${path}.verifier`,
      "does not apply to a REST JWT authorizer: each issuer has its own",
      "issuers[].verifier",
      "Move the verifier into issuers: [{ issuer, audiences, verifier }].",
    );
  }
  const algorithms = nonEmptyStrings(
    config["defaultAlgorithms"],
    `${path}.defaultAlgorithms`,
    "algorithms",
  );
  algorithms.forEach((alg, index) => {
    if (!REST_JWT_ALGORITHMS.includes(alg)) {
      throw configError(
        `${path}.defaultAlgorithms[${index}]`,
        `is not an algorithm REST JWT authorizers accept: ${JSON.stringify(alg.slice(0, 20))}`,
        REST_JWT_ALGORITHMS.join(", "),
        "AWS accepts RS256, RS384, RS512, ES256, ES384 and ES512 only (no HS*, PS* or none).",
      );
    }
  });
  const list = config["issuers"];
  if (!Array.isArray(list) || list.length === 0) {
    throw configError(
      `${path}.issuers`,
      `must be a non-empty array of issuers, got ${Array.isArray(list) ? "an empty array" : kindOf(list)}`,
      "[{ issuer, audiences, verifier }, ...]",
      "A REST JWT authorizer trusts at least one issuer.",
    );
  }
  const issuers = new Map<string, ResolvedRestJwtIssuer>();
  list.forEach((item: unknown, index) => {
    const resolved = resolveIssuer(item, `${path}.issuers[${index}]`);
    if (issuers.has(resolved.issuer)) {
      throw configError(
        `${path}.issuers[${index}].issuer`,
        "repeats an earlier issuer",
        "unique issuer URLs",
        "Issuer URLs must be unique: merge the audiences and claims into one entry.",
      );
    }
    issuers.set(resolved.issuer, resolved);
  });
  const source = parseJwtIdentitySource(
    config["identitySource"] ?? "method.request.header.Authorization",
    "REST",
    `${path}.identitySource`,
  );
  return {
    kind: "rest-jwt",
    name,
    type: "JWT",
    identitySource: source,
    algorithms: new Set(algorithms),
    issuers,
  };
}
