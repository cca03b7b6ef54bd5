import type { IdentityPoolClient, IdentityPoolError } from "@gatehouse/identity-pool";
import { CliError, usageError } from "../errors.js";
import type { CommandContext, OptionSpec } from "./command.js";
import { readValue } from "./read-input.js";

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

/** Whether any identity-pool option was given. @internal */
export function wantsIdentityPool(context: CommandContext): boolean {
  return context.string("identity-pool-id") !== undefined;
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
      throw usageError(`--id-token: ${(error as Error).message}`);
    }
  }
  const flow = context.choice<"enhanced" | "basic">("flow", "enhanced");
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
    if (error instanceof TypeError || isIdentityPoolError(error))
      throw usageError((error as Error).message);
    throw error;
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

/** An identity-pool failure as a CLI error: messages carry no token or secret. @internal */
export function identityPoolFailure(error: unknown): unknown {
  if (!isIdentityPoolError(error)) return error;
  const local = error.code === "InvalidLoginsError" || error.code === "MisconfigurationError";
  const denied = error.code === "NotAuthorizedException" || error.code === "AccessDenied";
  return new CliError(
    local ? "usage" : denied ? "denied" : "runtime",
    `identity pool: ${error.code}: ${error.message}`,
    {
      cause: error,
      ...(error.hint === undefined || error.message.includes(error.hint)
        ? {}
        : { hint: error.hint }),
    },
  );
}
