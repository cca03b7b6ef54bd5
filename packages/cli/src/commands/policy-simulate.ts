import {
  type ApiGatewayAccessOptions,
  type ApiGatewayAccessResult,
  type CognitoResourcePolicyMode,
  type ConditionContext,
  type EndpointType,
  evaluateApiGatewayAccess,
  formatExecuteApiArn,
  type IamAuthorizerResponse,
  isAccountId,
  isPolicyError,
  type MethodAuthType,
  type PolicyDocument,
  parseCallerPrincipalArn,
  parseExecuteApiArn,
} from "@gatehouse/policy";
import { usageError } from "../errors.js";
import {
  type CommandContext,
  type CommandSpec,
  refuseTogether,
  refuseUnless,
} from "../internal/command.js";
import { flagTerm } from "../internal/flag-paths.js";
import type { Output } from "../internal/output.js";
import { policyInputError } from "../internal/policy-errors.js";
import { readJson } from "../internal/read-input.js";
import { AUTH_TYPES, ENDPOINT_TYPES } from "./policy-lint.js";

function callerFrom(principal: string, partition: string): { arn: string; accountId: string } {
  if (isAccountId(principal)) {
    return { arn: `arn:${partition}:iam::${principal}:root`, accountId: principal };
  }
  try {
    return {
      arn: principal,
      accountId: parseCallerPrincipalArn(principal, "--principal").accountId,
    };
  } catch (error) {
    if (!isPolicyError(error)) throw error;
    throw usageError(
      `--principal must be a 12-digit account id or an IAM/STS ARN (arn:aws:iam::111122223333:role/app): ${error.message}`,
    );
  }
}

/** An authorizer answer that allows (or denies) the whole stage of `methodArn`. */
function stageResponse(methodArn: string, effect: "Allow" | "Deny"): IamAuthorizerResponse {
  const arn = parseExecuteApiArn(methodArn);
  const { method: _method, path: _path, ...stage } = arn;
  return {
    principalId: "gatehouse-simulate",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [
        {
          Action: "execute-api:Invoke",
          Effect: effect,
          Resource: `${formatExecuteApiArn(stage)}/*/*`,
        },
      ],
    },
  };
}

