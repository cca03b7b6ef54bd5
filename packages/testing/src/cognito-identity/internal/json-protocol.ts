import type { IncomingMessage } from "node:http";
import { type SigV4VerifierCredentials, verifySigV4 } from "@gatehouse/sigv4";
import { receivedUrl } from "../../loopback-server/internal/request-target.js";
import { JSON_CONTENT_TYPE } from "./aws-responses.js";
import {
  getCredentialsForIdentity,
  getId,
  getOpenIdToken,
  getOpenIdTokenForDeveloperIdentity,
} from "./cognito-operations.js";
import type { FaultQueue } from "./fault-queue.js";
import type { ServerContext } from "./server-context.js";
import { ServiceError } from "./service-error.js";

const TARGET_PREFIX = "AWSCognitoIdentityService.";
const JSON_OPERATIONS = {
  GetId: getId,
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetOpenIdToken: getOpenIdToken,
  GetOpenIdTokenForDeveloperIdentity: getOpenIdTokenForDeveloperIdentity,
} as const;

/** The request's media type, lower case, without parameters. @internal */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** What the JSON 1.1 handler needs besides the operations' context. @internal */
export interface JsonProtocol {
  context: ServerContext;
  faults: FaultQueue;
  calls: Record<keyof typeof JSON_OPERATIONS, number>;
  /** Keys that may sign `GetOpenIdTokenForDeveloperIdentity` (service `cognito-identity`). */
  developerKeys: ReadonlyArray<SigV4VerifierCredentials>;
}

async function checkSignature(protocol: JsonProtocol, req: IncomingMessage, body: Buffer) {
  const { context } = protocol;
  const verdict = await verifySigV4(
    {
      method: req.method ?? "POST",
      url: receivedUrl(req),
      headers: req.headers,
      body: new Uint8Array(body),
    },
    {
      credentials: protocol.developerKeys,
      region: context.region,
      service: "cognito-identity",
      now: () => new Date(context.now()),
    },
  );
  if (!verdict.ok) throw new ServiceError(verdict.errorType, verdict.message, 400);
}

/**
 * One Cognito-identity call in the JSON 1.1 protocol (`X-Amz-Target:
 * AWSCognitoIdentityService.{Operation}`): counted, faults injected, signed calls verified, then
 * the operation. Returns the response body; throws {@link ServiceError}.
 * @internal
 */
export async function handleJsonCall(
  protocol: JsonProtocol,
  req: IncomingMessage,
  body: Buffer,
): Promise<string> {
  const target = String(req.headers["x-amz-target"] ?? "");
  const name = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : "";
  if (!Object.hasOwn(JSON_OPERATIONS, name) || mediaType(req) !== JSON_CONTENT_TYPE) {
    throw new ServiceError("UnknownOperationException", "");
  }
  const operation = name as keyof typeof JSON_OPERATIONS;
  protocol.calls[operation] += 1;
  protocol.faults.take(operation);
  if (operation === "GetOpenIdTokenForDeveloperIdentity") await checkSignature(protocol, req, body);
  let input: unknown;
  try {
    input = JSON.parse(body.length === 0 ? "{}" : body.toString("utf8"));
  } catch {
    throw new ServiceError("SerializationException", "Unable to parse the request body as JSON.");
  }
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ServiceError("SerializationException", "Start of structure or map expected.");
  }
  return JSON_OPERATIONS[operation](protocol.context, input as Record<string, unknown>);
}
