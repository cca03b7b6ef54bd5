/**
 * Validates API keys and usage plans as API Gateway does when they are created.
 * @packageDocumentation
 */
import { PolicyError, type PolicyErrorCode } from "../errors.js";
import { parseApiId } from "../identifiers/api-id.js";
import { parseRouteMethod } from "../identifiers/http-method.js";
import { parseStageName } from "../identifiers/stage-name.js";
import {
  type IndexedKey,
  registerIndex,
  type StagePlan,
  stageId,
} from "./internal/usage-plan-index.js";
import type {
  ApiKeyConfig,
  QuotaSettings,
  ThrottleSettings,
  UsagePlanConfig,
  UsagePlanStageConfig,
  UsagePlansConfig,
} from "./usage-plan-config.js";
import type { UsagePlans } from "./usage-plans.js";

/** Options of {@link parseUsagePlans}. */
export interface ParseUsagePlansOptions {
  /**
   * The API stages that exist; a plan bound to another stage is refused (`unknown_api_stage`).
   * Absent: any well-formed stage is accepted.
   */
  stages?: readonly { apiId: string; stage: string }[];
}

const KEY_VALUE = /^[A-Za-z0-9]{20,128}$/;
const PERIODS: readonly string[] = ["DAY", "WEEK", "MONTH"];

function fail(code: PolicyErrorCode, path: string, message: string, expected?: string): never {
  throw new PolicyError(code, `${path}: ${message}`, {
    path,
    ...(expected === undefined ? {} : { expected }),
  });
}

function record(value: unknown, path: string, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail("invalid_usage_plan", path, `must be ${what}`, what);
  }
  return value as Record<string, unknown>;
}

function list(value: unknown, path: string, what: string): readonly unknown[] {
  if (!Array.isArray(value)) fail("invalid_usage_plan", path, `must be an array of ${what}`);
  return value;
}

function id(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "" || value.length > 128) {
    fail("invalid_usage_plan", path, "must be a non-empty string of at most 128 characters");
  }
  return value;
}

function count(value: unknown, path: string, integer: boolean): number {
  if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < 0 ||
    (integer && !Number.isInteger(value))
  ) {
    fail(
      "invalid_usage_plan",
      path,
      `must be a ${integer ? "non-negative integer" : "non-negative number"}`,
      integer ? "an integer >= 0" : "a number >= 0",
    );
  }
  return value;
}

function throttle(value: unknown, path: string): ThrottleSettings {
  const given = record(value, path, "throttle settings ({ rateLimit, burstLimit })");
  return Object.freeze({
    rateLimit: count(given["rateLimit"], `${path}.rateLimit`, false),
    burstLimit: count(given["burstLimit"], `${path}.burstLimit`, true),
  });
}

function quota(value: unknown, path: string): QuotaSettings {
  const given = record(value, path, "quota settings ({ limit, period, offset? })");
  const limit = count(given["limit"], `${path}.limit`, true);
  const period = given["period"];
  if (typeof period !== "string" || !PERIODS.includes(period)) {
    fail(
      "invalid_usage_plan",
      `${path}.period`,
      "must be DAY, WEEK or MONTH",
      "DAY | WEEK | MONTH",
    );
  }
  const offset = given["offset"] === undefined ? 0 : count(given["offset"], `${path}.offset`, true);
  if (offset > limit) {
    fail("invalid_usage_plan", `${path}.offset`, "must not exceed the limit");
  }
  return Object.freeze({ limit, period: period as QuotaSettings["period"], offset });
}

/** `"GET /pets/{id}"`, `"ANY /pets"` or a WebSocket route key (`"$connect"`). */
function methodKey(key: string, path: string): string {
  if (key === "$connect") return key;
  const space = key.indexOf(" ");
  const resource = key.slice(space + 1);
  if (space < 0 || !resource.startsWith("/") || /\s/.test(resource)) {
    fail(
      "invalid_usage_plan",
      path,
      'must be "{METHOD} {resource}" (e.g. "GET /pets/{id}") or "$connect"',
      "GET /pets/{id}",
    );
  }
  return `${parseRouteMethod(key.slice(0, space), path)} ${resource}`;
}

function apiKey(value: unknown, path: string): Required<ApiKeyConfig> {
  const given = record(value, path, "an API key ({ id, value, enabled? })");
  const keyValue = given["value"];
  if (typeof keyValue !== "string" || !KEY_VALUE.test(keyValue)) {
    // Never echo the value: it is a credential.
    const length = typeof keyValue === "string" ? `${keyValue.length} characters` : typeof keyValue;
    fail(
      "invalid_api_key",
      `${path}.value`,
      `must be 20 to 128 ASCII letters and digits (got ${length}${typeof keyValue === "string" && /[^A-Za-z0-9]/.test(keyValue) ? " including other characters" : ""})`,
      "20-128 characters [A-Za-z0-9]",
    );
  }
  const enabled = given["enabled"] ?? true;
  if (typeof enabled !== "boolean") fail("invalid_api_key", `${path}.enabled`, "must be a boolean");
  return Object.freeze({ id: id(given["id"], `${path}.id`), value: keyValue, enabled });
}

