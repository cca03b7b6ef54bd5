import type { IdentityPoolError } from "../errors.js";
import { field, invalidResponse, send, serviceError, type Transport } from "./transport.js";
import { xmlText } from "./xml-text.js";

const OPERATION = "AssumeRoleWithWebIdentity";

/** @internal The parameters of STS `AssumeRoleWithWebIdentity` this client sends. */
export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  WebIdentityToken: string;
  DurationSeconds?: number | undefined;
}

/** @internal Temporary credentials as STS returns them. */
export interface StsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/**
 * @internal STS `AssumeRoleWithWebIdentity` (query protocol, unsigned, form-encoded POST): parses
 * `AssumeRoleWithWebIdentityResult/Credentials` out of the XML answer, or the `ErrorResponse`.
 */
export function assumeRoleWithWebIdentity(
  transport: Transport,
  endpoint: string,
  input: AssumeRoleInput,
): Promise<StsCredentials> {
  const form = new URLSearchParams({ Action: OPERATION, Version: "2011-06-15" });
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined) form.set(name, String(value));
  }
  return send(
    transport,
    OPERATION,
    endpoint,
    { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    form.toString(),
    async (status, _headers, text) => {
      if (status < 200 || status > 299) throw await stsError(status, text);
      const credentials = xmlText(
        xmlText(text, "AssumeRoleWithWebIdentityResult", true) ?? "",
        "Credentials",
        true,
      );
      if (credentials === undefined) throw invalidResponse(OPERATION, "no Credentials");
      const expiration = new Date(
        field(OPERATION, xmlText(credentials, "Expiration"), "Expiration"),
      );
      if (Number.isNaN(expiration.getTime())) throw invalidResponse(OPERATION, "bad Expiration");
      return {
        accessKeyId: field(OPERATION, xmlText(credentials, "AccessKeyId"), "AccessKeyId"),
        secretAccessKey: field(
          OPERATION,
          xmlText(credentials, "SecretAccessKey"),
          "SecretAccessKey",
        ),
        sessionToken: field(OPERATION, xmlText(credentials, "SessionToken"), "SessionToken"),
        expiration,
      };
    },
  );
}

function stsError(status: number, text: string): Promise<IdentityPoolError> {
  const error = xmlText(text, "Error", true) ?? "";
  return serviceError(OPERATION, status, xmlText(error, "Code"), xmlText(error, "Message"));
}
