import type { JwtAlgorithm, TokenVerifier, VerifiedToken } from "@gatehouse/authorizer";
import { CliError, usageError } from "../errors.js";
import {
  type CommandContext,
  type CommandSpec,
  refuseTogether,
  refuseUnless,
} from "../internal/command.js";
import { decodeJwt } from "../internal/decode-jwt.js";
import { optionError } from "../internal/flag-paths.js";
import { readValue } from "../internal/read-input.js";
import { claimChecks, type Expectation, printChecks } from "./internal/claim-checks.js";

function numberOption(context: CommandContext, name: string): number | undefined {
  const text = context.string(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw usageError(`--${name} must be a number of seconds`);
  return value;
}

type AuthorizerModule = typeof import("@gatehouse/authorizer");

/** The verifiers' option names, as this command's flags (for their `TypeError`s). */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  issuer: "--issuer",
  jwksUri: "--jwks-uri",
  audience: "--audience",
  algorithms: "--algorithms",
  userPoolId: "--user-pool-id",
  clientId: "--client-id",
  tokenUse: "--token-use",
  clockToleranceSeconds: "--clock-tolerance",
  requiredClaims: "--require-claim",
};

/** Refuses options that contradict each other or belong to the other kind of issuer. */
function checkFlagsFit(context: CommandContext): void {
  refuseTogether(context, "user-pool-id", ["issuer", "audience", "any-audience"]);
  refuseUnless(context, ["client-id", "any-client", "token-use"], {
    fits: context.given("user-pool-id"),
    needs: "--user-pool-id",
    hint: "--client-id, --any-client and --token-use check Cognito tokens; an OIDC issuer's audience is --audience.",
  });
  refuseTogether(context, "audience", ["any-audience"]);
  refuseTogether(context, "client-id", ["any-client"]);
}

