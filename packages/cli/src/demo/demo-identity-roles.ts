/**
 * The demo identity pool's roles: their trust policies, their permission policies and the pool's
 * role attachment (a Token role mapping for the user pool), as `startCognitoIdentityServer` and
 * `resolveIdentityPoolRole` take them.
 * @internal
 * @packageDocumentation
 */

import {
  dynamoDbRowLevelPolicy,
  type IdentityPoolRoleConfig,
  identityPoolTrustPolicy,
  type PolicyDocument,
} from "@gatehouse/policy";
import type { IamRoleConfig } from "@gatehouse/testing";
import { DEMO } from "./demo-gateway.js";

const role = (name: string) => `arn:aws:iam::${DEMO.accountId}:role/${name}`;

/** The roles and the table of the identity-pool sections. @internal */
export const DEMO_ROLES = {
  /** The pool's default authenticated role (signed in, no group with a role). */
  authenticated: DEMO.authenticatedRole,
  /** The pool's guest role. */
  guest: role("gatehouse-demo-guest"),
  /** The role of the user-pool group `admins` (`cognito:preferred_role` of its members). */
  admins: role("gatehouse-demo-admins"),
  /** The role of the group `reporting`: its trust policy names another identity pool. */
  reporting: role("gatehouse-demo-reporting"),
  /** The pool the `reporting` role was written for (copied from another app's stack). */
  otherIdentityPoolId: "us-east-1:7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  /** The DynamoDB table whose partition key is the Cognito identity id. */
  notesTable: `arn:aws:dynamodb:${DEMO.region}:${DEMO.accountId}:table/gatehouse-demo-notes`,
} as const;

/** `execute-api:Invoke` on one resource: the grant of the AWS_IAM route `GET /reports`. @internal */
export function invokePolicy(resource: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "InvokeReports", Effect: "Allow", Action: "execute-api:Invoke", Resource: resource },
    ],
  };
}

/** The same document with `sid` on each statement, so a decision can name the statement. */
function withSid(document: PolicyDocument, sid: string): PolicyDocument {
  const statements = [document.Statement].flat();
  return {
    ...document,
    Statement: statements.map((statement, index) => ({
      ...statement,
      Sid: statements.length === 1 ? sid : `${sid}${index}`,
    })),
  };
}

/** The row-level policy of the notes table: items whose partition key is the caller's identity id. */
function ownNotes(sid: string): PolicyDocument {
  return withSid(
    dynamoDbRowLevelPolicy({
      tableArn: DEMO_ROLES.notesTable,
      actions: ["dynamodb:GetItem", "dynamodb:Query"],
    }),
    sid,
  );
}

const reportsArn = `arn:aws:execute-api:${DEMO.region}:${DEMO.accountId}:*/${DEMO.stage}/GET/reports`;

/**
 * The roles the loopback STS knows. Trust policies come from `identityPoolTrustPolicy` (the `aud`
 * and `amr` conditions AWS requires); the `reporting` role's names another pool, as a role copied
 * from another stack does. @internal
 */
export function demoRoles(): IamRoleConfig[] {
  const trust = (amr: "authenticated" | "unauthenticated") =>
    identityPoolTrustPolicy({ identityPoolId: DEMO.identityPoolId, amr });
  return [
    {
      arn: DEMO_ROLES.authenticated,
      trustPolicy: trust("authenticated"),
      permissionPolicies: [ownNotes("OwnNotes"), invokePolicy(reportsArn)],
    },
    {
      // The guest role allows the same as the signed-in one: AWS's scope-down session policy is
      // what limits guests in the enhanced flow.
      arn: DEMO_ROLES.guest,
      trustPolicy: trust("unauthenticated"),
      permissionPolicies: [ownNotes("GuestOwnNotes"), invokePolicy(reportsArn)],
    },
    {
      arn: DEMO_ROLES.admins,
      trustPolicy: trust("authenticated"),
      permissionPolicies: [
        {
          Version: "2012-10-17",
          Statement: [
            {
              Sid: "AdminsAllNotes",
              Effect: "Allow",
              Action: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
              Resource: DEMO_ROLES.notesTable,
            },
          ],
        },
      ],
    },
    {
      arn: DEMO_ROLES.reporting,
      trustPolicy: identityPoolTrustPolicy({
        identityPoolId: DEMO_ROLES.otherIdentityPoolId,
        amr: "authenticated",
      }),
      permissionPolicies: [invokePolicy(reportsArn)],
    },
  ];
}

/**
 * The pool's role attachment: default roles, guests allowed, and a Token role mapping for the user
 * pool's app client (the role of the user's group, from `cognito:preferred_role`; no group: the
 * default role). @internal
 */
export function demoRoleAttachment(
  userPoolLoginKey: string,
  clientId: string,
): IdentityPoolRoleConfig {
  return {
    identityPoolId: DEMO.identityPoolId,
    roles: { authenticated: DEMO_ROLES.authenticated, unauthenticated: DEMO_ROLES.guest },
    allowUnauthenticatedIdentities: true,
    roleMappings: {
      userPool: {
        type: "Token",
        ambiguousRoleResolution: "AuthenticatedRole",
        identityProvider: `${userPoolLoginKey}:${clientId}`,
      },
    },
  };
}
