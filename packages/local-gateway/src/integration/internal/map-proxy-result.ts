/**
 * Turns what an integration returned into the HTTP response, as API Gateway's Lambda proxy
 * integration does (payload 2.0 infers a 200 JSON response from anything without `statusCode`).
 * @internal
 * @packageDocumentation
 */
import { validateHeaderName, validateHeaderValue } from "node:http";
import type { GatewayReply } from "../../http/internal/gateway-response.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws for a name or value HTTP cannot carry (CR/LF, control characters, a space in a name). */
function addHeader(headers: Record<string, string | string[]>, name: string, value: unknown): void {
  const lower = name.toLowerCase();
  const text = String(value);
  validateHeaderName(lower);
  validateHeaderValue(lower, text);
  const existing = headers[lower];
  if (existing === undefined) headers[lower] = text;
  else headers[lower] = Array.isArray(existing) ? [...existing, text] : [existing, text];
}

/**
 * @internal `undefined` when the result is malformed (REST: 502, HTTP: 500), a 1xx status or a
 * header name or value HTTP cannot carry included.
 */
export function mapProxyResult(
  result: unknown,
  v2: boolean,
): (Omit<GatewayReply, "headers"> & { headers: Record<string, string | string[]> }) | undefined {
  if (v2 && !(isRecord(result) && "statusCode" in result)) {
    if (result === undefined) return undefined;
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: Buffer.from(typeof result === "string" ? result : JSON.stringify(result)),
    };
  }
  if (!isRecord(result)) return undefined;
  const { statusCode, headers, multiValueHeaders, cookies, body, isBase64Encoded } = result;
  if (
    typeof statusCode !== "number" ||
    !Number.isInteger(statusCode) ||
    // 1xx is interim, never a final response: HTTP cannot carry it as the answer.
    statusCode < 200 ||
    statusCode > 599
  ) {
    return undefined;
  }
  if (body !== undefined && body !== null && typeof body !== "string") return undefined;
  const out: Record<string, string | string[]> = {};
  try {
    if (isRecord(headers))
      for (const [name, value] of Object.entries(headers)) addHeader(out, name, value);
    if (isRecord(multiValueHeaders)) {
      for (const [name, values] of Object.entries(multiValueHeaders)) {
        if (!Array.isArray(values)) return undefined;
        delete out[name.toLowerCase()];
        for (const value of values) addHeader(out, name, value);
      }
    }
    if (v2 && Array.isArray(cookies))
      for (const cookie of cookies) addHeader(out, "set-cookie", cookie);
  } catch {
    // A header HTTP cannot carry (CR/LF would split the response): a malformed result.
    return undefined;
  }
  const text = typeof body === "string" ? body : "";
  return {
    status: statusCode,
    headers: out,
    body: isBase64Encoded === true ? Buffer.from(text, "base64") : Buffer.from(text),
  };
}
