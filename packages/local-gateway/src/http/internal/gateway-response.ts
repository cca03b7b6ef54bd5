/**
 * API Gateway's own responses (gateway responses): `{"message": ...}` bodies with
 * `x-amzn-ErrorType`, worded per API type.
 * @internal
 * @packageDocumentation
 */
import type { ApiType } from "../../config/internal/api-type.js";

/** @internal A response the gateway writes itself. */
export interface GatewayReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** @internal HTTP APIs word every refusal generically; REST and WebSocket keep the detailed message. */
export function publicMessage(
  apiType: ApiType,
  status: number,
  message: string | null,
): string | null {
  if (apiType !== "HTTP") return message;
  if (status === 401) return "Unauthorized";
  if (status === 403) return "Forbidden";
  if (status === 404) return "Not Found";
  return status >= 500 ? "Internal Server Error" : message;
}

/** @internal */
export function gatewayReply(
  status: number,
  message: string | null,
  errorType: string | null,
  requestId: string,
): GatewayReply {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-amzn-requestid": requestId,
    "apigw-requestid": requestId,
  };
  if (errorType !== null) headers["x-amzn-errortype"] = errorType;
  return { status, headers, body: Buffer.from(JSON.stringify({ message })) };
}
