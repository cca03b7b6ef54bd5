import { createFinding } from "../create-finding.js";
import type { LintFinding } from "../lint-finding.js";
import { listAt } from "../list-at.js";
import {
  ASSUME_WITH_WEB_IDENTITY,
  cognitoAllows,
  coversAction,
  TAG_SESSION,
  type TrustLintContext,
} from "./trust-lint-context.js";

const TRUST_ACTIONS = new Set([ASSUME_WITH_WEB_IDENTITY.toLowerCase(), TAG_SESSION.toLowerCase()]);

/**
 * `wrong_trust_action`: no statement lets the identity pool assume the role, or one grants it more
 * than `sts:AssumeRoleWithWebIdentity` / `sts:TagSession`. `missing_tag_session`: principal tags
 * are mapped but `sts:TagSession` is not allowed.
 * @internal
 */
export function trustActionRules(context: TrustLintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  const allows = cognitoAllows(context);
  for (const view of allows) {
    const { statement } = view;
    if (statement.NotAction !== undefined) {
      findings.push(
        createFinding(
          "wrong_trust_action",
          `${view.path}.NotAction`,
          "Allow with NotAction grants the identity pool every STS action not listed.",
          `Use "Action": ["${ASSUME_WITH_WEB_IDENTITY}"] (and "${TAG_SESSION}" with principal tags).`,
        ),
      );
      continue;
    }
    for (const { value, path } of listAt(statement.Action, `${view.path}.Action`)) {
      if (TRUST_ACTIONS.has(value.toLowerCase())) continue;
      findings.push(
        createFinding(
          "wrong_trust_action",
          path,
          `"${value}" is not an action an identity pool performs on a role: it calls ${ASSUME_WITH_WEB_IDENTITY} (and ${TAG_SESSION} for principal tags).`,
          `List "${ASSUME_WITH_WEB_IDENTITY}" (and "${TAG_SESSION}") instead.`,
        ),
      );
    }
  }
  if (!allows.some((view) => coversAction(view, ASSUME_WITH_WEB_IDENTITY))) {
    findings.push(
      createFinding(
        "wrong_trust_action",
        "Statement",
        `No statement allows the identity pool (Federated cognito-identity.amazonaws.com) to call ${ASSUME_WITH_WEB_IDENTITY}: no identity can get credentials for this role (AccessDenied / InvalidIdentityPoolConfigurationException).`,
        "Use identityPoolTrustPolicy to write the trust policy.",
      ),
    );
  } else if (
    context.principalTagsMapped &&
    !allows.some((view) => coversAction(view, TAG_SESSION))
  ) {
    const first = allows.find((view) => coversAction(view, ASSUME_WITH_WEB_IDENTITY));
    findings.push(
      createFinding(
        "missing_tag_session",
        first === undefined ? "Statement" : `${first.path}.Action`,
        `The identity pool maps attributes to principal tags, so it passes session tags to STS; without ${TAG_SESSION} every credential request for this role fails.`,
        `Add "${TAG_SESSION}" to the Action list.`,
      ),
    );
  }
  return findings;
}
