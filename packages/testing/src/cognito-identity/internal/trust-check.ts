import {
  evaluatePolicy,
  type PolicyDocument,
  type PolicyPrincipal,
  type PolicyStatement,
} from "@gatehouse/policy";
import { COGNITO_FEDERATED_PRINCIPAL, type KnownRole } from "./role-catalog.js";

/** What STS reads from an identity pool's OpenID token: condition keys `cognito-identity.amazonaws.com:{aud,amr,sub}`. @internal */
export interface WebIdentityClaims {
  aud: string;
  amr: readonly string[];
  sub: string;
}

function namesCognito(principal: PolicyPrincipal | undefined): boolean {
  if (principal === undefined) return false;
  if (principal === "*") return true;
  const federated = principal.Federated;
  const entries =
    federated === undefined ? [] : typeof federated === "string" ? [federated] : federated;
  return entries.includes(COGNITO_FEDERATED_PRINCIPAL);
}

/**
 * The trust policy with its principal part decided for the identity pool's federated principal,
 * in a form the resource-policy evaluator takes: statements naming the principal keep their
 * conditions, the others are dropped, and every statement is scoped to the role.
 * TODO(trust-evaluator): evaluate the trust policy directly once `evaluatePolicy` takes
 * `Federated` principals and policies without `Resource` (wt-roles14, step 2).
 */
function asResourcePolicy(trustPolicy: PolicyDocument | string, roleArn: string): unknown {
  const document = (
    typeof trustPolicy === "string" ? JSON.parse(trustPolicy) : trustPolicy
  ) as PolicyDocument;
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const applicable = statements.flatMap((statement: PolicyStatement) => {
    const applies =
      statement.NotPrincipal !== undefined
        ? !namesCognito(statement.NotPrincipal)
        : namesCognito(statement.Principal);
    if (!applies) return [];
    const { Principal: _p, NotPrincipal: _n, Resource: _r, NotResource: _nr, ...rest } = statement;
    return [{ ...rest, Resource: roleArn }];
  });
  return { ...document, Statement: applicable };
}

/**
 * Whether the role's trust policy lets the identity pool's token assume it with every one of
 * `actions`, evaluated by `@gatehouse/policy`'s evaluator. A malformed trust policy trusts no one.
 * @internal
 */
export function trustAllows(
  role: KnownRole,
  claims: WebIdentityClaims,
  actions: readonly string[],
): boolean {
  let policy: unknown;
  try {
    policy = asResourcePolicy(role.trustPolicy, role.arn);
  } catch {
    return false;
  }
  const context = {
    [`${COGNITO_FEDERATED_PRINCIPAL}:aud`]: claims.aud,
    [`${COGNITO_FEDERATED_PRINCIPAL}:amr`]: [...claims.amr],
    [`${COGNITO_FEDERATED_PRINCIPAL}:sub`]: claims.sub,
  };
  return actions.every(
    (action) =>
      evaluatePolicy(policy, { action, resource: role.arn, context }).decision === "allow",
  );
}
