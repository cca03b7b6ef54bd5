import {
  accountAllowlist,
  composeResourcePolicy,
  ipAllowlist,
  ipDenylist,
  type PolicyDocument,
  policyHash,
  policySize,
  privateIpDenylist,
  type ResourcePolicyRule,
  sourceVpcAllowlist,
  toCloudFormation,
  toOpenApiPolicyExtension,
  toTerraformHcl,
  toTerraformJson,
  vpcEndpointAllowlist,
} from "@gatehouse/policy";
import { usageError } from "../errors.js";
import { API_TARGET_OPTIONS, readApiTarget } from "../internal/api-target.js";
import { AUTH_TYPE_OPTION, readAuthTypes } from "../internal/auth-types-option.js";
import type { CommandContext, CommandSpec } from "../internal/command.js";
import { policyInputError } from "../internal/policy-errors.js";

/** The output formats of `policy generate`. @internal */
export const POLICY_FORMATS = [
  "json",
  "cloudformation",
  "terraform-json",
  "terraform-hcl",
  "openapi",
] as const;
type PolicyFormat = (typeof POLICY_FORMATS)[number];

/** Renders a policy document in one of {@link POLICY_FORMATS}. @internal */
export function formatPolicy(
  policy: PolicyDocument,
  format: PolicyFormat,
  options: { executionArn?: string | undefined; name?: string | undefined } = {},
): string {
  const executionArn =
    options.executionArn === undefined ? {} : { executionArn: options.executionArn };
  switch (format) {
    case "json":
      return JSON.stringify(policy, null, 2);
    case "cloudformation":
      return JSON.stringify(toCloudFormation(policy), null, 2);
    case "openapi":
      return JSON.stringify(toOpenApiPolicyExtension(policy), null, 2);
    case "terraform-json":
      return toTerraformJson(policy, executionArn);
    case "terraform-hcl":
      return toTerraformHcl(policy, {
        ...executionArn,
        ...(options.name === undefined ? {} : { name: options.name }),
      });
  }
}

const PRESETS = [
  [
    "allow-account",
    "<id|arn>",
    "Allow only these accounts or IAM roles/users (Principal AWS; AWS_IAM methods only)",
  ],
  ["deny-ip", "<cidr>", "Deny these source IPs / CIDR blocks (aws:SourceIp)"],
  ["allow-ip", "<cidr>", "Deny every source IP outside these blocks (aws:SourceIp)"],
  ["allow-vpc", "<vpc-id>", "Private APIs: deny every VPC but these (aws:SourceVpc)"],
  ["allow-vpce", "<vpce-id>", "Private APIs: deny every VPC endpoint but these (aws:SourceVpce)"],
  ["deny-private-ip", "<cidr>", "Private APIs: deny these IPs inside the VPC (aws:VpcSourceIp)"],
] as const;

function buildRules(context: CommandContext): ResourcePolicyRule[] {
  const resources = context.strings("resource");
  const extra = resources.length === 0 ? {} : { resources };
  const rules: ResourcePolicyRule[] = [];
  const each = (name: string, build: (values: string[]) => ResourcePolicyRule) => {
    const values = context.strings(name);
    if (values.length === 0) return;
    try {
      rules.push(build(values));
    } catch (error) {
      throw policyInputError(error, `--${name}`, context);
    }
  };
  each("allow-account", (principals) => accountAllowlist({ principals, ...extra }));
  each("deny-ip", (cidrs) => ipDenylist({ cidrs, ...extra }));
  each("allow-ip", (cidrs) => ipAllowlist({ cidrs, ...extra }));
  each("allow-vpc", (vpcIds) => sourceVpcAllowlist({ vpcIds, ...extra }));
  each("allow-vpce", (vpceIds) => vpcEndpointAllowlist({ vpceIds, ...extra }));
  each("deny-private-ip", (cidrs) => privateIpDenylist({ cidrs, ...extra }));
  return rules;
}

