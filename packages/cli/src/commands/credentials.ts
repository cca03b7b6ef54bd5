import type { IdentityPoolCredentials } from "@gatehouse/identity-pool";
import { usageError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import {
  IDENTITY_POOL_OPTIONS,
  identityPoolClient,
  identityPoolFailure,
} from "../internal/identity-pool-options.js";

const REDACTED = "<redacted: add --show-secrets>";

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `gatehouse credentials`. @internal */
export const credentials: CommandSpec = {
  path: ["credentials"],
  summary: "exchange logins for AWS credentials through a Cognito identity pool",
  description: [
    "Runs the identity-pool exchange of @gatehouse/identity-pool (enhanced: GetId + GetCredentialsForIdentity; basic: GetId + GetOpenIdToken + STS AssumeRoleWithWebIdentity) and prints the temporary credentials. The secret access key and the session token are printed only with --show-secrets; --format env needs it (exports without secrets are useless).",
  ],
  options: {
    ...IDENTITY_POOL_OPTIONS,
    format: {
      type: "string",
      value: "<format>",
      choices: ["json", "env"],
      description: "json, or `export AWS_...=` lines for eval",
      defaultText: "json",
    },
    "show-secrets": {
      type: "boolean",
      description: "Print the secret access key and the session token",
    },
  },
  positionals: { min: 0, max: 0 },
  examples: [
    "gatehouse credentials --identity-pool-id eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d --id-token @id-token.txt",
    'eval "$(gatehouse credentials --identity-pool-id eu-west-1:1a2b... --login accounts.google.com=@google.jwt --format env --show-secrets)"',
  ],
  exitCodes: [
    "0  credentials printed",
    "1  the identity pool refused (NotAuthorizedException: wrong token, audience, provider)",
    "2  missing --identity-pool-id, a malformed login, --format env without --show-secrets",
    "3  the service failed or could not be reached",
  ],
  async run(context) {
    const format = context.choice<"json" | "env">("format", "json");
    const show = context.flag("show-secrets");
    if (format === "env" && !show) {
      throw usageError("--format env prints secrets: add --show-secrets to confirm");
    }
    const client = await identityPoolClient(context);
    let issued: IdentityPoolCredentials;
    try {
      issued = await client.getCredentials();
    } catch (error) {
      throw identityPoolFailure(error);
    }
    const { out } = context;
    if (format === "env") {
      out.line(`export AWS_ACCESS_KEY_ID=${shellQuote(issued.accessKeyId)}`);
      out.line(`export AWS_SECRET_ACCESS_KEY=${shellQuote(issued.secretAccessKey)}`);
      out.line(`export AWS_SESSION_TOKEN=${shellQuote(issued.sessionToken)}`);
      out.line(`export AWS_CREDENTIAL_EXPIRATION=${shellQuote(issued.expiration.toISOString())}`);
      return 0;
    }
    out.json({
      IdentityId: issued.identityId,
      AccessKeyId: issued.accessKeyId,
      SecretAccessKey: show ? issued.secretAccessKey : REDACTED,
      SessionToken: show ? issued.sessionToken : REDACTED,
      Expiration: issued.expiration.toISOString(),
    });
    return 0;
  },
};
