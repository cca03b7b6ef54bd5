/**
 * Plans the Allow statements to everyone a composed resource policy needs: NONE, Cognito and
 * REST JWT methods get an explicit Allow once the API has a resource policy, Lambda and IAM methods do not.
 * @internal
 * @packageDocumentation
 */

import type { ApiAuthTypeTable } from "../../auth-types/internal/read-api-auth-types.js";
import { globCovers, globMeetsRoute, routeGlob } from "../../auth-types/internal/route-coverage.js";
import type { MethodAuthType } from "../../gateway/api-gateway-access.js";
import { sortedUnique } from "../rule-values.js";

/** Which Allow statements to everyone the policy gets; resources in short form. */
export interface AllowPlan {
  /** `Allow *` on the whole API (`AllowInvoke`). */
  whole: boolean;
  /** `AllowNoneAuthMethods`: the NONE methods. */
  none: string[];
  /** `AllowCognitoMethods`: the COGNITO_USER_POOLS methods. */
  cognito: string[];
  /** `AllowJwtMethods`: the REST JWT-authorizer methods. */
  jwt: string[];
}

/**
 * NONE, Cognito and REST JWT methods need an explicit Allow once the API has a resource policy
 * (for JWT the conservative reading: AWS does not document it, `jwtResourcePolicy: "must-allow"`).
 */
function needsAllow(type: MethodAuthType): boolean {
  return type === "NONE" || type === "COGNITO_USER_POOLS" || type === "JWT";
}

export function fail(message: string): never {
  throw new TypeError(`composeResourcePolicy: ${message}`);
}

/** Globs without those another glob of the list already covers, sorted. */
function withoutCovered(globs: readonly string[]): string[] {
  const unique = sortedUnique(globs);
  return unique.filter(
    (glob) => !unique.some((other) => other !== glob && globCovers(other, glob)),
  );
}

export function planAllows(table: ApiAuthTypeTable | null, hasAccounts: boolean): AllowPlan {
  const plan: AllowPlan = { whole: false, none: [], cognito: [], jwt: [] };
  if (table === null) {
    // AWS's example shape: Allow * everywhere, unless an account allowlist says who may call.
    plan.whole = !hasAccounts;
    return plan;
  }
  const types = [...table.types];
  if (table.form === "list" || (table.fallback !== undefined && needsAllow(table.fallback))) {
    const open = types.filter(needsAllow);
    if (open.length === types.length) {
      plan.whole = true;
      return plan;
    }
    if (table.form === "map") {
      const closed = table.routes.filter((route) => !needsAllow(route.authType));
      fail(
        `"*" is ${table.fallback} but ${closed.map((route) => `"${route.key}"`).join(", ")} ${closed.length === 1 ? "is" : "are"} not: ` +
          "an Allow on everything but some methods cannot be written without a Deny that would also stop the authorized callers. " +
          `List the ${table.fallback} methods one by one and give "*" the authorizer's type.`,
      );
    }
    if (open.length > 0) {
      fail(
        `authTypes lists ${open.join(", ")} (methods that need an Allow) together with ${types.filter((type) => !needsAllow(type)).join(", ")} ` +
          "(methods an Allow would open, Table A), so it cannot tell which methods get the Allow. " +
          'Give a map of route -> type instead, e.g. { "OPTIONS /pets": "NONE", "*": "LAMBDA" }.',
      );
    }
    return plan;
  }

  const closed = table.routes.filter((route) => !needsAllow(route.authType));
  for (const route of table.routes) {
    if (!needsAllow(route.authType)) continue;
    for (const verb of route.verbs) {
      const glob = routeGlob(route, verb);
      const reached = closed.find((other) =>
        other.verbs.some((otherVerb) => globMeetsRoute(glob, other, otherVerb)),
      );
      if (reached !== undefined) {
        fail(
          `the Allow for the ${route.authType} method "${route.key}" (execute-api:/${glob}) would also cover "${reached.key}" (${reached.authType}): ` +
            'IAM\'s * also matches "/", so that Allow would let callers past its ' +
            `${reached.authType === "AWS_IAM" ? "IAM policy" : "authorizer"} (Table A). IAM wildcards cannot tell these routes apart: ` +
            `change one of the paths, or give "${route.key}" the same authorization.`,
        );
      }
      (route.authType === "NONE"
        ? plan.none
        : route.authType === "JWT"
          ? plan.jwt
          : plan.cognito
      ).push(glob);
    }
  }
  plan.none = withoutCovered(plan.none).map((glob) => `execute-api:/${glob}`);
  plan.cognito = withoutCovered(plan.cognito).map((glob) => `execute-api:/${glob}`);
  plan.jwt = withoutCovered(plan.jwt).map((glob) => `execute-api:/${glob}`);
  return plan;
}
