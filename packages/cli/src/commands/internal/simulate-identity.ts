/**
 * The identity-pool questions of `gatehouse policy simulate`: "may this identity do this action on
 * this resource with its role's policies?" (`--identity-policy`, evaluateIdentityPolicy) and "may
 * this pool's identity assume this role?" (`--trust-policy`, evaluateTrustPolicy).
 * @internal
 * @packageDocumentation
 */
import {
  COGNITO_UNAUTHENTICATED_SESSION_POLICY,
  type CognitoIdentity,
  type ConditionContext,
  cognitoAssumeRoleContext,
  cognitoSessionContext,
  type Decision,
  evaluateIdentityPolicy,
  evaluateTrustPolicy,
  type PolicyDocument,
} from "@gatehouse/policy";
import { usageError } from "../../errors.js";
import { type CommandContext, refuseTogether } from "../../internal/command.js";
import { policyInputError } from "../../internal/policy-errors.js";
import { readJson } from "../../internal/read-input.js";
import { explainImplicitDeny, type NamedPolicy, statementLabel } from "./explain-decision.js";
import { IDENTITY_HINT, parseIdentity } from "./identity-argument.js";
import { parseContext } from "./simulate-request.js";

/** The options of the identity questions (refused with a resource policy's request, and back). */
export const IDENTITY_FLAGS = [
  "identity-policy",
  "session-policy",
  "guest",
  "trust-policy",
  "identity",
  "role",
  "action",
  "resource",
] as const;

/** The options of the gateway request (refused with the identity questions). */
export const GATEWAY_FLAGS = [
  "arn",
  "endpoint-type",
  "auth-type",
  "source-ip",
  "vpc-source-ip",
  "vpc",
  "vpce",
  "principal",
  "principal-org-id",
  "caller-policy",
  "unsigned",
  "bad-signature",
  "authorizer",
  "authorizer-response",
  "cognito-token",
  "cognito-mode",
  "jwt-token",
  "jwt-mode",
  "expect",
] as const;

/** The answer to an identity question. */
export interface IdentityAnswer {
  question: "identity-policy" | "trust-policy";
  decision: Decision;
  allowed: boolean;
  /** The statements that decided, as `file Statement[i] (Sid ...)` with their effect. */
  deciding: Array<{ statement: string; effect: "Allow" | "Deny" }>;
  explanation: string;
  context: ConditionContext;
}

const FEDERATED = "cognito-identity.amazonaws.com";
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

/** Whether the command line asks an identity question. */
export function asksIdentityQuestion(context: CommandContext): boolean {
  return context.given("identity-policy") || context.given("trust-policy");
}

function readRole(context: CommandContext, required: boolean): string | undefined {
  const role = context.string("role");
  if (role === undefined) {
    if (required)
      throw usageError("--trust-policy needs --role <role arn>: the role being assumed");
    return undefined;
  }
  if (!ROLE_ARN.test(role)) {
    throw usageError(
      `--role must be an IAM role ARN (arn:aws:iam::123456789012:role/app); got ${JSON.stringify(role)}`,
    );
  }
  return role;
}

/** The identity's keys for its credentials' requests (session) or for assuming a role. */
function identityContext(
  identity: CognitoIdentity,
  role: string | undefined,
  session: boolean,
): ConditionContext {
  try {
    if (!session) return cognitoAssumeRoleContext(identity);
    if (role !== undefined) return cognitoSessionContext(identity, role);
    // No role: the identity's keys and tags, without the role's aws:PrincipalArn.
    const keys: ConditionContext = {};
    for (const [key, value] of Object.entries(cognitoAssumeRoleContext(identity))) {
      if (!key.startsWith("aws:RequestTag/") && key !== "aws:TagKeys") keys[key] = value;
    }
    for (const [key, value] of Object.entries(identity.principalTags ?? {})) {
      keys[`aws:PrincipalTag/${key}`] = value;
    }
    return keys;
  } catch (error) {
    throw policyInputError(error, "--identity");
  }
}

function deciding(
  matched: ReadonlyArray<{
    index: number;
    sid: string | undefined;
    effect: "Allow" | "Deny";
    policy?: number | "session";
  }>,
  labels: readonly string[],
  decision: Decision,
): IdentityAnswer["deciding"] {
  const wanted = decision === "explicit-deny" ? "Deny" : "Allow";
  return matched
    .filter((statement) => statement.effect === wanted)
    .map((statement) => ({
      statement: statementLabel(
        statement.policy === "session"
          ? "session policy"
          : (labels[statement.policy ?? 0] ?? "policy"),
        statement.index,
        statement.sid,
      ),
      effect: statement.effect,
    }));
}

async function readPolicy(file: string, context: CommandContext): Promise<NamedPolicy> {
  return { label: file === "-" ? "stdin" : file, document: await readJson(file, context.io) };
}

