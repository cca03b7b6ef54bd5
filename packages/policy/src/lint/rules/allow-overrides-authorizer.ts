import type { ApiAuthTypeTable } from "../../auth-types/internal/read-api-auth-types.js";
import {
  globCovers,
  globMeetsRoute,
  resourceTail,
  routeGlob,
} from "../../auth-types/internal/route-coverage.js";
import type { PolicyStatement } from "../../document/policy-document.js";
import type { MethodAuthType } from "../../gateway/api-gateway-access.js";
import { matchesWildcard } from "../../wildcard/wildcard.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

/** Methods whose implicit deny an Allow to everyone in the resource policy overrides (Table A). */
const OPENED: readonly MethodAuthType[] = ["LAMBDA", "AWS_IAM"];
const VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

function opened(type: MethodAuthType): boolean {
  return OPENED.includes(type);
}

/** `Principal: "*"`, `{ AWS: "*" }` or any `NotPrincipal`: anonymous callers match. */
function admitsEveryone(statement: PolicyStatement): boolean {
  if (statement.NotPrincipal !== undefined) return true;
  const principal = statement.Principal;
  if (principal === undefined) return false;
  if (principal === "*") return true;
  return listAt(principal.AWS, "").some((item) => item.value === "*");
}

function grantsInvoke(statement: PolicyStatement): boolean {
  const invoke = (pattern: string) =>
    matchesWildcard(pattern, "execute-api:Invoke", { ignoreCase: true });
  if (statement.NotAction !== undefined) {
    return !listAt(statement.NotAction, "").some((item) => invoke(item.value));
  }
  return listAt(statement.Action, "").some((item) => invoke(item.value));
}

/** Covers every method of a stage: `*`, `*\/*`, `prod/*`, `prod/*\/*`... */
function isBlanket(tail: string): boolean {
  const first = tail.split("/")[0] ?? "";
  const stage = first === "" || /[*?]/.test(first) ? "stage" : first;
  return VERBS.every((verb) => globCovers(tail, `${stage}/${verb}/*`));
}

/** What the resource reaches that an Allow must not: a phrase, or `undefined`. */
function reach(
  table: ApiAuthTypeTable,
  tail: string,
): { what: string; types: MethodAuthType[] } | undefined {
  const types = [...table.types].filter(opened);
  if (types.length === 0) return undefined;
  if (table.form === "list") {
    if (types.length === table.types.size) return { what: "this API's methods", types };
    return isBlanket(tail)
      ? { what: "every method of the API (or of a stage), authorized ones included", types }
      : undefined;
  }
  const reached = table.routes.filter(
    (route) =>
      opened(route.authType) && route.verbs.some((verb) => globMeetsRoute(tail, route, verb)),
  );
  const parts = reached.map((route) => `"${route.key}" (${route.authType})`);
  const found = new Set(reached.map((route) => route.authType));
  if (table.fallback !== undefined && opened(table.fallback)) {
    const scoped = table.routes.some(
      (route) =>
        !opened(route.authType) &&
        route.verbs.some((verb) => globCovers(routeGlob(route, verb), tail)),
    );
    if (!scoped) {
      parts.push(`the methods of "*" (${table.fallback})`);
      found.add(table.fallback);
    }
  }
  if (parts.length === 0) return undefined;
  const shown = parts.length > 4 ? [...parts.slice(0, 4), `${parts.length - 4} more`] : parts;
  return { what: shown.join(", "), types: [...found] };
}

function consequence(types: readonly MethodAuthType[]): string {
  const sentences: string[] = [];
  if (types.includes("LAMBDA")) {
    sentences.push(
      "a route the Lambda authorizer's policy does not cover is then open to any caller the authorizer does not explicitly deny",
    );
  }
  if (types.includes("AWS_IAM")) {
    sentences.push(
      "every IAM principal of the API's account gets in without an identity policy, and principals of any other account whose own policy allows execute-api:Invoke do too (Table B needs both sides, and this is one)",
    );
  }
  return sentences.join("; ");
}

function fixFor(table: ApiAuthTypeTable, types: readonly MethodAuthType[]): string {
  const open =
    table.form === "map"
      ? [
          ...new Set(
            table.routes
              .filter((route) => !opened(route.authType))
              .flatMap((route) =>
                route.verbs.map((verb) => `execute-api:/${routeGlob(route, verb)}`),
              ),
          ),
        ]
      : [];
  const scope =
    open.length > 0
      ? `Scope this Allow's Resource to the methods that need it (NONE, COGNITO_USER_POOLS, JWT): ${open.slice(0, 4).join(", ")}${open.length > 4 ? ", ..." : ""}.`
      : "Remove this Allow, or scope its Resource to the NONE / COGNITO_USER_POOLS / JWT methods that need it; keep the Deny statements (they apply before any authorizer runs).";
  const list =
    table.form === "list" && table.types.size > types.length
      ? " Give the linter per-method authTypes (a map of route -> type) to check scoped Allows exactly."
      : "";
  const iam = types.includes("AWS_IAM")
    ? ' Admit other accounts\' IAM callers with "Principal": { "AWS": [...] } (accountAllowlist) instead of "*".'
    : "";
  return `${scope} composeResourcePolicy(rules, { authTypes }) writes it that way.${iam}${list}`;
}

/**
 * An Allow to everyone that covers methods authorized by a Lambda authorizer or by IAM: in the
 * API's account an Allow in either policy allows (Table A), so the authorizer's or IAM policy's
 * silence no longer denies. The AWS examples' `Allow *` on `execute-api:/*` does exactly this.
 * @internal
 */
export function allowOverridesAuthorizer(context: LintContext): LintFinding[] {
  const table = context.authTypeTable;
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const { statement } = view;
    if (statement.Effect !== "Allow" || !admitsEveryone(statement) || !grantsInvoke(statement)) {
      continue;
    }
    const entries =
      statement.NotResource !== undefined
        ? [{ path: `${view.path}.NotResource`, tail: "*" as string | undefined }]
        : listAt(statement.Resource, `${view.path}.Resource`).map(({ value, path }) => ({
            path,
            tail: resourceTail(value),
          }));
    for (const { path, tail } of entries) {
      if (tail === undefined) continue;
      const reached = reach(table, tail);
      if (reached === undefined) continue;
      const who =
        statement.NotPrincipal !== undefined ? "everyone not listed in NotPrincipal" : "everyone";
      const authorizers = reached.types
        .map((type) => (type === "LAMBDA" ? "the Lambda authorizer's" : "the IAM policy's"))
        .join(" or ");
      findings.push(
        createFinding(
          "allow_overrides_authorizer",
          path,
          `This Allow lets ${who} invoke ${reached.what}${statement.NotResource !== undefined ? " (NotResource allows everything not listed)" : ""}. In the API's account an Allow in the resource policy overrides ${authorizers} implicit deny (Table A): ${consequence(reached.types)}.`,
          fixFor(table, reached.types),
        ),
      );
    }
  }
  return findings;
}