/** `gatehouse policy generate`. @internal */
export const policyGenerate: CommandSpec = {
  path: ["policy", "generate"],
  summary: "write a resource policy from presets (IP lists, accounts, VPCs)",
  description: [
    "Composes the presets of @gatehouse/policy into one document with the fewest statements, sorted and deterministic (the same flags always give the same bytes). Lists may be repeated or comma-separated. `gatehouse policy --deny-ip ...` is the same command.",
    "--auth-type says how the API's methods are authorized, so that the only Allow statements are for the methods that need one (NONE, COGNITO_USER_POOLS, JWT): next to a Lambda authorizer or AWS_IAM an Allow * would override their implicit deny (Table A). The restrictions are Deny statements, checked before any authorizer runs.",
  ],
  options: {
    ...Object.fromEntries(
      PRESETS.map(([name, value, description]) => [
        name,
        { type: "string", multiple: true, list: true, value, description },
      ]),
    ),
    "auth-type": AUTH_TYPE_OPTION,
    resource: {
      type: "string",
      multiple: true,
      list: true,
      value: "<resource>",
      description: "What the rules apply to (short `execute-api:/prod/*` or full ARN)",
      defaultText: "execute-api:/*",
    },
    form: {
      type: "string",
      value: "<form>",
      choices: ["short", "expanded"],
      description:
        "Short `execute-api:/...` resources, or full ARNs (needs --region --account --api-id)",
      defaultText: "short",
    },
    ...API_TARGET_OPTIONS,
    format: {
      type: "string",
      value: "<format>",
      choices: POLICY_FORMATS,
      description: "Output format",
      defaultText: "json",
    },
    "execution-arn": {
      type: "string",
      value: "<reference>",
      description:
        "terraform-*: a Terraform reference such as aws_api_gateway_rest_api.api.execution_arn",
    },
    name: {
      type: "string",
      value: "<name>",
      description: "terraform-hcl: the data source's name",
      defaultText: "resource_policy",
    },
    stats: {
      type: "boolean",
      description: "Print the size (short and expanded) and the SHA-256 hash to stderr",
    },
  },
  positionals: { min: 0, max: 0 },
  examples: [
    "gatehouse policy generate --deny-ip 198.51.100.0/24,2001:db8::/32 --auth-type LAMBDA",
    'gatehouse policy generate --deny-ip 198.51.100.0/24 --auth-type "OPTIONS /pets=NONE" --auth-type "OPTIONS /pets/{id}=NONE" --auth-type CUSTOM',
    "gatehouse policy generate --allow-account 111122223333 --allow-account arn:aws:iam::444455556666:role/ci --auth-type AWS_IAM",
    "gatehouse policy generate --allow-vpce vpce-0a1b2c3d --auth-type NONE --format terraform-hcl --execution-arn aws_api_gateway_rest_api.api.execution_arn",
    "gatehouse policy generate --deny-ip 203.0.113.7 --auth-type LAMBDA --form expanded --region eu-west-1 --account 123456789012 --api-id a1b2c3d4e5",
  ],
  exitCodes: [
    "0  the policy was written",
    "2  no preset or no --auth-type given, an invalid value (CIDR, account, VPC id, route), or auth types the policy cannot be safe for",
  ],
  async run(context) {
    const rules = buildRules(context);
    if (rules.length === 0) {
      throw usageError(
        "give at least one preset: --allow-account, --deny-ip, --allow-ip, --allow-vpc, --allow-vpce or --deny-private-ip",
      );
    }
    const authTypes = readAuthTypes(context);
    if (authTypes === undefined) {
      throw usageError(
        'gatehouse policy generate: --auth-type is required (NONE, AWS_IAM, LAMBDA, COGNITO_USER_POOLS, JWT; comma-separated for several; "ROUTE=TYPE" per method)',
        "It decides which methods get an Allow: next to a Lambda authorizer or AWS_IAM an Allow * would override their implicit deny. An API without authorizers: --auth-type NONE (the AWS examples' shape).",
      );
    }
    const form = context.choice<"short" | "expanded">("form", "short");
    const target = readApiTarget(context, form === "expanded" ? "--form expanded" : undefined);
    let policy: PolicyDocument;
    let text: string;
    try {
      policy =
        form === "expanded" && target !== undefined
          ? composeResourcePolicy(rules, { authTypes, form: "expanded", target })
          : composeResourcePolicy(rules, { authTypes });
      text = formatPolicy(policy, context.choice<PolicyFormat>("format", "json"), {
        executionArn: context.string("execution-arn"),
        name: context.string("name"),
      });
    } catch (error) {
      throw policyInputError(error, undefined, context);
    }
    context.out.line(text);
    if (context.flag("stats")) {
      const size = policySize(policy, target);
      const expanded =
        size.expanded === undefined ? "unknown (give the API target)" : String(size.expanded);
      context.out.note(
        `size: ${size.short} characters short, ${expanded} expanded (limit ${size.limit}); sha256 ${policyHash(policy)}`,
      );
    }
    return 0;
  },
};
