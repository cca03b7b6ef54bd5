import type { CognitoAnswer, Transport } from "./transport.js";
import { xmlText } from "./xml-text.js";

const OPERATION = "AssumeRoleWithWebIdentity";

/** @internal The parameters of STS `AssumeRoleWithWebIdentity` this client sends. */
export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  DurationSeconds?: number | undefined;
}

/**
 * @internal STS `AssumeRoleWithWebIdentity` (query protocol, unsigned, form-encoded POST): reads
 * `AssumeRoleWithWebIdentityResult/Credentials` out of the XML answer, in the shape of Cognito's
 * `Credentials` (`SecretKey`, `Expiration` in epoch seconds, `NaN` when unreadable) so that one
 * check serves both flows; an `ErrorResponse` is thrown with its `Code` and `Message`.
 */
export function assumeRoleWithWebIdentity(
  transport: Transport,
  endpoint: string,
  input: AssumeRoleInput,
  signal?: AbortSignal,
): Promise<NonNullable<CognitoAnswer["Credentials"]>> {
  const form = new URLSearchParams({ Action: OPERATION, Version: "2011-06-15" });
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) form.set(name, String(value));
  }
  return transport.send(
    OPERATION,
    endpoint,
    { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    String(form),
    (text) => {
      const credentials =
        xmlText(
          xmlText(text, "AssumeRoleWithWebIdentityResult", true) ?? "",
          "Credentials",
          true,
        ) ?? "";
      const error = xmlText(text, "Error", true) ?? "";
      const read = (tag: string) => xmlText(credentials, tag);
      return [
        {
          AccessKeyId: read("AccessKeyId"),
          SecretKey: read("SecretAccessKey"),
          SessionToken: read("SessionToken"),
          Expiration: Date.parse(read("Expiration") ?? "") / 1000,
        },
        xmlText(error, "Code"),
        xmlText(error, "Message"),
      ];
    },
    signal,
  );
}
