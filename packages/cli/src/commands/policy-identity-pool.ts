import type { CommandSpec } from "../internal/command.js";
import {
  formatIdentityPoolPlan,
  IDENTITY_POOL_FORMATS,
  type IdentityPoolFormat,
} from "./internal/identity-pool-format.js";
import { buildIdentityPoolPlan } from "./internal/identity-pool-plan.js";

/** `gatehouse policy identity-pool`. @internal */
export const policyIdentityPool: CommandSpec = {
  path: ["policy", "identity-pool"],
  summary:
    "write a Cognito identity pool's roles: trust policies, per-identity permissions, role attachment",
  description: [
    "Writes the roles a Cognito identity pool hands out: the trust policies (Federated cognito-identity.amazonaws.com, sts:AssumeRoleWithWebIdentity, the aud condition on your pools and the amr condition; sts:TagSession when --principal-tag maps claims to tags), the per-identity permissions of signed-in users (DynamoDB rows whose partition key is the identity id, an S3 folder per identity, execute-api:Invoke on exact routes), and the role attachment of each pool (default roles, --role-mapping, principal tags).",
    "The output is checked with lintTrustPolicy and lintIdentityPolicy before it is written: an error finding refuses it (exit 1), warnings go to stderr. Guests get a role with the trust policy only, unless --guest-permissions.",
  ],
  options: {
    pool: {
      type: "string",
      multiple: true,
      list: true,
      value: "<pool-id>",
      description: "The identity pool id (region:GUID); repeat for several pools (required)",
    },
    account: {
      type: "string",
      value: "<account-id>",
      description: "json: the account of the role ARNs in the attachment (role names without it)",
    },
    "authenticated-role-name": {
      type: "string",
      value: "<name>",
      description: "The signed-in users' role",
      defaultText: "IdentityPoolAuthenticated",
    },
    "unauthenticated-role-name": {
      type: "string",
      value: "<name>",
      description: "The guests' role",
      defaultText: "IdentityPoolGuest",
    },
    "no-guests": { type: "boolean", description: "No guest (unauthenticated) role" },
    "guest-permissions": {
      type: "boolean",
      description: "Give guests the same per-identity permissions",
    },
    table: {
      type: "string",
      value: "<table-arn>",
      description: "DynamoDB row-level security: items whose partition key is the identity id",
    },
    "table-actions": {
      type: "string",
      multiple: true,
      list: true,
      value: "<action>",
      description: "--table: the DynamoDB actions",
      defaultText: "dynamodb:GetItem,Query,PutItem,UpdateItem,DeleteItem",
    },
    "table-attributes": {
      type: "string",
      multiple: true,
      list: true,
      value: "<name>",
      description: "--table: the only attributes a request may name (include the key attributes)",
    },
    bucket: {
      type: "string",
      value: "<name>",
      description: "S3: a folder per identity, <prefix>/<identity id>/",
    },
    prefix: {
      type: "string",
      value: "<prefix>",
      description: "--bucket: the folder above the identities' folders",
      defaultText: "private",
    },
    "s3-actions": {
      type: "string",
      multiple: true,
      list: true,
      value: "<action>",
      description: "--bucket: the S3 actions (ListBucket is limited with s3:prefix)",
      defaultText: "s3:GetObject,PutObject,DeleteObject,ListBucket",
    },
    api: {
      type: "string",
      value: "<stage-arn>",
      description:
        "execute-api:Invoke on an IAM-authorized API: arn:aws:execute-api:{region}:{account}:{api-id}/{stage}",
    },
    route: {
      type: "string",
      multiple: true,
      value: "<route>",
      description: '--api: a route to grant, "GET /users/{id}"',
    },
    "api-routes": {
      type: "string",
      multiple: true,
      list: true,
      value: "<route>",
      description: "--api: every route of the API, so over-matching patterns get a Deny",
      defaultText: "the --route values",
    },
    "api-type": {
      type: "string",
      value: "<type>",
      choices: ["rest", "http", "websocket"],
      description: "--api: the kind of API",
      defaultText: "rest",
    },
    owner: {
      type: "string",
      value: "<identity|tag:key>",
      description:
        "Whose rows/folder: the identity id, or a principal tag (tag:tenant shares them per tenant)",
      defaultText: "identity",
    },
    "principal-tag": {
      type: "string",
      multiple: true,
      value: "<key=claim>",
      description: "Map a token claim to a principal tag (tenant=custom:tenant); needs --provider",
    },
    provider: {
      type: "string",
      value: "<provider>",
      description:
        "--principal-tag: the identity provider, e.g. cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI",
    },
    "role-mapping": {
      type: "string",
      value: "<file>",
      description:
        "Role mappings by identity provider (JSON, camelCase as CDK's L1: type, ambiguousRoleResolution, rulesConfiguration)",
    },
    format: {
      type: "string",
      value: "<format>",
      choices: IDENTITY_POOL_FORMATS,
      description: "Output format",
      defaultText: "json",
    },
  },
  positionals: { min: 0, max: 0 },
  examples: [
    "gatehouse policy identity-pool --pool eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11 --table arn:aws:dynamodb:eu-west-1:123456789012:table/Notes --format cloudformation",
    "gatehouse policy identity-pool --pool eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11 --no-guests --bucket my-app-uploads --prefix private --s3-actions s3:GetObject,s3:PutObject --format terraform",
    'gatehouse policy identity-pool --pool eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11 --api arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod --route "GET /users/{id}" --api-routes "GET /users/{id},GET /users/me" --format cdk',
    "gatehouse policy identity-pool --pool eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11 --table arn:aws:dynamodb:eu-west-1:123456789012:table/Orders --owner tag:tenant --principal-tag tenant=custom:tenant --provider cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI --role-mapping mappings.json",
  ],
  exitCodes: [
    "0  the roles were written",
    "1  the linter found an error in what the flags produce (nothing is written)",
    "2  no --pool, an invalid value (pool id, ARN, action, route, role name, tag mapping, role-mapping file), options without the option they belong to",
  ],
  async run(context) {
    const plan = await buildIdentityPoolPlan(context);
    const text = formatIdentityPoolPlan(plan, context.choice<IdentityPoolFormat>("format", "json"));
    context.out.line(text);
    for (const note of plan.notes) context.out.note(`note: ${note}`);
    return 0;
  },
};
