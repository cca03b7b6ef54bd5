import { PolicyError } from "../../errors.js";

/**
 * @internal Checks the `actions` of a per-identity builder: a non-empty list of `service:Name`
 * actions of `service`, without wildcards (a builder lists what it grants) or duplicates.
 */
export function readActions(value: unknown, service: string, builder: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TypeError(
      `${builder}: actions must be a non-empty array of "${service}:Name" actions`,
    );
  }
  const pattern = new RegExp(`^${service}:[A-Za-z0-9]+$`);
  const seen = new Set<string>();
  return value.map((action: unknown, index) => {
    const path = `actions[${index}]`;
    if (typeof action !== "string" || !pattern.test(action)) {
      const wildcard = typeof action === "string" && /[*?]/.test(action);
      throw new PolicyError(
        "invalid_action",
        wildcard
          ? `${JSON.stringify(action)} is a wildcard: list the ${service} actions the identity needs one by one`
          : `${JSON.stringify(action)} is not a ${service} action`,
        {
          path,
          expected: `an action such as ${service}:${service === "s3" ? "GetObject" : "GetItem"}`,
          actual: action,
        },
      );
    }
    const lower = action.toLowerCase();
    if (seen.has(lower)) {
      throw new PolicyError("invalid_action", `${action} is listed twice`, {
        path,
        expected: "each action once",
        actual: action,
      });
    }
    seen.add(lower);
    return action;
  });
}
