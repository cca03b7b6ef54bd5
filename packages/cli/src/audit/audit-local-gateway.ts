/**
 * `gatehouse audit` on a local gateway config: the real gateway on 127.0.0.1, real requests.
 * @internal
 * @packageDocumentation
 */
import type {
  ApiConfig,
  AuthorizerConfig,
  GatewayDecisionRecord,
  IamCredentialConfig,
  LocalGatewayConfig,
} from "@gatehouse/local-gateway";
import {
  type AccessAudit,
  type AccessAuditCell,
  type AuditProbe,
  type EndpointType,
  evaluateApiGatewayAccess,
  formatExecuteApiArn,
  type PolicyDocument,
  planAuditProbes,
  routeTemplateCovers,
  type UnintendedAccess,
  type UnintendedCause,
} from "@gatehouse/policy";
import { CliError, usageError } from "../errors.js";
import type {
  AuditedGatewayConfig,
  GatewayAuditCaller,
  GatewayAuditSection,
} from "./gateway-audit-config.js";

/** What {@link auditLocalGateway} returns. @internal */
export interface LocalGatewayAudit {
  /** One audit per REST or HTTP API of the config. */
  audits: AccessAudit[];
  /** APIs left out (WebSocket); each audit has its own warnings too. */
  warnings: string[];
}

type RouteAuthKind =
  | { kind: "NONE" }
  | { kind: "AWS_IAM" }
  | { kind: "lambda"; name: string; ttlSeconds: number }
  | { kind: "jwt"; name: string };

interface AuditedRoute {
  template: string;
  auth: RouteAuthKind;
}

interface AuditedApi {
  config: ApiConfig & { type: "REST" | "HTTP" };
  name: string;
  apiId: string;
  stage: string;
  apiType: "rest" | "http";
  routes: AuditedRoute[];
}

/** One request's outcome, as the gateway answered and recorded it. */
interface Outcome {
  status: number;
  reason: string;
  /** The integration ran (the audit's stub counted the call). */
  reached: boolean;
  fromCache: boolean;
}

const DEFAULT_TTL = 300;
const DEFAULT_TIMEOUT_MS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function partitionOf(region: string): "aws" | "aws-cn" | "aws-us-gov" {
  return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
}

function readSection(value: unknown): GatewayAuditSection {
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

function authOf(
  auth: unknown,
  authorizers: Readonly<Record<string, AuthorizerConfig>> | undefined,
): RouteAuthKind {
  if (auth === "NONE" || auth === "AWS_IAM") return { kind: auth };
  const name = isRecord(auth) ? auth["authorizer"] : undefined;
  const authorizer = typeof name === "string" ? authorizers?.[name] : undefined;
  // The gateway refuses such a config at start; the audit does not get that far.
  if (typeof name !== "string" || authorizer === undefined) return { kind: "NONE" };
  if (authorizer.type === "TOKEN" || authorizer.type === "REQUEST") {
    return { kind: "lambda", name, ttlSeconds: authorizer.resultTtlInSeconds ?? DEFAULT_TTL };
  }
  return { kind: "jwt", name };
}

function auditedApis(config: LocalGatewayConfig, warnings: string[]): AuditedApi[] {
  const out: AuditedApi[] = [];
  config.apis.forEach((api, index) => {
    // The gateway's own defaults (resolve-config): the API id, then the name and the stage.
    const apiId =
      api.apiId ?? (index === 0 ? "a1b2c3d4e5" : `localapi${String(index).padStart(2, "0")}`);
    const name = api.name ?? apiId;
    if (api.type === "WEBSOCKET") {
      warnings.push(`${name}: WebSocket APIs are not audited (one route, $connect)`);
      return;
    }
    const routes =
      api.type === "REST"
        ? api.routes.map((route) => ({
            template: `${route.method.toUpperCase()} ${route.resource}`,
            auth: authOf(route.auth, api.authorizers),
          }))
        : api.routes.map((route) => ({
            template: route.routeKey,
            auth: authOf(route.auth, api.authorizers),
          }));
    out.push({
      config: api,
      name,
      apiId,
      stage: api.stage ?? (api.type === "HTTP" ? "$default" : "dev"),
      apiType: api.type === "REST" ? "rest" : "http",
      routes,
    });
  });
  return out;
}

/** The config the audit starts: the user's, with stub integrations and its own hooks. */
function auditGatewayConfig(
  config: LocalGatewayConfig,
  section: GatewayAuditSection,
  onIntegration: () => void,
  onDecision: (record: GatewayDecisionRecord) => void,
): LocalGatewayConfig {
  // The audit never runs the user's integrations (they may write somewhere): a stub answers 200.
  const stub = () => {
    onIntegration();
    return { statusCode: 200, body: "" };
  };
  const apis = config.apis.map((api): ApiConfig => {
    if (api.type === "REST")
      return { ...api, routes: api.routes.map((r) => ({ ...r, handler: stub })) };
    if (api.type === "HTTP")
      return { ...api, routes: api.routes.map((r) => ({ ...r, handler: stub })) };
    return api;
  });
  const { audit: _audit, ...rest } = config as AuditedGatewayConfig;
  return {
    ...rest,
    apis,
    port: 0,
    trustForwardedFor:
      config.trustForwardedFor === true ||
      section.callers.some((caller) => caller.sourceIp !== undefined),
    onDecision,
  };
}

interface CallerCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** From the config's credential, when the caller names one. */
  principalArn: string | undefined;
}