/** Answers the identity question the command line asks. */
export async function answerIdentityQuestion(context: CommandContext): Promise<IdentityAnswer> {
  refuseTogether(context, "trust-policy", [
    "identity-policy",
    "session-policy",
    "guest",
    "resource",
  ]);
  refuseTogether(context, "guest", ["session-policy"]);
  for (const flag of GATEWAY_FLAGS) {
    if (context.given(flag)) {
      throw usageError(
        `--${flag} describes an API Gateway request; it does not fit --identity-policy or --trust-policy`,
        "Ask one question at a time: a resource policy file with --arn, or an identity's policies with --identity --action --resource.",
      );
    }
  }
  if (context.positionals.length > 0) {
    throw usageError(
      `unexpected argument ${JSON.stringify(context.positionals[0])}: --identity-policy and --trust-policy take no resource policy file`,
    );
  }
  const identityText = context.string("identity");
  if (identityText === undefined) throw usageError("--identity is required", IDENTITY_HINT);
  const guest = context.flag("guest");
  const identity = parseIdentity(identityText, guest);
  const extra = parseContext(context.strings("context"));
  const trustFile = context.string("trust-policy");
  if (trustFile !== undefined) return answerTrust(context, trustFile, identity, extra);

  const action = context.required("action");
  const resource = context.required("resource");
  const role = readRole(context, false);
  const policies = await Promise.all(
    context.strings("identity-policy").map((file) => readPolicy(file, context)),
  );
  const sessionFile = context.string("session-policy");
  const session: NamedPolicy | undefined =
    sessionFile !== undefined
      ? await readPolicy(sessionFile, context)
      : guest
        ? { label: "AWS's guest session policy", document: COGNITO_UNAUTHENTICATED_SESSION_POLICY }
        : undefined;
  const keys = { ...identityContext(identity, role, true), ...extra };
  const request = { action, resource, context: keys };
  const documents = policies.map((policy) => policy.document);
  const result = evaluateIdentityPolicy(
    documents,
    request,
    session === undefined ? {} : { sessionPolicy: session.document },
  );
  if (result.error !== undefined)
    throw policyInputError(result.error, policies.map((p) => p.label).join(", "));
  const what = `${action} on ${resource}`;
  const decided = deciding(
    result.matched,
    policies.map((p) => p.label),
    result.decision,
  );
  let explanation: string;
  if (result.decision === "allow") {
    explanation = `Allowed: ${decided.map((d) => d.statement).join(" and ")} allow${decided.length === 1 ? "s" : ""} ${what}${session === undefined ? "" : `, and ${session.label} allows it too (credentials get only what both allow)`}.`;
  } else if (result.decision === "explicit-deny") {
    explanation = `Denied explicitly by ${decided.map((d) => d.statement).join(" and ")}: an applicable Deny wins over every Allow.`;
  } else if (
    session !== undefined &&
    evaluateIdentityPolicy(documents, request).decision === "allow"
  ) {
    explanation = `The role's policies allow ${what}, but ${session.label} does not: credentials get only what both allow.${
      guest
        ? " Guests in the enhanced flow get AWS's scope-down policy AmazonCognitoUnAuthedIdentitiesSessionPolicy on top of the unauthenticated role; it does not list every service (no API Gateway)."
        : ""
    }`;
  } else {
    const evaluate = (policy: PolicyDocument) => evaluateIdentityPolicy(policy, request).decision;
    explanation = explainImplicitDeny(policies, what, evaluate, keys);
    if (session !== undefined) {
      const sessionAllows = evaluateIdentityPolicy(session.document, request).decision === "allow";
      if (!sessionAllows) explanation += ` ${session.label} does not allow it either.`;
    }
  }
  if (role === undefined) explanation += " (No --role: aws:PrincipalArn is not set.)";
  return {
    question: "identity-policy",
    decision: result.decision,
    allowed: result.decision === "allow",
    deciding: decided,
    explanation,
    context: keys,
  };
}

async function answerTrust(
  context: CommandContext,
  file: string,
  identity: CognitoIdentity,
  extra: ConditionContext,
): Promise<IdentityAnswer> {
  const roleArn = readRole(context, true) as string;
  const policy = await readPolicy(file, context);
  const keys = { ...identityContext(identity, undefined, false), ...extra };
  const tagged = Object.keys(identity.principalTags ?? {}).length > 0;
  const given = context.string("action");
  const actions =
    given !== undefined
      ? [given]
      : ["sts:AssumeRoleWithWebIdentity", ...(tagged ? ["sts:TagSession"] : [])];
  const ask = (action: string, document: unknown = policy.document) =>
    evaluateTrustPolicy(document, {
      action,
      principal: { federated: FEDERATED },
      roleArn,
      context: keys,
    });
  const results = actions.map((action) => ({ action, result: ask(action) }));
  for (const { result } of results) {
    if (result.error !== undefined) throw policyInputError(result.error, policy.label);
  }
  const refused = results.find(({ result }) => result.decision !== "allow");
  const decision: Decision = refused === undefined ? "allow" : refused.result.decision;
  const shown = refused ?? results[0];
  const decided =
    shown === undefined ? [] : deciding(shown.result.matched, [policy.label], decision);
  const who = `identity ${identity.identityId} of pool ${identity.identityPoolId} (${identity.authenticated ? "authenticated" : "unauthenticated"})`;
  let explanation: string;
  if (refused === undefined) {
    explanation = `Allowed: ${decided.map((d) => d.statement).join(" and ")} let${decided.length === 1 ? "s" : ""} the ${who} call ${actions.join(" and ")} for ${roleArn}.`;
  } else if (decision === "explicit-deny") {
    explanation = `Denied explicitly by ${decided.map((d) => d.statement).join(" and ")}: an applicable Deny wins.`;
  } else {
    const evaluate = (document: PolicyDocument) => ask(refused.action, document).decision;
    explanation = explainImplicitDeny(
      [policy],
      `${refused.action} by the ${who}`,
      evaluate,
      keys,
      "trust",
    );
    if (refused.action === "sts:TagSession") {
      explanation +=
        " The pool maps principal tags, so Cognito also asks for sts:TagSession: add it to the trust policy's Action.";
    }
  }
  if (refused !== undefined) {
    explanation +=
      " Cognito reports this as InvalidIdentityPoolConfigurationException (enhanced flow) or AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity (basic flow).";
  }
  return {
    question: "trust-policy",
    decision,
    allowed: refused === undefined,
    deciding: decided,
    explanation,
    context: keys,
  };
}
