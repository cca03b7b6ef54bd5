/**
 * The largest policy document any identity can get from a table on one stage.
 * @internal
 * @packageDocumentation
 */
import { routeTemplateToArn } from "../../arn/route-template.js";
import type { RoutePolicyBound, RouteTableStage } from "../route-table.js";
import type { CompiledTable } from "./compiled-table.js";
import { deeperUnits, entryGlob } from "./deny-units.js";
import type { RouteEntry } from "./table-route.js";

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * @internal The bound on `stage`: every entry's ARN, plus the deeper-path Denies of
 * `deeperTriggers` (see `analyseTable`).
 */
export function policyBound(
  table: CompiledTable,
  deeperTriggers: readonly RouteEntry[],
  stage: RouteTableStage,
): RoutePolicyBound {
  const { apiType, entries } = table;
  const whole = routeTemplateToArn("*", stage, apiType).pattern;
  const prefix = whole.slice(0, whole.length - (apiType === "websocket" ? 1 : 3));
  const tails = [
    ...entries.map((entry) => entry.tokens.join("/")),
    ...deeperTriggers.flatMap((entry) =>
      deeperUnits(table, entryGlob(entry)).map((unit) => unit.tokens.join("/")),
    ),
  ];
  // Each entry is in the Allow (satisfied) or at most in the Deny (not satisfied); deeper-path
  // Denies come on top. Two statements at most; a whole-stage grant or Deny is one ARN.
  let bytes = utf8Length(
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Action: "execute-api:Invoke", Effect: "Allow", Resource: [] },
        { Action: "execute-api:Invoke", Effect: "Deny", Resource: [] },
      ],
    }),
  );
  let longest = whole.length;
  for (const tail of tails) {
    const arn = prefix + tail;
    bytes += utf8Length(JSON.stringify(arn)) + 1;
    if (arn.length > longest) longest = arn.length;
  }
  return { bytes, resources: Math.max(tails.length, 1), longestResource: longest };
}