function buildVerifier(
  context: CommandContext,
  authorizer: AuthorizerModule,
): { verifier: TokenVerifier; expected: Expectation } {
  const { JWT_ALGORITHMS, cognitoVerifier, jwtVerifier } = authorizer;
  checkFlagsFit(context);
  const algorithms = context.strings("algorithms") as JwtAlgorithm[];
  for (const [index, alg] of algorithms.entries()) {
    if (!(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
      throw usageError(
        `--algorithms value #${index + 1}: unknown algorithm ${JSON.stringify(alg)} (one of ${JWT_ALGORITHMS.join(", ")})`,
      );
    }
  }
  const tolerance = numberOption(context, "clock-tolerance");
  const common = {
    ...(tolerance === undefined ? {} : { clockToleranceSeconds: tolerance }),
    ...(context.strings("require-claim").length === 0
      ? {}
      : { requiredClaims: context.strings("require-claim") }),
  };
  const jwksUri = context.string("jwks-uri");
  const userPoolId = context.string("user-pool-id");
  try {
    if (userPoolId !== undefined) {
      const clientIds = context.strings("client-id");
      if (clientIds.length === 0 && !context.flag("any-client")) {
        throw usageError(
          "--user-pool-id needs --client-id (or --any-client to skip the check explicitly)",
        );
      }
      const tokenUseText = context.string("token-use");
      if (tokenUseText === undefined)
        throw usageError("--user-pool-id needs --token-use access|id|any");
      const tokenUse = tokenUseText === "any" ? null : (tokenUseText as "id" | "access");
      const verifier = cognitoVerifier({
        ...common,
        userPoolId,
        clientId: clientIds.length === 0 ? null : clientIds,
        tokenUse,
        ...(algorithms.length === 0 ? {} : { algorithms }),
        ...(jwksUri === undefined ? {} : { jwksUri }),
      });
      const region = userPoolId.slice(0, userPoolId.indexOf("_"));
      const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
      return {
        verifier,
        expected: {
          kind: "cognito",
          issuer,
          jwksUri: jwksUri ?? `${issuer}/.well-known/jwks.json`,
          algorithms: algorithms.length === 0 ? ["RS256"] : algorithms,
          toleranceSeconds: tolerance ?? 0,
          clientIds: clientIds.length === 0 ? null : clientIds,
          tokenUse,
        },
      };
    }
    const issuer = context.string("issuer");
    if (issuer === undefined) throw usageError("give --issuer (OIDC) or --user-pool-id (Cognito)");
    if (jwksUri === undefined) throw usageError("--issuer needs --jwks-uri");
    if (algorithms.length === 0) {
      throw usageError(
        "--algorithms is required, e.g. --algorithms RS256",
        "The token header alone is never trusted to pick the algorithm.",
      );
    }
    const audiences = context.strings("audience");
    if (audiences.length === 0 && !context.flag("any-audience")) {
      throw usageError("--audience is required (or --any-audience to skip the check explicitly)");
    }
    const verifier = jwtVerifier({
      ...common,
      issuer,
      jwksUri,
      algorithms,
      audience: audiences.length === 0 ? null : audiences,
    });
    return {
      verifier,
      expected: {
        kind: "oidc",
        issuer,
        jwksUri,
        algorithms,
        toleranceSeconds: tolerance ?? 0,
        audiences: audiences.length === 0 ? null : audiences,
      },
    };
  } catch (error) {
    if (error instanceof TypeError) throw optionError(error, OPTION_FLAGS);
    throw error;
  }
}

/** `gatehouse token verify`. @internal */
export const tokenVerify: CommandSpec = {
  path: ["token", "verify"],
  summary: "verify a JWT's signature and claims as the authorizer would",
  args: "<jwt|@file|->",
  description: [
    "Uses the verifiers of @gatehouse/authorizer: an OIDC issuer (--issuer --jwks-uri --audience --algorithms) or a Cognito user pool (--user-pool-id --client-id --token-use). Required checks cannot be skipped by omission: --any-audience / --any-client skip them explicitly. JWKS locations must be https (http only on loopback).",
    "Prints what the verifier expected beside what the token says (iss, aud or client_id, token_use, alg, kid, exp/nbf/iat), never the signature. Options of the other kind of issuer are refused.",
  ],
  options: {
    issuer: { type: "string", value: "<url>", description: "OIDC: the exact `iss` to accept" },
    "jwks-uri": {
      type: "string",
      value: "<url>",
      description: "Where the keys are (Cognito: overrides the pool's)",
    },
    audience: {
      type: "string",
      multiple: true,
      list: true,
      value: "<aud>",
      description: "OIDC: an accepted `aud`",
    },
    "any-audience": { type: "boolean", description: "OIDC: do not check `aud` (explicit opt-out)" },
    algorithms: {
      type: "string",
      multiple: true,
      list: true,
      value: "<alg>",
      description: "Allowed algorithms, e.g. RS256 (required for OIDC; Cognito default RS256)",
    },
    "user-pool-id": {
      type: "string",
      value: "<pool-id>",
      description: "Cognito: the user pool, e.g. eu-west-1_AbCdEf123",
    },
    "client-id": {
      type: "string",
      multiple: true,
      list: true,
      value: "<id>",
      description: "Cognito: an accepted app client id",
    },
    "any-client": {
      type: "boolean",
      description: "Cognito: do not check the client (explicit opt-out)",
    },
    "token-use": {
      type: "string",
      value: "<use>",
      choices: ["access", "id", "any"],
      description: "Cognito: which token is expected",
    },
    "clock-tolerance": {
      type: "string",
      value: "<seconds>",
      description: "Clock skew allowed for exp/nbf/iat",
      defaultText: "0",
    },
    "require-claim": {
      type: "string",
      multiple: true,
      list: true,
      value: "<claim>",
      description: "A claim that must be present",
    },
    json: { type: "boolean", description: "Print the result as JSON" },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    "gatehouse token verify @token.txt --issuer https://example.eu.auth0.com/ --jwks-uri https://example.eu.auth0.com/.well-known/jwks.json --audience https://api.example.com --algorithms RS256",
    "gatehouse token verify - --user-pool-id eu-west-1_AbCdEf123 --client-id 1example23456789 --token-use access",
  ],
  exitCodes: [
    "0  the token is valid",
    "1  the token is invalid (expired, bad signature, wrong issuer/audience, ...): the code says why",
    "2  missing or contradictory options, not a JWT",
    "3  the keys could not be fetched (JWKS unreachable, malformed)",
  ],
  async run(context) {
    const token = (await readValue(context.positionals[0] as string, context.io)).replace(
      /^Bearer\s+/i,
      "",
    );
    // Loaded on use: only this command verifies tokens.
    const authorizer = await import("@gatehouse/authorizer");
    const { familyOf, isAuthorizerError } = authorizer;
    const { verifier, expected } = buildVerifier(context, authorizer);
    // Not a JWT at all is a usage error (exit 2), as for `token decode`; what is decoded here is
    // only shown, beside what the verifier expects.
    const decoded = decodeJwt(token);
    const nowMs = Date.now();
    const { out } = context;
    let verified: VerifiedToken;
    try {
      verified = await verifier.verify(token);
    } catch (error) {
      if (!isAuthorizerError(error)) throw error;
      const family = familyOf(error.code);
      if (family === "jwks" || family === "internal") {
        throw new CliError("runtime", `keys unavailable: ${error.code}: ${error.message}`, {
          cause: error,
          hint: `The keys are read from ${expected.jwksUri}.`,
        });
      }
      const checks = claimChecks(expected, decoded, nowMs, error);
      if (context.flag("json")) {
        out.json({
          valid: false,
          code: error.code,
          message: error.message,
          ...(error.claim === undefined ? {} : { claim: error.claim }),
          checks,
        });
        return 1;
      }
      out.line(`${out.red(out.bold("invalid"))} ${error.code}: ${error.message}`);
      printChecks(out, checks, error);
      out.note(out.dim("found: as written in the token, which did not verify"));
      return 1;
    }
    const checks = claimChecks(expected, decoded, nowMs);
    if (context.flag("json")) {
      out.json({
        valid: true,
        issuer: verified.issuer,
        header: verified.header,
        claims: verified.claims,
        scopes: verified.scopes,
        groups: verified.groups,
        checks,
      });
      return 0;
    }
    out.line(`${out.green(out.bold("valid"))} ${verified.issuer}`);
    if (verified.claims.sub !== undefined) out.line(`sub:    ${String(verified.claims.sub)}`);
    if (verified.scopes.length > 0) out.line(`scopes: ${verified.scopes.join(" ")}`);
    if (verified.groups.length > 0) out.line(`groups: ${verified.groups.join(", ")}`);
    printChecks(out, checks);
    out.line(out.bold("claims"));
    out.line(JSON.stringify(verified.claims, null, 2));
    return 0;
  },
};
