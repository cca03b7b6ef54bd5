/**
 * Checks an account allowlist against the API's authorization types: it names IAM principals, so
 * only AWS_IAM methods can satisfy it.
 * @internal
 * @packageDocumentation
 */

import type { ApiAuthTypeTable } from "../../auth-types/internal/read-api-auth-types.js";
import {
  globCovers,
  globMeetsRoute,
  resourceTail,
  routeGlob,
} from "../../auth-types/internal/route-coverage.js";
import type { ResourcePolicyRule } from "../resource-policy-rule.js";
import { fail } from "./plan-allows.js";

/**
 * An account allowlist names IAM principals: a caller of a Lambda-authorized method is anonymous,
 * matches none of them, and is refused ("User: anonymous is not authorized") wherever that Allow
 * is the only one on the method.
 */
export function checkAccountRules(
  table: ApiAuthTypeTable | null,
  accountRules: ResourcePolicyRule[],
) {
  if (table === null || accountRules.length === 0) return;
  if (!table.types.has("AWS_IAM")) {
    fail(
      "accountAllowlist names IAM principals, which only AWS_IAM methods have, but authTypes has no AWS_IAM method: " +
        "every other caller is anonymous and would be refused.",
    );
  }
  if (table.form === "list") {
    if (table.types.size > 1) {
      fail(
        `accountAllowlist with authTypes ${[...table.types].join(", ")}: say which methods use AWS_IAM with a map of route -> type, ` +
          "so the account Allow can be checked to stay off the other methods (their anonymous callers would be refused).",
      );
    }
    return;
  }
  const lambda = table.routes.filter((route) => route.authType === "LAMBDA");
  const others = table.routes.filter((route) => route.authType !== "LAMBDA");
  for (const rule of accountRules) {
    for (const resource of rule.resources) {
      const tail = resourceTail(resource);
      if (tail === undefined) continue;
      const reached = lambda.find((route) =>
        route.verbs.some((verb) => globMeetsRoute(tail, route, verb)),
      );
      const unlisted =
        table.fallback === "LAMBDA" &&
        !others.some((route) =>
          route.verbs.some((verb) => globCovers(routeGlob(route, verb), tail)),
        );
      if (reached !== undefined || unlisted) {
        fail(
          `accountAllowlist resource ${resource} also covers ${reached === undefined ? 'methods of "*"' : `"${reached.key}"`} (LAMBDA): ` +
            "its callers are anonymous to IAM and would be refused. Scope the allowlist with `resources` to the AWS_IAM methods.",
        );
      }
    }
  }
}
