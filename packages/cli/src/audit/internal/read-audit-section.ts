/**
 * Reads and checks the `audit` section of a local gateway config: callers, sample paths, timeout.
 * @internal
 * @packageDocumentation
 */
import { usageError } from "../../errors.js";
import { isRecord } from "../../internal/is-record.js";
import type { GatewayAuditSection } from "../gateway-audit-config.js";
export function readSection(value: unknown): GatewayAuditSection {
  if (!isRecord(value)) {
    throw usageError(
      "the config has no audit section",
      "Add `audit: { callers: [{ name, headers?, iam?, grants? }] }` next to `apis` (docs/cli.md#audit).",
    );
  }
  const { callers, samplePaths, requestTimeoutMs } = value;
  if (!Array.isArray(callers) || callers.length === 0) {
    throw usageError(
      "audit.callers must be a non-empty array of { name, headers?, iam?, grants? }",
    );
  }
  const names = new Set<string>();
  callers.forEach((caller: unknown, index) => {
    const where = `audit.callers[${index}]`;
    if (!isRecord(caller) || typeof caller["name"] !== "string" || caller["name"] === "") {
      throw usageError(`${where} must be an object with a non-empty name`);
    }
    if (names.has(caller["name"]))
      throw usageError(`two audit callers are named "${caller["name"]}"`);
    names.add(caller["name"]);
    const headers = caller["headers"];
    if (
      headers !== undefined &&
      (!isRecord(headers) || Object.values(headers).some((item) => typeof item !== "string"))
    ) {
      throw usageError(`${where}.headers must map header names to strings`);
    }
    const iam = caller["iam"];
    if (iam !== undefined && (!isRecord(iam) || typeof iam["accessKeyId"] !== "string")) {
      throw usageError(`${where}.iam must be { accessKeyId, secretAccessKey?, sessionToken? }`);
    }
    if (caller["sourceIp"] !== undefined && typeof caller["sourceIp"] !== "string") {
      throw usageError(`${where}.sourceIp must be a string`);
    }
    const grants = caller["grants"];
    const lists = Array.isArray(grants) ? [grants] : isRecord(grants) ? Object.values(grants) : [];
    if (
      (grants !== undefined && !Array.isArray(grants) && !isRecord(grants)) ||
      lists.some((list) => !Array.isArray(list) || list.some((item) => typeof item !== "string"))
    ) {
      throw usageError(`${where}.grants must be route templates, or API name -> route templates`);
    }
  });
  if (
    samplePaths !== undefined &&
    (!isRecord(samplePaths) ||
      Object.values(samplePaths).some(
        (list) => !Array.isArray(list) || list.some((item) => typeof item !== "string"),
      ))
  ) {
    throw usageError("audit.samplePaths must map route templates to lists of paths");
  }
  if (
    requestTimeoutMs !== undefined &&
    (typeof requestTimeoutMs !== "number" || !(requestTimeoutMs > 0))
  ) {
    throw usageError("audit.requestTimeoutMs must be a positive number of milliseconds");
  }
  return value as unknown as GatewayAuditSection;
}
