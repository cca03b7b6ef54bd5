/**
 * The SigV4 credentials an audit caller signs with, from the config's IAM credentials.
 * @internal
 * @packageDocumentation
 */
import type { IamCredentialConfig, LocalGatewayConfig } from "@gatehouse/local-gateway";
import { usageError } from "../../errors.js";
import type { GatewayAuditCaller } from "../gateway-audit-config.js";

interface CallerCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** From the config's credential, when the caller names one. */
  principalArn: string | undefined;
}

export async function credentialsOf(
  config: LocalGatewayConfig,
  caller: GatewayAuditCaller,
): Promise<CallerCredentials | undefined> {
  const { iam } = caller;
  if (iam === undefined) return undefined;
  const source = config.credentials;
  const known: IamCredentialConfig | undefined =
    typeof source === "function"
      ? await source(iam.accessKeyId)
      : source?.find((credential) => credential.accessKeyId === iam.accessKeyId);
  if (iam.secretAccessKey !== undefined) {
    return {
      accessKeyId: iam.accessKeyId,
      secretAccessKey: iam.secretAccessKey,
      ...(iam.sessionToken === undefined ? {} : { sessionToken: iam.sessionToken }),
      principalArn: known?.principalArn,
    };
  }
  if (known === undefined) {
    throw usageError(
      `audit caller "${caller.name}": no credential with accessKeyId ${iam.accessKeyId} in the config's credentials`,
      "Give iam.secretAccessKey, or add the credential to `credentials`.",
    );
  }
  return {
    accessKeyId: known.accessKeyId,
    secretAccessKey: known.secretAccessKey,
    ...(known.sessionToken === undefined ? {} : { sessionToken: known.sessionToken }),
    principalArn: known.principalArn,
  };
}
