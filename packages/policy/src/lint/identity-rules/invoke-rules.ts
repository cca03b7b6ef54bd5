import type { ExecuteApiArn } from "../../arn/execute-api-arn.js";
import { parseExecuteApiArn } from "../../arn/parse-execute-api-arn.js";
import { isPolicyError } from "../../errors.js";
import { matchesWildcard } from "../../wildcard/wildcard.js";
import { createFinding } from "../create-finding.js";
import type { StatementsContext, StatementView } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

const INVOKE = "execute-api:Invoke";
const OTHER_ACTIONS = ["execute-api:InvalidateCache", "execute-api:ManageConnections"];

function matches(pattern: string, value: string): boolean {
  return matchesWildcard(pattern, value, { ignoreCase: true });
}

/** Whether the statement's Action / NotAction covers `action`. */
function covers(view: StatementView, action: string): boolean {
  const { statement } = view;
  if (statement.NotAction !== undefined) {
    return !listAt(statement.NotAction, "").some(({ value }) => matches(value, action));
  }
  return listAt(statement.Action, "").some(({ value }) => matches(value, action));
}

/** Whether a resource may name an execute-api ARN (its service field matches `execute-api`). */
function isExecuteApiResource(resource: string): boolean {
  if (resource === "*" || resource.startsWith("execute-api:")) return true;
  const service = resource.split(":")[2];
  return resource.startsWith("arn:") && service !== undefined && matches(service, "execute-api");
}

const hasWildcard = (value: string | undefined) => value !== undefined && /[*?]/.test(value);

/** Why a parsed ARN grants a whole API, stage or account, or `undefined`. */
function breadth(arn: ExecuteApiArn): string | undefined {
  if (hasWildcard(arn.accountId)) return "APIs of any account";
  if (hasWildcard(arn.apiId)) return "every API of the account";
  if (arn.stage === "") return "the whole API";
  const tail = arn.method === undefined ? (arn.routeKey ?? "") : `${arn.method}${arn.path ?? ""}`;
  if (tail.replace(/[*/]/g, "") === "") return "every route of the stage";
  return undefined;
}

/**
 * Over-broad `execute-api:Invoke` grants in an identity policy: `*` and ARNs covering a whole
 * account, API or stage (`broad_invoke_resource`), `*` before the end of the path
 * (`invoke_mid_path_wildcard`), action wildcards that add InvalidateCache / ManageConnections
 * (`broad_invoke_action`), and execute-api resources that match nothing (`invalid_invoke_resource`).
 * @internal
 */
export function invokeRules(context: StatementsContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const { statement } = view;
    if (statement.Effect !== "Allow" || !covers(view, INVOKE)) continue;
    const resources = [
      ...listAt(statement.Resource, `${view.path}.Resource`),
      ...listAt(statement.NotResource, `${view.path}.NotResource`),
    ].filter(({ value }) => isExecuteApiResource(value) || statement.NotResource !== undefined);
    if (resources.length === 0) continue;

    const extra = OTHER_ACTIONS.filter((action) => covers(view, action));
    if (extra.length > 0) {
      const path =
        statement.NotAction === undefined ? `${view.path}.Action` : `${view.path}.NotAction`;
      findings.push(
        createFinding(
          "broad_invoke_action",
          path,
          `This Allow also grants ${extra.join(" and ")}: InvalidateCache lets the caller flush the stage cache with Cache-Control: max-age=0.`,
          `Use "Action": "${INVOKE}".`,
        ),
      );
    }

    if (statement.NotResource !== undefined) {
      findings.push(
        createFinding(
          "broad_invoke_resource",
          `${view.path}.NotResource`,
          `Allow with NotResource grants ${INVOKE} on every API in every account except the ones listed.`,
          "List the routes in Resource instead; executeApiInvokePolicy builds them from the API's routes.",
        ),
      );
      continue;
    }
    for (const { value, path } of resources) {
      if (value === "*") {
        findings.push(
          createFinding(
            "broad_invoke_resource",
            path,
            `"*" grants ${INVOKE} on every route of every API the caller can reach, in this account and (where their resource policies allow) others.`,
            "List the routes; executeApiInvokePolicy builds exact ARNs from the API's routes.",
          ),
        );
        continue;
      }
      if (value.startsWith("execute-api:")) {
        findings.push(
          createFinding(
            "invalid_invoke_resource",
            path,
            `"${value}" is the short form only resource policies understand; in an identity policy it matches no request.`,
            "Write the full ARN: arn:aws:execute-api:{region}:{account}:{api id}/{stage}/{verb}/{path}.",
          ),
        );
        continue;
      }
      let arn: ExecuteApiArn;
      try {
        arn = parseExecuteApiArn(value, path);
      } catch (error) {
        if (!isPolicyError(error)) throw error;
        findings.push(
          createFinding(
            "invalid_invoke_resource",
            path,
            `"${value}" is not an execute-api ARN: ${error.message}.`,
            "Write arn:aws:execute-api:{region}:{account}:{api id}/{stage}/{verb}/{path}.",
          ),
        );
        continue;
      }
      const broad = breadth(arn);
      if (broad !== undefined) {
        findings.push(
          createFinding(
            "broad_invoke_resource",
            path,
            `"${value}" grants ${INVOKE} on ${broad}.`,
            "List the routes the caller needs; executeApiInvokePolicy builds them, with a Deny for the routes a pattern over-matches.",
          ),
        );
        continue;
      }
      const tail =
        arn.method === undefined ? (arn.routeKey ?? "") : `${arn.method}${arn.path ?? ""}`;
      if (tail.replace(/[*/]+$/, "").includes("*")) {
        findings.push(
          createFinding(
            "invoke_mid_path_wildcard",
            path,
            `In "${value}" a * before the end also matches "/": the grant also covers deeper paths (GET/pets/*/toys matches GET/pets/a/b/toys), which matters when the API has such a route.`,
            "Build the policy with executeApiInvokePolicy from the API's full route list: it adds a Deny for every route a pattern over-matches.",
          ),
        );
      }
    }
  }
  return findings;
}
