import type { EndpointType } from "../gateway/api-gateway-access.js";

/** The VPC keys API Gateway sets only for requests through a VPC endpoint (private APIs). @internal */
export const VPC_KEYS: ReadonlySet<string> = new Set([
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:vpcsourceip",
]);

/**
 * Whether a (lower-cased) condition key is never in the request context for this endpoint type:
 * the VPC keys on public APIs, `aws:SourceIp` on private APIs (the VPC endpoint replaces it).
 * @internal
 */
export function isAbsentConditionKey(keyLower: string, endpointType: EndpointType): boolean {
  return endpointType === "PRIVATE" ? keyLower === "aws:sourceip" : VPC_KEYS.has(keyLower);
}
