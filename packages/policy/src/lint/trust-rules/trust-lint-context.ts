import type { PolicyPrincipal } from "../../document/policy-document.js";
import type { IdentityPoolAmr } from "../../identity-policy/identity-pool-trust-policy.js";
import { matchesWildcard } from "../../wildcard/wildcard.js";
import type { StatementsContext, StatementView } from "../lint-context.js";
import { listAt } from "../list-at.js";

/** What the trust-policy rules look at. @internal */
export interface TrustLintContext extends StatementsContext {
  principalTagsMapped: boolean;
  amr: IdentityPoolAmr | undefined;
}

/** The identity pools' service principal, the issuer of the tokens a role's trust policy accepts. @internal */
export const COGNITO_IDENTITY = "cognito-identity.amazonaws.com";
/** @internal */
export const ASSUME_WITH_WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";
/** @internal */
export const TAG_SESSION = "sts:TagSession";

/** Whether the statement's Action / NotAction covers `action` (case-insensitive globbing). @internal */
export function coversAction(view: StatementView, action: string): boolean {
  const match = (pattern: string) => matchesWildcard(pattern, action, { ignoreCase: true });
  const { statement } = view;
  if (statement.NotAction !== undefined) {
    return !listAt(statement.NotAction, "").some(({ value }) => match(value));
  }
  return listAt(statement.Action, "").some(({ value }) => match(value));
}

/** Whether a principal names the identity pools' service principal under `Federated`. @internal */
export function namesCognito(principal: PolicyPrincipal | undefined): boolean {
  if (principal === undefined || principal === "*") return false;
  return listAt(principal.Federated, "").some(({ value }) => value === COGNITO_IDENTITY);
}

/** Allow statements whose principal is `Federated: cognito-identity.amazonaws.com`. @internal */
export function cognitoAllows(context: TrustLintContext): StatementView[] {
  return context.statements.filter(
    (view) => view.statement.Effect === "Allow" && namesCognito(view.statement.Principal),
  );
}
