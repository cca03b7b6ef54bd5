import { type ApiTarget, PARTITIONS, type Partition } from "@gatehouse/policy";
import { usageError } from "../errors.js";
import type { CommandContext, OptionSpec } from "./command.js";

/** `--partition --region --account --api-id`: the API a policy is attached to. @internal */
export const API_TARGET_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  region: { type: "string", value: "<region>", description: "The API's Region, e.g. eu-west-1" },
  account: {
    type: "string",
    value: "<account-id>",
    description: "The API's 12-digit AWS account id",
  },
  "api-id": { type: "string", value: "<api-id>", description: "The API id, e.g. a1b2c3d4e5" },
  partition: {
    type: "string",
    value: "<partition>",
    choices: PARTITIONS,
    description: "The AWS partition",
    defaultText: "aws",
  },
};

/**
 * The target from `--region --account --api-id` (all three, or none: `undefined`); `needed` makes
 * them required.
 * @internal
 */
export function readApiTarget(context: CommandContext, needed?: string): ApiTarget | undefined {
  const region = context.string("region");
  const accountId = context.string("account");
  const apiId = context.string("api-id");
  const given = [region, accountId, apiId].filter((value) => value !== undefined).length;
  if (given === 0 && needed === undefined) return undefined;
  if (region === undefined || accountId === undefined || apiId === undefined) {
    throw usageError(
      `${needed ?? "the API target"} needs --region, --account and --api-id together`,
    );
  }
  const partition = context.choice<Partition>("partition", "aws");
  return { partition, region, accountId, apiId };
}