/**
 * Checks API keys and usage plans as API Gateway does: key values of 20 to 128 letters and
 * digits, unique values and ids, non-negative throttling and quotas, keys that exist, and at most
 * one plan per key and API stage. Returns an immutable {@link UsagePlans} for
 * {@link evaluateUsagePlan}.
 *
 * @param config - The keys and plans.
 * @param options - The API stages that exist, to refuse plans bound to others.
 * @returns The validated plans.
 * @throws PolicyError `invalid_api_key`, `duplicate_api_key`, `api_key_stage_conflict`,
 *   `invalid_usage_plan`, `unknown_api_stage`, `invalid_api_id`, `invalid_stage`,
 *   `invalid_http_method`, with the `path` of the bad field. Key values never appear in messages.
 * @example
 * ```ts
 * const plans = parseUsagePlans({
 *   apiKeys: [{ id: "partner-a", value: "a1b2c3d4e5f6g7h8i9j0k1l2" }],
 *   usagePlans: [{
 *     id: "basic",
 *     apiStages: [{ apiId: "abc123", stage: "prod", throttle: { "POST /orders": { rateLimit: 1, burstLimit: 1 } } }],
 *     throttle: { rateLimit: 10, burstLimit: 20 },
 *     quota: { limit: 1000, period: "DAY" },
 *     apiKeys: ["partner-a"],
 *   }],
 * });
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html
 */
export function parseUsagePlans(
  config: UsagePlansConfig,
  options: ParseUsagePlansOptions = {},
): UsagePlans {
  const given = record(config, "config", "an object ({ apiKeys, usagePlans })");
  const keysById = new Map<string, IndexedKey>();
  const keysByValue = new Map<string, IndexedKey>();
  const apiKeys = list(given["apiKeys"], "apiKeys", "API keys").map((value, index) => {
    const path = `apiKeys[${index}]`;
    const key = apiKey(value, path);
    if (keysById.has(key.id)) fail("duplicate_api_key", `${path}.id`, "repeats a key id");
    if (keysByValue.has(key.value)) {
      fail("duplicate_api_key", `${path}.value`, "repeats the value of another key");
    }
    const indexed = { id: key.id, enabled: key.enabled };
    keysById.set(key.id, indexed);
    keysByValue.set(key.value, indexed);
    return key;
  });
  const known =
    options.stages === undefined
      ? undefined
      : new Set(options.stages.map((s) => stageId(s.apiId, s.stage)));
  const planIds = new Set<string>();
  const stages = new Map<string, Map<string, StagePlan>>();
  const usagePlans = list(given["usagePlans"], "usagePlans", "usage plans").map((value, index) => {
    const path = `usagePlans[${index}]`;
    const plan = record(
      value,
      path,
      "a usage plan ({ id, apiStages, throttle?, quota?, apiKeys })",
    );
    const planId = id(plan["id"], `${path}.id`);
    if (planIds.has(planId)) fail("invalid_usage_plan", `${path}.id`, "repeats a plan id");
    planIds.add(planId);
    const apiStages = list(plan["apiStages"], `${path}.apiStages`, "API stages").map(
      (stageValue, stageIndex): UsagePlanStageConfig => {
        const at = `${path}.apiStages[${stageIndex}]`;
        const stage = record(stageValue, at, "an API stage ({ apiId, stage, throttle? })");
        const apiId = parseApiId(stage["apiId"], `${at}.apiId`);
        const stageName = parseStageName(stage["stage"], `${at}.stage`);
        if (known !== undefined && !known.has(stageId(apiId, stageName))) {
          fail("unknown_api_stage", at, `names ${apiId}/${stageName}, which no API has`);
        }
        const overrides: Record<string, ThrottleSettings> = {};
        if (stage["throttle"] !== undefined) {
          const byMethod = record(
            stage["throttle"],
            `${at}.throttle`,
            "throttle settings by method",
          );
          for (const [key, settings] of Object.entries(byMethod)) {
            const normal = methodKey(key, `${at}.throttle.${key}`);
            overrides[normal] = throttle(settings, `${at}.throttle.${key}`);
          }
        }
        return Object.freeze({
          apiId,
          stage: stageName,
          throttle: Object.freeze(overrides),
        });
      },
    );
    if (apiStages.length === 0) {
      fail("invalid_usage_plan", `${path}.apiStages`, "must list at least one API stage");
    }
    const keyIds = list(plan["apiKeys"], `${path}.apiKeys`, "API key ids").map((keyId, k) => {
      const at = `${path}.apiKeys[${k}]`;
      if (typeof keyId !== "string" || !keysById.has(keyId)) {
        fail("invalid_usage_plan", at, "names no API key of apiKeys");
      }
      return keyId;
    });
    const parsed: UsagePlanConfig = Object.freeze({
      id: planId,
      apiStages: Object.freeze(apiStages),
      ...(plan["throttle"] === undefined
        ? {}
        : { throttle: throttle(plan["throttle"], `${path}.throttle`) }),
      ...(plan["quota"] === undefined ? {} : { quota: quota(plan["quota"], `${path}.quota`) }),
      apiKeys: Object.freeze([...new Set(keyIds)]),
    });
    for (const stage of apiStages) {
      const sid = stageId(stage.apiId, stage.stage);
      let byKey = stages.get(sid);
      if (byKey === undefined) {
        byKey = new Map();
        stages.set(sid, byKey);
      }
      for (const keyId of parsed.apiKeys) {
        const other = byKey.get(keyId);
        if (other !== undefined) {
          fail(
            "api_key_stage_conflict",
            `${path}.apiKeys`,
            `puts key ${JSON.stringify(keyId)} on ${sid}, which plan ${JSON.stringify(other.plan.id)} already covers for it (one plan per key and stage)`,
          );
        }
        byKey.set(keyId, {
          plan: parsed,
          overrides: new Map(Object.entries(stage.throttle ?? {})),
        });
      }
    }
    return parsed;
  });
  const plans: UsagePlans = Object.freeze({
    kind: "usage-plans",
    config: Object.freeze({
      apiKeys: Object.freeze(apiKeys),
      usagePlans: Object.freeze(usagePlans),
    }),
  });
  registerIndex(plans, { keysByValue, stages });
  return plans;
}
