/**
 * A value a REST, HTTP API payload 1.0 or WebSocket authorizer `context` can carry. `null` and
 * `undefined` values are left out of the response (those API types cannot pass them on).
 */
export type FlatContextValue = string | number | boolean | null | undefined;

/**
 * The `context` options of the flat-context builders (REST, HTTP API payload 1.0, WebSocket).
 *
 * API Gateway passes only strings, numbers and booleans on to the backend; an object or array
 * makes it answer 500. By default such a value throws `PolicyError` `"invalid_context"`;
 * `nestedContext: "json-string"` stores it as its JSON text instead (the backend parses it).
 *
 * @example
 * ```ts
 * const options: FlatContextOptions = {
 *   context: { userId: "user-42", groups: ["admin", "ops"] },
 *   nestedContext: "json-string", // groups -> "[\"admin\",\"ops\"]"
 * };
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-lambda-authorizer-output.html
 */
export type FlatContextOptions =
  | {
      /** Values passed to the backend as `$context.authorizer.<key>`. */
      context?: Readonly<Record<string, FlatContextValue>> | undefined;
      /** What to do with an object or array value. @default "reject" */
      nestedContext?: "reject" | undefined;
    }
  | {
      context?: Readonly<Record<string, unknown>> | undefined;
      nestedContext: "json-string";
    };