async function credentialsOf(
  config: LocalGatewayConfig,
  caller: GatewayAuditCaller,
): Promise<CallerCredentials | undefined> {
  const { iam } = caller;
  if (iam === undefined) return undefined;
  const source = config.credentials;
  const known: IamCredentialConfig | undefined =
    typeof source === "function"
      ? await source(iam.accessKeyId)
      : source?.find((credential) => credential.accessKeyId === iam.accessKeyId);
  if (iam.secretAccessKey !== undefined) {
    return {
      accessKeyId: iam.accessKeyId,
      secretAccessKey: iam.secretAccessKey,
      ...(iam.sessionToken === undefined ? {} : { sessionToken: iam.sessionToken }),
      principalArn: known?.principalArn,
    };
  }
  if (known === undefined) {
    throw usageError(
      `audit caller "${caller.name}": no credential with accessKeyId ${iam.accessKeyId} in the config's credentials`,
      "Give iam.secretAccessKey, or add the credential to `credentials`.",
    );
  }
  return {
    accessKeyId: known.accessKeyId,
    secretAccessKey: known.secretAccessKey,
    ...(known.sessionToken === undefined ? {} : { sessionToken: known.sessionToken }),
    principalArn: known.principalArn,
  };
}

function grantsFor(caller: GatewayAuditCaller, api: AuditedApi): readonly string[] {
  const { grants } = caller;
  if (grants === undefined) return [];
  if (Array.isArray(grants)) return grants as readonly string[];
  return (grants as Readonly<Record<string, readonly string[]>>)[api.name] ?? [];
}

function checkGrants(callers: readonly GatewayAuditCaller[], apis: readonly AuditedApi[]): void {
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

function covers(grant: string, route: string, api: AuditedApi): boolean {
  try {
    return routeTemplateCovers(grant, route, api.apiType);
  } catch (error) {
    throw usageError(`the grant "${grant}": ${(error as Error).message}`);
  }
}

/** Why an unintended cell is reached, as far as the config tells: the resource policy first. */
async function causeOf(
  api: AuditedApi,
  route: AuditedRoute,
  methodArn: string,
  caller: GatewayAuditCaller,
  principalArn: string | undefined,
  viaCache: boolean,
): Promise<UnintendedCause> {
  if (viaCache) return "cached_authorizer_policy";
  const fallback: UnintendedCause =
    route.auth.kind === "AWS_IAM"
      ? "iam_identity_policy"
      : route.auth.kind === "jwt"
        ? "cognito_valid_token"
        : route.auth.kind === "lambda"
          ? "authorizer_policy"
          : "resource_policy_allow";
  const config = api.config;
  if (
    config.type !== "REST" ||
    config.resourcePolicy === undefined ||
    config.resourcePolicy === null
  ) {
    return fallback;
  }
  const endpointType: EndpointType = config.endpointType ?? "REGIONAL";
  const accountId = /^arn:[^:]+:(?:iam|sts)::(\d{12}):/.exec(principalArn ?? "")?.[1];
  try {
    const network =
      endpointType === "PRIVATE"
        ? { vpcSourceIp: caller.sourceIp ?? "127.0.0.1" }
        : { sourceIp: caller.sourceIp ?? "127.0.0.1" };
    const base = {
      methodArn,
      endpointType,
      resourcePolicy: config.resourcePolicy as PolicyDocument,
      ...network,
    };
    const result =
      route.auth.kind === "AWS_IAM" && principalArn !== undefined && accountId !== undefined
        ? await evaluateApiGatewayAccess({
            ...base,
            authType: "AWS_IAM",
            caller: { arn: principalArn, accountId, signatureValid: true, callerPolicy: null },
          })
        : await evaluateApiGatewayAccess({ ...base, authType: "NONE" });
    return result.resourcePolicyDecision === "allow" ? "resource_policy_allow" : fallback;
  } catch {
    return fallback;
  }
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
      audits.push({
        api: api.name,
        stageArn: `arn:${partitionOf(region)}:execute-api:${region}:${accountId}:${api.apiId}/${api.stage}`,
        callers: section.callers.map((caller) => caller.name),
        probes: probes.map((planned) => ({ ...planned.probe })),
        cells,
        unintended,
        warnings: plan.warnings,
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
