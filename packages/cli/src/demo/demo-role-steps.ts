/**
 * The identity-pool rows of `gatehouse demo`: which role the loopback identity pool hands each
 * user (real `GetId` + `GetCredentialsForIdentity`, role resolved from the ID token's
 * `cognito:roles` / `cognito:preferred_role`, trust policy checked), then what those credentials
 * may do, evaluated with the role's permission policies and the session policy the server issued.
 * @internal
 * @packageDocumentation
 */

import { randomUUID } from "node:crypto";
import { createIdentityPoolClient, loginsFromIdToken } from "@gatehouse/identity-pool";
import {
  cognitoAssumeRoleContext,
  cognitoSessionContext,
  evaluateIdentityPolicy,
  evaluateTrustPolicy,
  type IdentityPolicyResult,
  type PolicyDocument,
  resolveIdentityPoolRole,
} from "@gatehouse/policy";
import type { CognitoIdentityServer, IssuedCredentials, TestIssuer } from "@gatehouse/testing";
import { DEMO } from "./demo-gateway.js";
import { DEMO_ROLES, demoRoleAttachment, demoRoles } from "./demo-identity-roles.js";
import type { DemoStep, StepOutcome } from "./demo-steps.js";

const SECTIONS = {
  roles: "Identity-pool roles: GetCredentialsForIdentity picks the role (Token mapping)",
  policies: "Identity-pool roles: the credentials' policies evaluated (evaluateIdentityPolicy)",
} as const;

type User = "a" | "b" | "admin" | "reporting" | "guest";

/** What one exchange gave: the issued credentials as the server records them, or the refusal. */
type Session =
  | { ok: true; issued: IssuedCredentials; detail: string }
  | { ok: false; code: string; detail: string };

const roleName = (arn: string) => `role/${arn.split("/").pop()}`;

/** `role/{name}` for credentials, the error type for a refusal. */
const outcomeOf = (session: Session) =>
  session.ok ? roleName(session.issued.roleArn) : session.code;

