import type { IdentityPoolClient, IdentityPoolError } from "@gatehouse/identity-pool";
import { CliError, usageError } from "../errors.js";
import { type CommandContext, type OptionSpec, refuseUnless } from "./command.js";
import { findInChain } from "./error-chain.js";
import { optionError } from "./flag-paths.js";
import { readValue } from "./read-input.js";

/** createIdentityPoolClient's option names, as flags (for its `TypeError`s). */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  identityPoolId: "--identity-pool-id",
  logins: "--login",
  endpoint: "--identity-endpoint",
  stsEndpoint: "--sts-endpoint",
  roleArn: "--role-arn",
  customRoleArn: "--custom-role-arn",
  flow: "--flow",
};

/** Options that describe an identity-pool exchange (`sign`, `credentials`). @internal */
export const IDENTITY_POOL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  "identity-pool-id": {
    type: "string",
    value: "<id>",
    description:
      "The identity pool, e.g. eu-west-1:1a2b3c4d-... (its Region prefix picks the endpoint)",
  },
  login: {
    type: "string",
    multiple: true,
    value: "<key=token>",
    description:
      "A login: provider key = token (token inline, @file or - for stdin), e.g. cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC=@id-token.txt",
  },
  "id-token": {
    type: "string",
    value: "<jwt|@file|->",
    description: "A Cognito user pool ID token; the login key is derived from its issuer",
  },
  "identity-endpoint": {
    type: "string",
    value: "<url>",
    description: "The Cognito identity endpoint",
    defaultText: "https://cognito-identity.{region}.amazonaws.com/",
  },
  "sts-endpoint": { type: "string", value: "<url>", description: "The STS endpoint (basic flow)" },
  flow: {
    type: "string",
    value: "<flow>",
    choices: ["enhanced", "basic"],
    description:
      "enhanced: GetCredentialsForIdentity; basic: GetOpenIdToken + STS AssumeRoleWithWebIdentity (needs --role-arn)",
    defaultText: "enhanced",
  },
  "role-arn": { type: "string", value: "<arn>", description: "The role to assume (basic flow)" },
  "custom-role-arn": {
    type: "string",
    value: "<arn>",
    description: "CustomRoleArn (enhanced flow, rules-based role mapping)",
  },
};

/**
 * Whether the identity pool is asked for (`--identity-pool-id`). Its other options without it are
 * refused: `sign --id-token ...` would otherwise sign with the environment's credentials.
 * @internal
 */
export function wantsIdentityPool(context: CommandContext): boolean {
  const wanted = context.string("identity-pool-id") !== undefined;
  refuseUnless(
    context,
    Object.keys(IDENTITY_POOL_OPTIONS).filter((name) => name !== "identity-pool-id"),
    { fits: wanted, needs: "--identity-pool-id" },
  );
  return wanted;
}

/** The flow's own options: `--role-arn` and `--sts-endpoint` are the basic flow's, `--custom-role-arn` the enhanced one's. */
function checkFlowFlags(context: CommandContext, flow: "enhanced" | "basic"): void {
  const here = context.given("flow") ? flow : `${flow}, the default`;
  refuseUnless(context, ["role-arn", "sts-endpoint"], {
    fits: flow === "basic",
    needs: "--flow basic",
    here,
    hint: "The enhanced flow gets the role from the identity pool; --custom-role-arn picks one of its rules-based roles.",
  });
  refuseUnless(context, ["custom-role-arn"], {
    fits: flow === "enhanced",
    needs: "--flow enhanced",
    here,
    hint: "The basic flow assumes --role-arn with STS.",
  });
}

/** Builds the identity-pool client from the options. @internal */
export async function identityPoolClient(context: CommandContext): Promise<IdentityPoolClient> {
  // Loaded on use: only identity-pool options need it.
  const { createIdentityPoolClient, loginsFromIdToken } = await import("@gatehouse/identity-pool");
  const identityPoolId = context.required("identity-pool-id");
  const logins: Record<string, string> = {};
  for (const pair of context.strings("login")) {
    const index = pair.indexOf("=");
    if (index <= 0 || index === pair.length - 1) {
      throw usageError("--login must be key=token (token inline, @file or -)");
    }
    logins[pair.slice(0, index)] = await readValue(pair.slice(index + 1), context.io);
  }
  const idToken = context.string("id-token");
  if (idToken !== undefined) {
    try {
      Object.assign(logins, loginsFromIdToken(await readValue(idToken, context.io)));
    } catch (error) {
      const code = isIdentityPoolError(error) ? `${error.code}: ` : "";
      throw new CliError("usage", `--id-token: ${code}${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  const flow = context.choice<"enhanced" | "basic">("flow", "enhanced");
  checkFlowFlags(context, flow);
  const roleArn = context.string("role-arn");
  if (flow === "basic" && roleArn === undefined) throw usageError("--flow basic needs --role-arn");
  const optional = (key: string, value: string | undefined) =>
    value === undefined ? {} : { [key]: value };
  try {
    return createIdentityPoolClient({
      identityPoolId,
      flow,
      fetch: context.io.fetch,
      ...(Object.keys(logins).length === 0 ? {} : { logins }),
      ...optional("endpoint", context.string("identity-endpoint")),
      ...optional("stsEndpoint", context.string("sts-endpoint")),
      ...optional("roleArn", roleArn),
      ...optional("customRoleArn", context.string("custom-role-arn")),
    });
  } catch (error) {
    if (error instanceof TypeError) throw optionError(error, OPTION_FLAGS);
    throw identityPoolFailure(error);
  }
}

/** `isIdentityPoolError` without loading the package (it checks `name` and `code` too). */
function isIdentityPoolError(value: unknown): value is IdentityPoolError {
  return (
    value instanceof Error &&
    value.name === "IdentityPoolError" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}

/**
 * An identity-pool failure as a CLI error, found anywhere in the error's cause chain (a signer
 * reports it as its credentials provider's failure): the pool's code and message, whose hint says
 * how to fix the classic misconfigurations. Exit 2 for a local mistake, 1 when the pool refused,
 * 3 for anything else (network, throttling, timeouts). Messages carry no token or secret.
 * @internal
 */
export function identityPoolFailure(error: unknown): unknown {
  const pool = findInChain(error, isIdentityPoolError);
  if (pool === undefined) return error;
  const local = pool.code === "invalid_logins" || pool.code === "misconfiguration";
  const denied = pool.code === "NotAuthorizedException" || pool.code === "AccessDenied";
  return new CliError(
    local ? "usage" : denied ? "denied" : "runtime",
    `identity pool: ${pool.code}: ${pool.message}`,
    {
      cause: pool,
      ...(pool.hint === undefined || pool.message.includes(pool.hint) ? {} : { hint: pool.hint }),
    },
  );
}
