/**
 * An audit caller's grants (route templates it is meant to reach), per API, checked against the
 * API's routes.
 * @internal
 * @packageDocumentation
 */
import { routeTemplateCovers } from "@gatehouse/policy";
import { usageError } from "../../errors.js";
import type { GatewayAuditCaller } from "../gateway-audit-config.js";
import type { AuditedApi } from "./audited-api.js";

export function grantsFor(caller: GatewayAuditCaller, api: AuditedApi): readonly string[] {
  const { grants } = caller;
  if (grants === undefined) return [];
  if (Array.isArray(grants)) return grants as readonly string[];
  return (grants as Readonly<Record<string, readonly string[]>>)[api.name] ?? [];
}

export function checkGrants(
  callers: readonly GatewayAuditCaller[],
  apis: readonly AuditedApi[],
): void {
  for (const caller of callers) {
    const { grants } = caller;
    if (grants !== undefined && !Array.isArray(grants)) {
      for (const apiName of Object.keys(grants)) {
        if (!apis.some((api) => api.name === apiName)) {
          throw usageError(
            `audit caller "${caller.name}": grants name the API "${apiName}", which the config does not audit (${apis.map((api) => api.name).join(", ")})`,
          );
        }
      }
    }
    const all = Array.isArray(grants)
      ? apis.map((api) => [api, grants as readonly string[]] as const)
      : apis.map((api) => [api, grantsFor(caller, api)] as const);
    for (const grant of new Set(all.flatMap(([, list]) => list))) {
      const names = all.some(
        ([api, list]) =>
          list.includes(grant) && api.routes.some((route) => covers(grant, route.template, api)),
      );
      if (!names) {
        throw usageError(
          `audit caller "${caller.name}": the grant "${grant}" names no route of the audited APIs`,
          "Grants are route templates: GET /pets/{id}, ANY /admin/{proxy+}, or *.",
        );
      }
    }
  }
}

export function covers(grant: string, route: string, api: AuditedApi): boolean {
  try {
    return routeTemplateCovers(grant, route, api.apiType);
  } catch (error) {
    throw usageError(`the grant "${grant}": ${(error as Error).message}`);
  }
}