/** The claims of a JWT, read without checking it (the server checked it). */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** `"OwnNotes" (role policy 0)`, for the statements that applied. */
function describe(result: IdentityPolicyResult): string {
  const named = (policy: number | "session") =>
    result.matched
      .filter((statement) => statement.policy === policy && statement.effect === "Allow")
      .map((statement) => `"${statement.sid ?? `#${statement.index}`}"`);
  const role = result.matched
    .filter((statement) => statement.policy !== "session")
    .map((statement) => `${statement.effect} "${statement.sid ?? `#${statement.index}`}"`);
  if (result.error !== undefined) return `deny: ${result.error.code} (fails closed)`;
  if (result.decision === "allow") return `allow: ${role.join(", ")} of the role's policies`;
  if (result.decision === "explicit-deny") return `explicit deny: ${role.join(", ")}`;
  if (role.length > 0 && named("session").length === 0) {
    return `implicit deny: the role allows it (${role.join(", ")}), the session policy does not`;
  }
  return "implicit deny: no statement of the role's policies allows it";
}

/** The steps of the identity-pool sections, run against the loopback Cognito-identity server. */
export function buildRoleSteps(server: CognitoIdentityServer, issuer: TestIssuer): DemoStep[] {
  const loginKey = `cognito-idp.${DEMO.region}.amazonaws.com/${issuer.userPoolId}`;
  const attachment = demoRoleAttachment(loginKey, issuer.clientId);
  const groupClaims = (group: string, roleArn: string) => ({
    "cognito:groups": [group],
    "cognito:roles": [roleArn],
    "cognito:preferred_role": roleArn,
  });
  const claimsFor: Record<Exclude<User, "guest">, Record<string, unknown>> = {
    a: {},
    b: {},
    admin: groupClaims("admins", DEMO_ROLES.admins),
    reporting: groupClaims("reporting", DEMO_ROLES.reporting),
  };
  const sessions = new Map<User, Promise<Session>>();
  const session = (user: User): Promise<Session> => {
    let pending = sessions.get(user);
    if (pending === undefined) {
      pending = exchange(user);
      sessions.set(user, pending);
    }
    return pending;
  };

  async function exchange(user: User): Promise<Session> {
    let model = "unauthenticated_role";
    let modelRole: string | undefined;
    let logins: Record<string, string> | undefined;
    if (user !== "guest") {
      const token = await issuer.mintIdToken({
        sub: randomUUID(),
        "cognito:username": `demo-${user}`,
        ...claimsFor[user],
      });
      logins = loginsFromIdToken(token);
      // What the model says Cognito does with these claims; the row shows the server's answer.
      const resolved = resolveIdentityPoolRole(attachment, claimsOf(token));
      model = resolved.reason;
      if (resolved.outcome === "role") modelRole = resolved.roleArn;
    }
    const client = createIdentityPoolClient({
      identityPoolId: DEMO.identityPoolId,
      endpoint: server.url,
      ...(logins === undefined ? {} : { logins }),
      timeoutMs: 5_000,
    });
    try {
      const credentials = await client.getCredentials();
      const issued = server.credentialsFor(credentials.accessKeyId);
      if (issued === undefined) throw new Error("the server did not record the credentials");
      const session = issued.sessionPolicy === undefined ? "" : " + AWS's guest session policy";
      return {
        ok: true,
        issued,
        detail: `GetId + GetCredentialsForIdentity -> ${roleName(issued.roleArn)}${session}; resolveIdentityPoolRole: ${model}`,
      };
    } catch (error) {
      const { code, status } = error as { code?: string; status?: number };
      return {
        ok: false,
        code: code ?? "error",
        detail: `GetCredentialsForIdentity answered ${status ?? "no response"}; resolveIdentityPoolRole: ${model}${trustOf(modelRole, user !== "guest")}`,
      };
    }
  }

  /** `-> role/x, whose trust policy gives this pool's newest identity: implicit-deny`. */
  function trustOf(roleArn: string | undefined, authenticated: boolean): string {
    const role = demoRoles().find((candidate) => candidate.arn === roleArn);
    const identityId = server.identities(DEMO.identityPoolId).at(-1);
    if (role === undefined || identityId === undefined) return "";
    const trust = evaluateTrustPolicy(role.trustPolicy, {
      action: "sts:AssumeRoleWithWebIdentity",
      principal: { federated: "cognito-identity.amazonaws.com" },
      roleArn: role.arn,
      context: cognitoAssumeRoleContext({
        identityPoolId: DEMO.identityPoolId,
        identityId,
        authenticated,
      }),
    });
    return ` -> ${roleName(role.arn)}, whose trust policy evaluates to ${trust.decision} for this pool`;
  }

  const roleRow = (user: User) => async (): Promise<StepOutcome> => {
    const result = await session(user);
    return { kind: "identity_pool", actual: outcomeOf(result), detail: result.detail };
  };

  /** Evaluates `action` on `resource` for `user`'s credentials, LeadingKeys = `keyOf`'s identity id. */
  const evaluate =
    (user: User, action: string, resource: string, keyOf?: User) =>
    async (): Promise<StepOutcome> => {
      const caller = await session(user);
      const owner = keyOf === undefined ? undefined : await session(keyOf);
      if (!caller.ok || (owner !== undefined && !owner.ok)) {
        return { kind: "evaluation", actual: "no_credentials", detail: caller.detail };
      }
      const { issued } = caller;
      const context = {
        ...cognitoSessionContext(
          {
            identityPoolId: issued.identityPoolId,
            identityId: issued.identityId,
            authenticated: issued.authenticationType === "authenticated",
            principalTags: issued.principalTags,
          },
          issued.roleArn,
        ),
        ...(owner?.ok ? { "dynamodb:LeadingKeys": [owner.issued.identityId] } : {}),
      };
      const result = evaluateIdentityPolicy(
        issued.permissionPolicies as PolicyDocument[],
        { action, resource, context },
        issued.sessionPolicy === undefined ? {} : { sessionPolicy: issued.sessionPolicy },
      );
      return {
        kind: "evaluation",
        actual: result.decision === "allow" ? "allow" : "deny",
        detail: `${roleName(issued.roleArn)}: ${describe(result)}`,
      };
    };

  const notes = DEMO_ROLES.notesTable;
  const reports = `arn:aws:execute-api:${DEMO.region}:${DEMO.accountId}:a1b2c3d4e5/${DEMO.stage}/GET/reports`;
  return [
    {
      section: SECTIONS.roles,
      request: "identity pool: user A, in no group",
      expected: roleName(DEMO_ROLES.authenticated),
      note: "No role in the token (no cognito:roles): the Token mapping is ambiguous and AmbiguousRoleResolution AuthenticatedRole gives the pool's default role.",
      send: roleRow("a"),
    },
    {
      section: SECTIONS.roles,
      request: "identity pool: user in group admins (cognito:preferred_role)",
      expected: roleName(DEMO_ROLES.admins),
      note: "The ID token carries the group's role in cognito:roles and cognito:preferred_role: the Token mapping hands out that role, whose trust policy names this pool.",
      send: roleRow("admin"),
    },
    {
      section: SECTIONS.roles,
      request: "identity pool: user in group reporting (role trusts another pool)",
      expected: "InvalidIdentityPoolConfigurationException",
      note: "The group's role trusts another identity pool (aud): STS refuses it, and Cognito answers InvalidIdentityPoolConfigurationException, not AccessDenied.",
      send: roleRow("reporting"),
    },
    {
      section: SECTIONS.roles,
      request: "identity pool: guest (no logins)",
      expected: roleName(DEMO_ROLES.guest),
      note: "A guest gets the unauthenticated role, plus AWS's scope-down session policy (AmazonCognitoUnAuthedIdentitiesSessionPolicy) in the enhanced flow.",
      send: roleRow("guest"),
    },
    {
      section: SECTIONS.policies,
      request: "user A: dynamodb:GetItem notes, LeadingKeys = A's identity id",
      expected: "allow",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template
      note: "Row-level security: dynamodb:LeadingKeys must equal ${cognito-identity.amazonaws.com:sub}, A's identity id.",
      send: evaluate("a", "dynamodb:GetItem", notes, "a"),
    },
    {
      section: SECTIONS.policies,
      request: "user A: dynamodb:GetItem notes, LeadingKeys = B's identity id",
      expected: "deny",
      note: "Another identity's partition key: the row-level policy does not apply, nothing allows it.",
      send: evaluate("a", "dynamodb:GetItem", notes, "b"),
    },
    {
      section: SECTIONS.policies,
      request: "admins: dynamodb:GetItem notes, LeadingKeys = B's identity id",
      expected: "allow",
      note: "The admins role (from the group) reads every item of the table.",
      send: evaluate("admin", "dynamodb:GetItem", notes, "b"),
    },
    {
      section: SECTIONS.policies,
      request: "guest: dynamodb:GetItem notes, LeadingKeys = its own identity id",
      expected: "deny",
      note: "The guest role allows it, AWS's guest session policy lists no dynamodb action: the intersection allows nothing.",
      send: evaluate("guest", "dynamodb:GetItem", notes, "guest"),
    },
    {
      section: SECTIONS.policies,
      request: `guest: execute-api:Invoke GET /${DEMO.stage}/reports`,
      expected: "deny",
      note: "No execute-api in the guest session policy: enhanced-flow guests cannot call an AWS_IAM route, whatever the role allows.",
      send: evaluate("guest", "execute-api:Invoke", reports),
    },
  ];
}
