import { matchesWildcard } from "../../wildcard/wildcard.js";
import { createFinding } from "../create-finding.js";
import type { LintContext } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";

const INVOKE = "execute-api:Invoke";
// Other execute-api actions a wildcard picks up: InvalidateCache lets a caller flush the stage
// cache with `Cache-Control: max-age=0`.
const OTHER_ACTIONS = ["execute-api:InvalidateCache", "execute-api:ManageConnections"];

function matches(pattern: string, action: string): boolean {
  return matchesWildcard(pattern, action, { ignoreCase: true });
}

/**
 * Actions that do not fit a resource policy: statements whose `Action` covers no execute-api
 * action (they apply to no API call), and Allow statements whose wildcards or `NotAction` also
 * grant `execute-api:InvalidateCache` / `ManageConnections`.
 * @internal
 */
export function actionRules(context: LintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const { statement } = view;
    if (statement.NotAction !== undefined) {
      const notPath = `${view.path}.NotAction`;
      const excluded = listAt(statement.NotAction, notPath).map((item) => item.value);
      const granted = OTHER_ACTIONS.filter(
        (action) => !excluded.some((item) => matches(item, action)),
      );
      if (statement.Effect === "Allow" && granted.length > 0) {
        findings.push(
          createFinding(
            "action_broader_than_invoke",
            notPath,
            `Allow with NotAction grants every action not listed, including ${granted.join(" and ")}.`,
            `Replace NotAction with "Action": "${INVOKE}".`,
          ),
        );
      }
      continue;
    }
    const actions = listAt(statement.Action, `${view.path}.Action`);
    const known = [INVOKE, ...OTHER_ACTIONS];
    if (!actions.some((item) => known.some((action) => matches(item.value, action)))) {
      findings.push(
        createFinding(
          "non_execute_api_action",
          `${view.path}.Action`,
          `API Gateway checks resource policies for ${INVOKE} (and InvalidateCache, ManageConnections); this statement names none of them, so it applies to no API call.`,
          `Use "Action": "${INVOKE}".`,
        ),
      );
    }
    if (statement.Effect !== "Allow") continue;
    for (const { value, path } of actions) {
      // Naming InvalidateCache explicitly is a choice; only wildcards grant it by accident.
      if (!/[*?]/.test(value)) continue;
      const extra = OTHER_ACTIONS.filter((action) => matches(value, action));
      if (extra.length === 0) continue;
      findings.push(
        createFinding(
          "action_broader_than_invoke",
          path,
          `"${value}" also grants ${extra.join(" and ")}: InvalidateCache lets the caller flush the stage cache with Cache-Control: max-age=0.`,
          `Use "Action": "${INVOKE}".`,
        ),
      );
    }
  }
  return findings;
}
