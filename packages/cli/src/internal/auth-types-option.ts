import type { ApiAuthTypes, MethodAuthTypeName } from "@gatehouse/policy";
import { usageError } from "../errors.js";
import type { CommandContext, OptionSpec } from "./command.js";

/** Authorization type names, as API Gateway (`LAMBDA`) or CloudFormation (`CUSTOM`) writes them. @internal */
export const AUTH_TYPE_NAMES: readonly MethodAuthTypeName[] = [
  "NONE",
  "AWS_IAM",
  "LAMBDA",
  "CUSTOM",
  "COGNITO_USER_POOLS",
  "JWT",
];

/** `--auth-type`, shared by `policy lint` and `policy generate`. @internal */
export const AUTH_TYPE_OPTION: OptionSpec = {
  type: "string",
  multiple: true,
  value: "<type|route=type|json>",
  description:
    'How the API\'s methods are authorized: a type for the whole API (NONE, AWS_IAM, LAMBDA or CUSTOM, COGNITO_USER_POOLS, JWT; comma-separated for several), "ROUTE=TYPE" per method ("GET /pets/{id}=LAMBDA", "OPTIONS /pets=NONE"; a bare type next to them is the type of every other method), or a JSON map {"ROUTE": "TYPE", "*": "TYPE"} (required)',
};

function readType(text: string, flag: string): MethodAuthTypeName {
  const type = text.trim().toUpperCase() as MethodAuthTypeName;
  if (!AUTH_TYPE_NAMES.includes(type)) {
    throw usageError(
      `${flag}: ${JSON.stringify(text.trim())} is not an authorization type`,
      `Use one of ${AUTH_TYPE_NAMES.join(", ")}.`,
    );
  }
  return type;
}

/**
 * The `--auth-type` values as {@link ApiAuthTypes}: bare types only -> a list; with `ROUTE=TYPE`
 * entries or a JSON map -> a map, where one bare type becomes `"*"`. `undefined` when absent.
 * @internal
 */
export function readAuthTypes(context: CommandContext): ApiAuthTypes | undefined {
  const values = context.strings("auth-type");
  if (values.length === 0) return undefined;
  const bare = new Set<MethodAuthTypeName>();
  const routes = new Map<string, MethodAuthTypeName>();
  const addRoute = (route: string, type: MethodAuthTypeName, flag: string) => {
    const existing = routes.get(route);
    if (existing !== undefined && existing !== type) {
      throw usageError(`${flag}: "${route}" is given as both ${existing} and ${type}`);
    }
    routes.set(route, type);
  };
  for (const value of values) {
    const flag = `--auth-type ${value}`;
    const text = value.trim();
    if (text.startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw usageError(
          `${flag}: not valid JSON`,
          'Write {"OPTIONS /pets": "NONE", "*": "LAMBDA"}.',
        );
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
        throw usageError(`${flag}: the JSON must be an object of route -> type`);
      }
      for (const [route, type] of Object.entries(parsed)) {
        if (typeof type !== "string")
          throw usageError(`${flag}: the type of "${route}" is not a string`);
        addRoute(route.trim(), readType(type, flag), flag);
      }
      continue;
    }
    // Route keys hold no commas, so a comma separates entries.
    for (const item of text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)) {
      const equals = item.lastIndexOf("=");
      if (equals === -1) {
        bare.add(readType(item, flag));
        continue;
      }
      const route = item.slice(0, equals).trim();
      if (route === "") throw usageError(`${flag}: missing the route before "="`);
      addRoute(route, readType(item.slice(equals + 1), flag), flag);
    }
  }
  if (routes.size === 0) return [...bare];
  if (bare.size > 1) {
    throw usageError(
      `--auth-type: with ROUTE=TYPE entries, give at most one bare type (the type of every other method); got ${[...bare].join(", ")}`,
    );
  }
  const [fallback] = [...bare];
  if (fallback !== undefined) addRoute("*", fallback, `--auth-type ${fallback}`);
  return Object.fromEntries(routes);
}
