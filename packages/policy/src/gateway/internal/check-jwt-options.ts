/**
 * Validates the options of a REST `JWT` request of the gateway model.
 * @internal
 * @packageDocumentation
 */

const FN = "evaluateApiGatewayAccess";
const OUTCOMES: readonly unknown[] = ["valid", "invalid", "insufficient_scope"];
const MODES: readonly unknown[] = [undefined, "must-allow", "silent-allows"];

/** @internal Throws a `TypeError` for a misused `jwtToken` or `jwtResourcePolicy`. */
export function checkJwtOptions(options: Record<string, unknown>): void {
  if (!OUTCOMES.includes(options["jwtToken"])) {
    throw new TypeError(`${FN}: jwtToken must be "valid", "invalid" or "insufficient_scope"`);
  }
  if (!MODES.includes(options["jwtResourcePolicy"])) {
    throw new TypeError(`${FN}: jwtResourcePolicy must be "must-allow" or "silent-allows"`);
  }
}