function parseContext(pairs: readonly string[]): ConditionContext {
  const context: Record<string, string | string[]> = {};
  for (const pair of pairs) {
    const index = pair.indexOf("=");
    if (index <= 0) throw usageError(`--context must be key=value; got ${JSON.stringify(pair)}`);
    const key = pair.slice(0, index);
    const value = pair.slice(index + 1);
    const existing = context[key];
    context[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return context;
}

/** The options that only mean something for one auth type. */
const FLAGS_OF_AUTH_TYPE: ReadonlyArray<readonly [MethodAuthType, readonly string[], string]> = [
  [
    "AWS_IAM",
    ["principal", "principal-org-id", "caller-policy", "unsigned", "bad-signature"],
    "They describe a SigV4-signed caller",
  ],
  [
    "LAMBDA",
    ["authorizer", "authorizer-response"],
    "They are what a Lambda authorizer answers, and only LAMBDA methods have one",
  ],
  [
    "COGNITO_USER_POOLS",
    ["cognito-token", "cognito-mode"],
    "They describe a Cognito user pool authorizer",
  ],
];

/**
 * Options that do not fit the auth type or the endpoint type are refused: the model would ignore
 * them, and `--authorizer deny` on a method without an authorizer would quietly answer 200.
 */
function checkFlagsFit(
  context: CommandContext,
  authType: MethodAuthType,
  endpointType: EndpointType,
): void {
  const here = context.given("auth-type")
    ? authType
    : `${authType}, the default${authType === "AWS_IAM" ? " with --principal" : ""}`;
  for (const [owner, flags, why] of FLAGS_OF_AUTH_TYPE) {
    refuseUnless(context, flags, {
      fits: authType === owner,
      needs: `--auth-type ${owner}`,
      here,
      hint: `${why}: add --auth-type ${owner}, or leave the option out.`,
    });
  }
  refuseTogether(context, "authorizer", ["authorizer-response"]);
  refuseTogether(context, "unsigned", [
    "principal",
    "principal-org-id",
    "caller-policy",
    "bad-signature",
  ]);
  refuseUnless(context, ["vpc-source-ip", "vpc", "vpce"], {
    fits: endpointType === "PRIVATE",
    needs: "--endpoint-type PRIVATE",
    here: endpointType,
    hint: "aws:VpcSourceIp, aws:SourceVpc and aws:SourceVpce exist only for private APIs; a public API's caller is --source-ip.",
  });
  refuseUnless(context, ["source-ip"], {
    fits: endpointType !== "PRIVATE",
    needs: "a public endpoint type, REGIONAL or EDGE",
    here: endpointType,
    hint: "aws:SourceIp does not exist for PRIVATE APIs: give the address inside the VPC as --vpc-source-ip.",
  });
}

async function buildRequest(context: CommandContext): Promise<ApiGatewayAccessOptions> {
  const file = context.positionals[0] as string;
  const methodArn = context.required("arn");
  let partition = "aws";
  try {
    partition = parseExecuteApiArn(methodArn).partition ?? "aws";
  } catch (error) {
    throw policyInputError(error, "--arn", context);
  }
  const principal = context.string("principal");
  const authType = context.choice<MethodAuthType>(
    "auth-type",
    principal === undefined ? "NONE" : "AWS_IAM",
  );
  const endpointType = context.choice<EndpointType>("endpoint-type", "REGIONAL");
  checkFlagsFit(context, authType, endpointType);
  const resourcePolicy =
    file === "none" ? null : ((await readJson(file, context.io)) as PolicyDocument);
  const time = context.string("time");
  const now = time === undefined ? undefined : new Date(time);
  if (now !== undefined && Number.isNaN(now.getTime()))
    throw usageError(`--time is not a date: ${time}`);
  const optional = (key: string, value: string | undefined) =>
    value === undefined ? {} : { [key]: value };
  const extra = parseContext(context.strings("context"));
  const base = {
    methodArn,
    endpointType,
    resourcePolicy,
    ...optional("sourceIp", context.string("source-ip")),
    ...optional("vpcSourceIp", context.string("vpc-source-ip")),
    ...optional("sourceVpc", context.string("vpc")),
    ...optional("sourceVpce", context.string("vpce")),
    ...(now === undefined ? {} : { now }),
    ...(Object.keys(extra).length === 0 ? {} : { context: extra }),
  };
  switch (authType) {
    case "NONE":
      return { ...base, authType };
    case "AWS_IAM": {
      if (context.flag("unsigned")) return { ...base, authType, caller: null };
      if (principal === undefined) {
        throw usageError("--auth-type AWS_IAM needs --principal <arn|account> (or --unsigned)");
      }
      const callerPolicyFile = context.string("caller-policy");
      const orgId = context.string("principal-org-id");
      return {
        ...base,
        authType,
        caller: {
          ...callerFrom(principal, partition),
          ...(orgId === undefined ? {} : { orgId }),
          signatureValid: !context.flag("bad-signature"),
          callerPolicy:
            callerPolicyFile === undefined
              ? null
              : ((await readJson(callerPolicyFile, context.io)) as PolicyDocument),
        },
      };
    }
    case "LAMBDA": {
      const responseFile = context.string("authorizer-response");
      const outcome = context.choice("authorizer", "allow");
      const authorizer =
        responseFile !== undefined
          ? await readJson(responseFile, context.io)
          : outcome === "allow" || outcome === "deny"
            ? stageResponse(methodArn, outcome === "allow" ? "Allow" : "Deny")
            : (outcome as "unauthorized" | "error");
      return { ...base, authType, authorizer: authorizer as IamAuthorizerResponse };
    }
    case "COGNITO_USER_POOLS":
      return {
        ...base,
        authType,
        cognitoTokenValid: context.choice("cognito-token", "valid") === "valid",
        cognitoResourcePolicy: context.choice<CognitoResourcePolicyMode>(
          "cognito-mode",
          "must-allow",
        ),
      };
  }
}

/** Library paths that point into the files given on the command line. */
function inputFiles(context: CommandContext): Record<string, string> {
  const label = (file: string) => (file === "-" ? "stdin" : file);
  const files: Record<string, string> = {};
  const policy = context.positionals[0];
  if (policy !== undefined && policy !== "none") files["resourcePolicy"] = label(policy);
  const callerPolicy = context.string("caller-policy");
  if (callerPolicy !== undefined) files["caller.callerPolicy"] = label(callerPolicy);
  const response = context.string("authorizer-response");
  if (response !== undefined) {
    files["authorizer"] = label(response);
    files["response"] = label(response);
  }
  return files;
}

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

/** `gatehouse policy simulate`. @internal */
export const policySimulate: CommandSpec = {
  path: ["policy", "simulate"],
  summary: "what status would API Gateway give this request, and why",
  args: "<file|-|none>",
  description: [
    "Runs @gatehouse/policy's model of API Gateway's authorization layer (evaluateApiGatewayAccess): resource policy, SigV4 callers (Table A / Table B), the two-phase rule of Lambda authorizers, Cognito authorizers. <file> is the resource policy; `none` for an API without one.",
    "Options that do not fit the request are refused, not ignored: --authorizer needs --auth-type LAMBDA, the caller options AWS_IAM, the Cognito options COGNITO_USER_POOLS, --vpc-source-ip/--vpc/--vpce a PRIVATE endpoint.",
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
      choices: AUTH_TYPES,
      description: "The method's authorization",
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
  },
  positionals: { min: 1, max: 1 },
  examples: [
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets --source-ip 198.51.100.7",
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/POST/pets --principal arn:aws:iam::111122223333:role/ci --caller-policy ci-role.json",
    "gatehouse policy simulate policy.json --arn arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/prod/GET/pets --auth-type LAMBDA --authorizer allow --expect 403",
  ],
  exitCodes: [
    "0  status 200 (or the --expect status)",
    "1  any other status (denied, 401, 500)",
    "2  missing --arn, an invalid ARN / IP / policy, options that do not fit the auth type",
  ],
  async run(context) {
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
