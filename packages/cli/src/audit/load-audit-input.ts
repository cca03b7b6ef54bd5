/**
 * Reads the argument of `gatehouse audit`: an audit description (JSON or a module), or a local
 * gateway config with an `audit` section (a module, read by the loader `gatehouse dev` uses).
 * @internal
 * @packageDocumentation
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { LocalGatewayConfig } from "@gatehouse/local-gateway";
import type { ApiAccessDescription } from "@gatehouse/policy";
import type { CliIo } from "../cli-io.js";
import { usageError } from "../errors.js";
import { readJson } from "../internal/read-input.js";
import type { AuditedGatewayConfig } from "./gateway-audit-config.js";

/** What the file holds. @internal */
export type AuditInput =
  | { kind: "descriptions"; descriptions: ApiAccessDescription[] }
  | { kind: "gateway"; config: AuditedGatewayConfig };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function looksLikeDescription(value: unknown): boolean {
  return isRecord(value) && "routes" in value && "callers" in value && !("apis" in value);
}

function descriptions(value: unknown): ApiAccessDescription[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(looksLikeDescription)) return undefined;
  return list as ApiAccessDescription[];
}

/** The default export, unwrapped as loadGatewayConfig unwraps it (CommonJS, function, promise). */
async function moduleValue(path: string): Promise<unknown> {
  const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  let value: unknown = module.default;
  if (isRecord(value) && "default" in value && !("apis" in value) && !("routes" in value)) {
    value = value["default"];
  }
  if (typeof value === "function") value = await (value as () => unknown)();
  return await value;
}

/** @internal */
export async function loadAuditInput(file: string, io: CliIo): Promise<AuditInput> {
  const path = resolve(io.cwd, file);
  if (/\.json$/i.test(file)) {
    const value = await readJson(file, io);
    const found = descriptions(value);
    if (found !== undefined) return { kind: "descriptions", descriptions: found };
    throw usageError(
      `${file} is not an audit description ({ target, apiType, routes, callers, ... } or a list of them)`,
      isRecord(value) && "apis" in value
        ? "A local gateway config is a JavaScript module (.mjs): its handlers are functions."
        : "See docs/policy/audit.md for the shape.",
    );
  }
  const { loadGatewayConfig } = await import("@gatehouse/local-gateway");
  let config: LocalGatewayConfig;
  try {
    config = await loadGatewayConfig(path);
  } catch (error) {
    // Not a gateway config: it may be an audit description module.
    let value: unknown;
    try {
      value = await moduleValue(path);
    } catch {
      throw usageError(`cannot load ${file}: ${(error as Error).message}`);
    }
    const found = descriptions(value);
    if (found !== undefined) return { kind: "descriptions", descriptions: found };
    throw usageError(
      `cannot load ${file}: ${(error as Error).message}`,
      "The default export must be a local gateway config with an audit section, or an audit description.",
    );
  }
  return { kind: "gateway", config: config as AuditedGatewayConfig };
}
