/**
 * `gatehouse audit` on a local gateway config: the real gateway on 127.0.0.1, real requests.
 * @internal
 * @packageDocumentation
 */
import type { GatewayDecisionRecord } from "@gatehouse/local-gateway";
import {
  type AccessAudit,
  type AccessAuditCell,
  type AuditProbe,
  formatExecuteApiArn,
  planAuditProbes,
  type UnintendedAccess,
  type UnintendedCause,
} from "@gatehouse/policy";
import { CliError, usageError } from "../errors.js";
import type { AuditedGatewayConfig } from "./gateway-audit-config.js";
import { apiKeyAuditOf } from "./internal/api-key-audit.js";
import { auditGatewayConfig } from "./internal/audit-gateway-config.js";
import { type AuditedRoute, auditedApis } from "./internal/audited-api.js";
import { credentialsOf } from "./internal/caller-credentials.js";
import { causeOf } from "./internal/cause-of.js";
import { checkGrants, covers, grantsFor } from "./internal/check-grants.js";
import { mutualTlsWarnings } from "./internal/mutual-tls-warning.js";
import { readSection } from "./internal/read-audit-section.js";

/** What {@link auditLocalGateway} returns. @internal */
export interface LocalGatewayAudit {
  /** One audit per REST or HTTP API of the config. */
  audits: AccessAudit[];
  /** APIs left out (WebSocket); each audit has its own warnings too. */
  warnings: string[];
}

/** One request's outcome, as the gateway answered and recorded it. */
interface Outcome {
  status: number;
  reason: string;
  /** The integration ran (the audit's stub counted the call). */
  reached: boolean;
  fromCache: boolean;
}

const DEFAULT_TIMEOUT_MS = 10_000;

function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" {
  return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

/**
 * Starts the config's gateway on loopback (integrations replaced by a stub that answers 200) and,
 * for each caller and API, sends each probe as the first request after an empty authorizer cache,
 * then, after each request to a caching Lambda authorizer, every other probe of that authorizer.
 * A cell is reached when any of these orders lets the request through to the integration.
 * @throws CliError `usage` for a bad audit section, `runtime` for a request that fails or times out.
 * @internal
 */
