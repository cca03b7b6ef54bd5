import { isPolicyError } from "@gatehouse/policy";
import { CliError } from "../errors.js";
import type { CommandContext } from "./command.js";
import { nameCausePaths } from "./error-chain.js";
import { type FlagPaths, flagTerm, inFlagTerms, renameOptions } from "./flag-paths.js";

/**
 * Where the `policy` commands' flags land in @gatehouse/policy's options: the presets of
 * `policy generate`, the API target, and the request of `policy simulate`.
 * @internal
 */
export const POLICY_FLAG_PATHS: FlagPaths = {
  "ipDenylist.cidrs": "--deny-ip",
  "ipAllowlist.cidrs": "--allow-ip",
  "privateIpDenylist.cidrs": "--deny-private-ip",
  "accountAllowlist.principals": "--allow-account",
  "sourceVpcAllowlist.vpcIds": "--allow-vpc",
  "vpcEndpointAllowlist.vpceIds": "--allow-vpce",
  "*.resources": "--resource",
  "target.region": "--region",
  "target.accountId": "--account",
  "target.apiId": "--api-id",
  "target.partition": "--partition",
  arn: "--arn",
  methodArn: "--arn",
  sourceIp: "--source-ip",
  vpcSourceIp: "--vpc-source-ip",
  sourceVpc: "--vpc",
  sourceVpce: "--vpce",
  "caller.arn": "--principal",
  "caller.accountId": "--principal",
  "caller.orgId": "--principal-org-id",
  now: "--time",
  context: "--context",
};

/** Option names in @gatehouse/policy's `TypeError` messages, as flags. */
const POLICY_OPTION_NAMES: Readonly<Record<string, string>> = {
  methodArn: "--arn",
  sourceIp: "--source-ip",
  vpcSourceIp: "--vpc-source-ip",
  sourceVpc: "--vpc",
  sourceVpce: "--vpce",
  endpointType: "--endpoint-type",
  authType: "--auth-type",
  "caller.orgId": "--principal-org-id",
};

/**
 * A `PolicyError` or `TypeError` from @gatehouse/policy is a problem with what was given on the
 * command line or in a file: a usage error (exit 2) that keeps the code and says where, in the
 * user's terms: `--deny-ip value #2 ("300.1.1.1")`, not `ipDenylist.cidrs[1]`.
 * @param source - the flag or file the input came from, when the path does not say it.
 * @param context - the command, to quote the value a path points at; `paths` adds entries such as
 *   `{ resourcePolicy: "policy.json" }`.
 * @internal
 */
export function policyInputError(
  error: unknown,
  source?: string,
  context?: Pick<CommandContext, "strings">,
  paths: FlagPaths = {},
): unknown {
  const valuesOf =
    context === undefined ? undefined : (flag: string) => context.strings(flag.slice(2));
  if (isPolicyError(error)) {
    const all = { ...POLICY_FLAG_PATHS, ...paths };
    const message = inFlagTerms(error.message, error.path, error.code, all, valuesOf, source);
    return nameCausePaths(new CliError("usage", message, { cause: error }), (path) =>
      flagTerm(path, all),
    );
  }
  if (error instanceof TypeError) {
    const message = renameOptions(error.message, POLICY_OPTION_NAMES);
    return new CliError("usage", `${source === undefined ? "" : `${source}: `}${message}`, {
      cause: error,
    });
  }
  return error;
}
