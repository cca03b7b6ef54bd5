import type { ServerResponse } from "node:http";
import { stsErrorXml } from "./sts-xml.js";

/** The `x-amzn-ErrorType` suffix AWS's JSON services append; clients must strip it. @internal */
export const ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.coral.service/";
/** @internal */
export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** A JSON 1.1 success; `body` is already serialized (Expiration may be in exponent form). @internal */
export function sendJson(response: ServerResponse, body: string): void {
  response
    .writeHead(200, {
      "Content-Type": JSON_CONTENT_TYPE,
      "Content-Length": Buffer.byteLength(body),
    })
    .end(body);
}

/** A JSON 1.1 error: `x-amzn-ErrorType` header and `{"__type","message"}` body. @internal */
export function sendJsonError(
  response: ServerResponse,
  status: number,
  type: string,
  message: string,
): void {
  const body = JSON.stringify({ __type: type, message });
  response
    .writeHead(status, {
      "Content-Type": JSON_CONTENT_TYPE,
      "Content-Length": Buffer.byteLength(body),
      "x-amzn-ErrorType": `${type}${ERROR_TYPE_SUFFIX}`,
    })
    .end(body);
}

/** @internal */
export function sendXml(response: ServerResponse, status: number, body: string): void {
  response
    .writeHead(status, { "Content-Type": "text/xml", "Content-Length": Buffer.byteLength(body) })
    .end(body);
}

/** An STS query-protocol error (XML `ErrorResponse`). @internal */
export function sendStsError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  requestId: string,
): void {
  sendXml(response, status, stsErrorXml(status, code, message, requestId));
}
