import type { ApiAuthTypeTable } from "../../auth-types/internal/read-api-auth-types.js";
import {
  globCovers,
  globMeetsRoute,
  resourceTail,
  routeGlob,
} from "../../auth-types/internal/route-coverage.js";
import type { PolicyPrincipal } from "../../document/policy-document.js";
import { createFinding } from "../create-finding.js";
import type { LintContext, StatementView } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

const NON_IAM = ["NONE", "LAMBDA", "COGNITO_USER_POOLS", "JWT"] as const;

function admitsAnyone(principal: PolicyPrincipal | undefined): boolean {
  if (principal === undefined) return false;
  if (principal === "*") return true;
  return listAt(principal.AWS, "").some((item) => item.value === "*");
}

function tailsOf(view: StatementView): string[] {
  if (view.statement.NotResource !== undefined) return ["*"];
  return listAt(view.statement.Resource, "")
    .map((item) => resourceTail(item.value))
    .filter((tail): tail is string => tail !== undefined);
}

/**
 * With a route map: the non-`AWS_IAM` methods the IAM-only Allow reaches that no Allow to
 * everyone covers (their anonymous callers would be refused), as route keys.
 */
function unreachable(
  table: Extract<ApiAuthTypeTable, { form: "map" }>,
  tails: readonly string[],
  anyone: readonly string[],
): string[] {
  const coveredForAnyone = (glob: string) => anyone.some((tail) => globCovers(tail, glob));
  const keys: string[] = [];
  for (const route of table.routes) {
    if (route.authType === "AWS_IAM") continue;
    const hit = route.verbs.some(
      (verb) =>
        tails.some((tail) => globMeetsRoute(tail, route, verb)) &&
        (route.authType === "LAMBDA" || !coveredForAnyone(routeGlob(route, verb))),
    );
    if (hit) keys.push(`"${route.key}" (${route.authType})`);
  }
  const fallback = table.fallback;
  if (fallback !== undefined && fallback !== "AWS_IAM") {
    const scoped = tails.every(
      (tail) =>
        (fallback !== "LAMBDA" && coveredForAnyone(tail)) ||
        table.routes.some(
          (route) =>
            route.authType !== "LAMBDA" &&
            route.verbs.some((verb) => globCovers(routeGlob(route, verb), tail)),
        ),
    );
    if (!scoped) keys.push(`the methods of "*" (${fallback})`);
  }
  return keys;
}

/**
 * Allow statements naming IAM principals on an API whose methods are not all `AWS_IAM`: callers of
 * the other methods are anonymous to IAM, match no principal, and get "User: anonymous is not
 * authorized to perform: execute-api:Invoke". With a route map, only Allows that reach such
 * methods (and no Allow to everyone covers them) are reported.
 * @internal
 */
export function awsPrincipalWithNonIamAuth(context: LintContext): LintFinding[] {
  const others = NON_IAM.filter((type) => context.authTypes.has(type));
  if (others.length === 0) return [];
  const table = context.authTypeTable;
  const allows = context.statements.filter((view) => view.statement.Effect === "Allow");
  const anyone = allows.filter((view) => admitsAnyone(view.statement.Principal));
  if (table.form === "list" && anyone.length > 0) return [];
  const anyoneTails = anyone.flatMap(tailsOf);
  const findings: LintFinding[] = [];
  for (const view of allows) {
    const principal = view.statement.Principal;
    if (principal === undefined || principal === "*" || principal.AWS === undefined) continue;
    if (admitsAnyone(principal)) continue;
    let reached = `Methods using ${others.join(", ")} authorization have`;
    if (table.form === "map") {
      const keys = unreachable(table, tailsOf(view), anyoneTails);
      if (keys.length === 0) continue;
      reached = `This Allow covers ${keys.join(", ")}, which ${keys.length === 1 ? "has" : "have"}`;
    }
    findings.push(
      createFinding(
        "aws_principal_with_non_iam_auth",
        `${view.path}.Principal.AWS`,
        `${reached} no IAM caller, so no Allow with an AWS principal matches them: every such call fails with "User: anonymous is not authorized to perform: execute-api:Invoke".`,
        `Scope this Allow's Resource to the AWS_IAM methods (with per-method authTypes, composeResourcePolicy checks it), and allow the NONE / COGNITO_USER_POOLS / JWT methods with "Principal": "*" on their own routes; Lambda-authorized methods need no Allow. Or switch those methods to AWS_IAM.`,
      ),
    );
  }
  return findings;
}
