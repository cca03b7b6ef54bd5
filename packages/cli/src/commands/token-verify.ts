import type { JwtAlgorithm, TokenVerifier, VerifiedToken } from "@gatehouse/authorizer";
import { CliError, usageError } from "../errors.js";
import type { CommandContext, CommandSpec } from "../internal/command.js";
import { describeTimes } from "../internal/decode-jwt.js";
import { readValue } from "../internal/read-input.js";

function numberOption(context: CommandContext, name: string): number | undefined {
  const text = context.string(name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw usageError(`--${name} must be a number of seconds`);
  return value;
}

type AuthorizerModule = typeof import("@gatehouse/authorizer");

function buildVerifier(context: CommandContext, authorizer: AuthorizerModule): TokenVerifier {
  const { JWT_ALGORITHMS, cognitoVerifier, jwtVerifier } = authorizer;
  const algorithms = context.strings("algorithms") as JwtAlgorithm[];
  for (const alg of algorithms) {
    if (!(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
      throw usageError(
        `--algorithms: unknown algorithm ${JSON.stringify(alg)} (one of ${JWT_ALGORITHMS.join(", ")})`,
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
      const tokenUse = context.string("token-use");
      if (tokenUse === undefined)
        throw usageError("--user-pool-id needs --token-use access|id|any");
      return cognitoVerifier({
        ...common,
        userPoolId,
        clientId: clientIds.length === 0 ? null : clientIds,
        tokenUse: tokenUse === "any" ? null : (tokenUse as "id" | "access"),
        ...(algorithms.length === 0 ? {} : { algorithms }),
        ...(jwksUri === undefined ? {} : { jwksUri }),
      });
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
    return jwtVerifier({
      ...common,
      issuer,
      jwksUri,
      algorithms,
      audience: audiences.length === 0 ? null : audiences,
    });
  } catch (error) {
    if (error instanceof TypeError) throw usageError(error.message);
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
    const verifier = buildVerifier(context, authorizer);
    let verified: VerifiedToken;
    try {
      verified = await verifier.verify(token);
    } catch (error) {
      if (!isAuthorizerError(error)) throw error;
      const family = familyOf(error.code);
      if (family === "jwks" || family === "internal") {
        throw new CliError("runtime", `keys unavailable: ${error.code}: ${error.message}`, {
          cause: error,
        });
      }
      if (context.flag("json"))
        context.out.json({ valid: false, code: error.code, message: error.message });
      else
        context.out.line(
          `${context.out.red(context.out.bold("invalid"))} ${error.code}: ${error.message}`,
        );
      return 1;
    }
    const { out } = context;
    if (context.flag("json")) {
      out.json({
        valid: true,
        issuer: verified.issuer,
        header: verified.header,
        claims: verified.claims,
        scopes: verified.scopes,
        groups: verified.groups,
      });
      return 0;
    }
    out.line(`${out.green(out.bold("valid"))} ${verified.issuer}`);
    if (verified.claims.sub !== undefined) out.line(`sub:    ${String(verified.claims.sub)}`);
    if (verified.scopes.length > 0) out.line(`scopes: ${verified.scopes.join(" ")}`);
    if (verified.groups.length > 0) out.line(`groups: ${verified.groups.join(", ")}`);
    for (const line of describeTimes(verified.claims, Date.now())) out.line(line);
    out.line(out.bold("claims"));
    out.line(JSON.stringify(verified.claims, null, 2));
    return 0;
  },
};
