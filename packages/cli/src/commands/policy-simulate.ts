import { type ApiGatewayAccessResult, evaluateApiGatewayAccess } from "@gatehouse/policy";
import { usageError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import { flagTerm } from "../internal/flag-paths.js";
import type { Output } from "../internal/output.js";
import { policyInputError } from "../internal/policy-errors.js";
import {
  answerIdentityQuestion,
  asksIdentityQuestion,
  IDENTITY_FLAGS,
  type IdentityAnswer,
} from "./internal/simulate-identity.js";
import { buildRequest, inputFiles } from "./internal/simulate-request.js";
import { AUTH_TYPES, ENDPOINT_TYPES } from "./policy-lint.js";

/** Prints a gateway outcome the way `simulate` and `demo` describe it. @internal */
export function describeOutcome(
  out: Output,
  result: ApiGatewayAccessResult,
  files: Readonly<Record<string, string>> = {},
): void {
  const status = String(result.status);
  out.line(
    `${result.status === 200 ? out.green(out.bold(status)) : out.red(out.bold(status))}${
      result.errorType === null ? "" : ` ${result.errorType}`
    }`,
  );
  if (result.message !== null) out.line(`message:   ${result.message}`);
  out.line(`reason:    ${result.reason} ${out.dim(`(phase ${result.phase})`)}`);
  out.line(
    `decisions: resource policy ${result.resourcePolicyDecision}, identity ${result.identityDecision}${
      result.combination === null ? "" : `, ${result.combination}`
    }`,
  );
  out.line(`principal: ${result.principal}`);
  if (result.authorizerError !== undefined) {
    const { code, path } = result.authorizerError;
    const where = path === undefined ? "?" : (flagTerm(path, files) ?? path);
    out.line(`authorizer response: ${code} in ${where}`);
  }
}

/** Prints the answer to an identity question. @internal */
export function describeAnswer(out: Output, answer: IdentityAnswer): void {
  const word = answer.allowed ? out.green(out.bold("allow")) : out.red(out.bold("deny"));
  out.line(`${word} ${out.dim(`(${answer.decision})`)}`);
  for (const { statement, effect } of answer.deciding)
    out.line(`deciding:  ${statement} ${effect}`);
  out.line(`why:       ${answer.explanation}`);
}

/** `gatehouse policy simulate`. @internal */
export const policySimulate: CommandSpec = {
  path: ["policy", "simulate"],
  summary: "what status would API Gateway give this request, or may this identity do this, and why",
  args: "<file|-|none>",
  description: [
    "Runs @gatehouse/policy's model of API Gateway's authorization layer (evaluateApiGatewayAccess): resource policy, SigV4 callers (Table A / Table B), the two-phase rule of Lambda authorizers, Cognito authorizers. <file> is the resource policy; `none` for an API without one.",
    "Options that do not fit the request are refused, not ignored: --authorizer needs --auth-type LAMBDA, the caller options AWS_IAM, the Cognito options COGNITO_USER_POOLS, --vpc-source-ip/--vpc/--vpce a PRIVATE endpoint.",
    "Identity questions (no <file>): --identity-policy with --identity, --action and --resource asks whether an identity-pool identity may do this with its role's policies (evaluateIdentityPolicy; --guest adds AWS's guest session policy); --trust-policy with --identity and --role asks whether the identity may assume the role (evaluateTrustPolicy; sts:TagSession too when the identity has tags). The answer names the deciding statements and explains a refusal condition by condition.",
  ],
  options: {
    arn: {
      type: "string",
      value: "<method-arn>",
      description:
        "The request's method ARN, e.g. arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets (required)",
    },
    "endpoint-type": {
      type: "string",
      value: "<type>",
      choices: ENDPOINT_TYPES,
      description: "The API's endpoint type",
      defaultText: "REGIONAL",
    },
    "auth-type": {
      type: "string",
      value: "<type>",
      choices: [...AUTH_TYPES],
      description: "The method's authorization (JWT: a REST API JWT authorizer)",
      defaultText: "AWS_IAM with --principal, else NONE",
    },
    "source-ip": { type: "string", value: "<ip>", description: "aws:SourceIp (public APIs)" },
    "vpc-source-ip": {
      type: "string",
      value: "<ip>",
      description: "aws:VpcSourceIp (PRIVATE APIs)",
    },
    vpc: { type: "string", value: "<vpc-id>", description: "aws:SourceVpc (PRIVATE APIs)" },
    vpce: { type: "string", value: "<vpce-id>", description: "aws:SourceVpce (PRIVATE APIs)" },
    principal: {
      type: "string",
      value: "<arn|account>",
      description: "AWS_IAM: the signing principal (role ARN, assumed-role ARN or account id)",
    },
    "principal-org-id": {
      type: "string",
      value: "<o-id>",
      description: "AWS_IAM: aws:PrincipalOrgID",
    },
    "caller-policy": {
      type: "string",
      value: "<file>",
      description: "AWS_IAM: the caller's identity policy (none: silent)",
    },
    unsigned: { type: "boolean", description: "AWS_IAM: the request is not signed" },
    "bad-signature": { type: "boolean", description: "AWS_IAM: the signature does not verify" },
    authorizer: {
      type: "string",
      value: "<outcome>",
      choices: ["allow", "deny", "unauthorized", "error"],
      description: "LAMBDA: what the authorizer answers (allow/deny = the whole stage)",
      defaultText: "allow",
    },
    "authorizer-response": {
      type: "string",
      value: "<file>",
      description: "LAMBDA: the authorizer's response (JSON) instead of --authorizer",
    },
    "cognito-token": {
      type: "string",
      value: "<valid|invalid>",
      choices: ["valid", "invalid"],
      description: "COGNITO_USER_POOLS: whether the token verifies",
      defaultText: "valid",
    },
    "cognito-mode": {
      type: "string",
      value: "<mode>",
      choices: ["must-allow", "silent-allows"],
      description:
        "COGNITO_USER_POOLS: how a silent resource policy is read (the AWS guide contradicts itself)",
      defaultText: "must-allow",
    },
    "jwt-token": {
      type: "string",
      value: "<outcome>",
      choices: ["valid", "invalid", "insufficient_scope"],
      description:
        "JWT: what the REST JWT authorizer found (invalid -> 401, insufficient_scope -> 403)",
      defaultText: "valid",
    },
    "jwt-mode": {
      type: "string",
      value: "<mode>",
      choices: ["must-allow", "silent-allows"],
      description: "JWT: how a silent resource policy is read (AWS does not document it)",
      defaultText: "must-allow",
    },
    time: {
      type: "string",
      value: "<iso-date>",
      description: "aws:CurrentTime / aws:EpochTime",
      defaultText: "now",
    },
    context: {
      type: "string",
      multiple: true,
      value: "<key=value>",
      description: "Other condition keys (aws:SecureTransport=true, aws:UserAgent=...)",
    },
    expect: {
      type: "string",
      value: "<status>",
      choices: ["200", "401", "403", "500"],
      description: "Exit 0 when the status is this one, 1 otherwise",
    },
    json: { type: "boolean", description: "Print the whole result as JSON" },
    "identity-policy": {
      type: "string",
      multiple: true,
      value: "<file>",
      description: "Identity question: a policy of the identity's role (repeatable)",
    },
    "session-policy": {
      type: "string",
      value: "<file>",
      description: "--identity-policy: a session policy; the credentials get what both allow",
    },
    guest: {
      type: "boolean",
      description:
        "--identity-policy: an unauthenticated identity in the enhanced flow (AWS's guest session policy)",
    },
    "trust-policy": {
      type: "string",
      value: "<file>",
      description: "Identity question: may the identity assume the role with this trust policy",
    },
    identity: {
      type: "string",
      value: "<keys>",
      description:
        'The identity: "sub=<identity id>, pool=<pool id>, amr=authenticated, provider=<name>, tag:<key>=<value>"',
    },
    role: {
      type: "string",
      value: "<role-arn>",
      description: "The identity's role (aws:PrincipalArn; required with --trust-policy)",
    },
    action: {
      type: "string",
      value: "<action>",
      description:
        "--identity-policy: the action, e.g. dynamodb:GetItem (--trust-policy: default sts:AssumeRoleWithWebIdentity)",
    },
    resource: {
      type: "string",
      value: "<arn>",
      description: "--identity-policy: the resource ARN, e.g. a DynamoDB table",
    },
  },
  positionals: { min: 0, max: 1 },
  examples: [
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets --source-ip 198.51.100.7",
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/pets --principal arn:aws:iam::111122223333:role/ci --caller-policy ci-role.json",
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets --auth-type LAMBDA --authorizer allow --expect 403",
    'gatehouse policy simulate --identity-policy role.json --identity "sub=eu-west-1:1111aaaa-2222-3333-4444-555566667777, pool=eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11" --action dynamodb:GetItem --resource arn:aws:dynamodb:eu-west-1:123456789012:table/Notes --context dynamodb:LeadingKeys=eu-west-1:1111aaaa-2222-3333-4444-555566667777',
    'gatehouse policy simulate --trust-policy trust.json --role arn:aws:iam::123456789012:role/app-auth --identity "sub=eu-west-1:1111aaaa-2222-3333-4444-555566667777, pool=eu-west-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11, amr=authenticated"',
  ],
  exitCodes: [
    "0  status 200 (or the --expect status); identity questions: allowed",
    "1  any other status (denied, 401, 500); identity questions: denied",
    "2  missing --arn, an invalid ARN / IP / policy / identity, options that do not fit the auth type or the question",
  ],
  async run(context) {
    if (asksIdentityQuestion(context)) {
      const answer = await answerIdentityQuestion(context);
      if (context.flag("json")) context.out.json(answer);
      else describeAnswer(context.out, answer);
      return answer.allowed ? 0 : 1;
    }
    for (const flag of IDENTITY_FLAGS) {
      if (context.given(flag)) {
        throw usageError(
          `--${flag} belongs to an identity question: give --identity-policy or --trust-policy`,
        );
      }
    }
    if (context.positionals.length === 0) {
      throw usageError(
        "gatehouse policy simulate: missing <file|-|none>",
        "Usage: gatehouse policy simulate <file|-|none> --arn <method-arn> [options], or --identity-policy / --trust-policy for an identity question",
      );
    }
    const request = await buildRequest(context);
    let result: ApiGatewayAccessResult;
    try {
      result = await evaluateApiGatewayAccess(request);
    } catch (error) {
      throw policyInputError(error, undefined, context, inputFiles(context));
    }
    const expect = context.string("expect");
    const ok = expect === undefined ? result.status === 200 : String(result.status) === expect;
    if (context.flag("json")) {
      const { authorizerError, ...rest } = result;
      context.out.json({
        ...rest,
        ...(authorizerError === undefined
          ? {}
          : {
              authorizerError: {
                code: authorizerError.code,
                path: authorizerError.path,
                message: authorizerError.message,
              },
            }),
        ...(expect === undefined ? {} : { expected: Number(expect), matched: ok }),
      });
    } else {
      describeOutcome(context.out, result, inputFiles(context));
      if (expect !== undefined) {
        context.out.line(
          ok ? context.out.green(`as expected (${expect})`) : context.out.red(`expected ${expect}`),
        );
      }
    }
    return ok ? 0 : 1;
  },
};