export async function auditLocalGateway(config: AuditedGatewayConfig): Promise<LocalGatewayAudit> {
  const section = readSection((config as { audit?: unknown }).audit);
  const warnings: string[] = [];
  const apis = auditedApis(config, warnings);
  if (apis.length === 0) throw usageError("the config has no REST or HTTP API to audit");
  checkGrants(section.callers, apis);
  const timeoutMs = section.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const region = config.region ?? "us-east-1";
  const accountId = config.accountId ?? "123456789012";

  let integrations = 0;
  const records: GatewayDecisionRecord[] = [];
  const { startLocalGateway } = await import("@gatehouse/local-gateway");
  const { createSignedFetch } = await import("@gatehouse/sigv4");
  const gateway = await startLocalGateway(
    auditGatewayConfig(
      config,
      section,
      () => {
        integrations++;
      },
      (record) => records.push(record),
    ),
  );
  try {
    const audits: AccessAudit[] = [];
    for (const api of apis) {
      const plan = planAuditProbes(
        api.routes.map((route) => ({
          route: route.template,
          samplePaths: section.samplePaths?.[route.template],
        })),
        api.apiType,
      );
      const base = gateway.apiUrls[api.name] as string;
      const probes = plan.probes.map((probe) => ({
        probe,
        route: api.routes.find((route) => route.template === probe.route) as AuditedRoute,
        methodArn: formatExecuteApiArn({
          form: "full",
          partition: partitionOf(region),
          region,
          accountId,
          apiId: api.apiId,
          stage: api.stage,
          method: probe.method,
          path: probe.path,
        }),
      }));
      const rows: AccessAuditCell[][] = [];
      const causes = new Map<AccessAuditCell, UnintendedCause>();
      for (const caller of section.callers) {
        const credentials = await credentialsOf(config, caller);
        const principalArn = credentials?.principalArn;
        const send: (url: string, init: RequestInit) => Promise<Response> =
          credentials === undefined
            ? (url, init) => fetch(url, init)
            : createSignedFetch({
                credentials: {
                  accessKeyId: credentials.accessKeyId,
                  secretAccessKey: credentials.secretAccessKey,
                  ...(credentials.sessionToken === undefined
                    ? {}
                    : { sessionToken: credentials.sessionToken }),
                },
                region,
              });
        const headers: Record<string, string> = {
          ...(caller.headers ?? {}),
          ...(caller.sourceIp === undefined ? {} : { "x-forwarded-for": caller.sourceIp }),
        };
        const request = async (probe: AuditProbe): Promise<Outcome> => {
          const before = integrations;
          const recorded = records.length;
          let response: Response;
          try {
            response = await send(`${base}${probe.path}`, {
              method: probe.method,
              headers,
              signal: AbortSignal.timeout(timeoutMs),
            });
            await response.arrayBuffer();
          } catch (error) {
            throw new CliError(
              "runtime",
              `audit: ${probe.method} ${probe.path} as "${caller.name}" failed: ${(error as Error).name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (error as Error).message}`,
              { cause: error },
            );
          }
          const record = records.length > recorded ? records.at(-1) : undefined;
          return {
            status: response.status,
            reason: record?.reason ?? "(no decision recorded)",
            reached: integrations > before && response.status >= 200 && response.status < 300,
            fromCache: record?.authorizerFromCache === true,
          };
        };
        const fresh: Outcome[] = [];
        const after: { outcome: Outcome; first: AuditProbe }[][] = probes.map(() => []);
        for (const [index, planned] of probes.entries()) {
          gateway.flushAuthorizerCaches();
          fresh.push(await request(planned.probe));
          const { auth } = planned.route;
          if (auth.kind !== "lambda" || auth.ttlSeconds === 0) continue;
          for (const [other, next] of probes.entries()) {
            if (other === index) continue;
            const nextAuth = next.route.auth;
            if (nextAuth.kind !== "lambda" || nextAuth.name !== auth.name) continue;
            const outcome = await request(next.probe);
            if (outcome.fromCache) after[other]?.push({ outcome, first: planned.probe });
            // The first request did not fill the cache: the rest of this order is another's.
            else if (outcome.reason !== "resource_policy_explicit_deny") break;
          }
        }
        const row: AccessAuditCell[] = [];
        for (const [index, planned] of probes.entries()) {
          const own = fresh[index] as Outcome;
          const cachedAllow = (after[index] ?? []).filter((item) => item.outcome.reached);
          const deniedByCache = (after[index] ?? []).some((item) => !item.outcome.reached);
          const reached = own.reached || cachedAllow.length > 0;
          const viaCache = !own.reached && cachedAllow.length > 0;
          const shown = viaCache ? (cachedAllow[0] as { outcome: Outcome }).outcome : own;
          const grants = grantsFor(caller, api);
          const cell: AccessAuditCell = {
            ...planned.probe,
            methodArn: planned.methodArn,
            caller: caller.name,
            status: shown.status,
            reason: shown.reason,
            reached,
            intended:
              planned.route.auth.kind === "NONE" ||
              grants.some((grant) => covers(grant, planned.route.template, api)),
            via: reached ? (viaCache ? "cache" : "fresh") : null,
            cachedFrom: viaCache ? { ...(cachedAllow[0] as { first: AuditProbe }).first } : null,
            cacheDependent: reached && (!own.reached || deniedByCache),
          };
          if (reached && !cell.intended) {
            causes.set(
              cell,
              await causeOf(api, planned.route, planned.methodArn, caller, principalArn, viaCache),
            );
          }
          row.push(cell);
        }
        rows.push(row);
      }
      const cells = probes.flatMap((_, index) => rows.map((row) => row[index] as AccessAuditCell));
      const unintended = cells.flatMap((cell): UnintendedAccess[] => {
        const cause = causes.get(cell);
        return cause === undefined ? [] : [{ ...cell, cause }];
      });
      const apiKeys = apiKeyAuditOf(config, api);
      audits.push({
        ...(apiKeys === undefined ? {} : { apiKeys }),
        api: api.name,
        stageArn: `arn:${partitionOf(region)}:execute-api:${region}:${accountId}:${api.apiId}/${api.stage}`,
        callers: section.callers.map((caller) => caller.name),
        probes: probes.map((planned) => ({ ...planned.probe })),
        cells,
        unintended,
        warnings: [...plan.warnings, ...mutualTlsWarnings(config, api)],
        summary: {
          routes: api.routes.length,
          probes: probes.length,
          callers: section.callers.length,
          cells: cells.length,
          reached: cells.filter((cell) => cell.reached).length,
          unintended: unintended.length,
          intendedNotReached: cells.filter((cell) => cell.intended && !cell.reached).length,
          cacheDependent: cells.filter((cell) => cell.cacheDependent).length,
        },
      });
    }
    return { audits, warnings };
  } finally {
    await gateway.close();
  }
}
