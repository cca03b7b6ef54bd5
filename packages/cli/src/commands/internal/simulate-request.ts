/**
 * The request `gatehouse policy simulate` evaluates, built from its flags and input files: the
 * caller, the authorizer's answer, the condition context, and the flags each auth type takes.
 * @internal
 * @packageDocumentation
 */
import {
  type ApiGatewayAccessOptions,
  type CognitoResourcePolicyMode,
  type ConditionContext,
  type EndpointType,
  formatExecuteApiArn,
  type IamAuthorizerResponse,
  isAccountId,
  isPolicyError,
  type JwtResourcePolicyMode,
  type MethodAuthType,
  type PolicyDocument,
  parseCallerPrincipalArn,
  parseExecuteApiArn,
  type RestJwtTokenOutcome,
} from "@gatehouse/policy";
import { usageError } from "../../errors.js";
import { type CommandContext, refuseTogether, refuseUnless } from "../../internal/command.js";
import { policyInputError } from "../../internal/policy-errors.js";
import { readJson } from "../../internal/read-input.js";

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

/** `--context key=value` pairs; a key given twice becomes a multi-valued key. */
export function parseContext(pairs: readonly string[]): ConditionContext {
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
  ["JWT", ["jwt-token", "jwt-mode"], "They describe a REST API JWT authorizer"],
];

/**
 * Options that do not fit the auth type or the endpoint type are refused: the model would ignore
 * them, and `--authorizer deny` on a method without an authorizer would quietly answer 200.
 */
export function checkFlagsFit(
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

export async function buildRequest(context: CommandContext): Promise<ApiGatewayAccessOptions> {
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
    case "JWT":
      return {
        ...base,
        authType,
        jwtToken: context.choice<RestJwtTokenOutcome>("jwt-token", "valid"),
        jwtResourcePolicy: context.choice<JwtResourcePolicyMode>("jwt-mode", "must-allow"),
      };
  }
}

/** Library paths that point into the files given on the command line. */
export function inputFiles(context: CommandContext): Record<string, string> {
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
