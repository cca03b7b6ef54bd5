import { createFinding } from "../create-finding.js";
import type { LintFinding } from "../lint-finding.js";
import {
  ASSUME_WITH_WEB_IDENTITY,
  COGNITO_IDENTITY,
  coversAction,
  namesCognito,
  type TrustLintContext,
} from "./trust-lint-context.js";

/**
 * `wrong_trust_principal`: an Allow of `sts:AssumeRoleWithWebIdentity` to another principal than
 * the identity pools' (or to it and others). `resource_in_trust_policy`: `Resource` in a trust
 * policy, which IAM rejects.
 * @internal
 */
export function trustPrincipalRules(context: TrustLintContext): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const view of context.statements) {
    const { statement } = view;
    for (const field of ["Resource", "NotResource"] as const) {
      if (statement[field] === undefined) continue;
      findings.push(
        createFinding(
          "resource_in_trust_policy",
          `${view.path}.${field}`,
          `A trust policy's resource is the role itself; IAM rejects one with ${field} ("Has prohibited field Resource").`,
          `Remove ${field}.`,
        ),
      );
    }
    if (statement.Effect !== "Allow" || !coversAction(view, ASSUME_WITH_WEB_IDENTITY)) continue;
    const principal = statement.Principal;
    const onlyCognito =
      principal !== undefined &&
      principal !== "*" &&
      namesCognito(principal) &&
      Object.keys(principal).every((key) => key === "Federated") &&
      [principal.Federated].flat().length === 1;
    if (onlyCognito) continue;
    const path =
      statement.NotPrincipal !== undefined ? `${view.path}.NotPrincipal` : `${view.path}.Principal`;
    findings.push(
      createFinding(
        "wrong_trust_principal",
        principal === undefined && statement.NotPrincipal === undefined ? view.path : path,
        `This statement lets ${statement.NotPrincipal !== undefined ? "every principal not listed" : principal === "*" ? "any principal" : "other principals than the identity pools"} call ${ASSUME_WITH_WEB_IDENTITY}; an identity pool's role trusts only ${COGNITO_IDENTITY}.`,
        `Use "Principal": { "Federated": "${COGNITO_IDENTITY}" } (identityPoolTrustPolicy writes it).`,
      ),
    );
  }
  return findings;
}
