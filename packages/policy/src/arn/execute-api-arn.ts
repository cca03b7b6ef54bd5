import type { Partition } from "../identifiers/partition.js";

// The partition's home is ../identifiers/partition.ts; re-exported for the ARN modules.
export type { Partition } from "../identifiers/partition.js";

/**
 * The parts of an execute-api ARN.
 *
 * - REST / HTTP API method ARN `arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/42`
 *   -> `method: "GET"`, `path: "/pets/42"` (the root resource is `path: "/"`).
 * - HTTP API route ARN for `$default` -> `routeKey: "$default"`.
 * - WebSocket route ARN `.../abc123/prod/$connect` -> `routeKey: "$connect"` (no method).
 * - `@connections` management ARN `.../prod/POST/@connections/{id}` -> `method: "POST"`,
 *   `path: "/@connections/{id}"`.
 * - The short resource-policy form `execute-api:/prod/GET/pets` has no region/account/API id:
 *   `form: "short"` and those fields are `undefined`.
 *
 * Any field but `partition` may be `"*"` (or contain `*` / `?`) in a pattern; a concrete request
 * ARN has none. Parse with {@link parseExecuteApiArn}, format with {@link formatExecuteApiArn}.
 *
 * @example
 * ```ts
 * const arn: ExecuteApiArn = parseExecuteApiArn("execute-api:/prod/GET/pets/*");
 * // { form: "short", partition: undefined, region: undefined, accountId: undefined,
 * //   apiId: undefined, stage: "prod", method: "GET", path: "/pets/*" }
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/arn-format-reference.html
 */
export interface ExecuteApiArn {
  /** `"full"` for `arn:...`, `"short"` for `execute-api:/...`. */
  form: "full" | "short";
  partition: Partition | undefined;
  region: string | undefined;
  accountId: string | undefined;
  apiId: string | undefined;
  /**
   * Stage name, `$default`, or a pattern. `""` only for a full ARN that stops after the API id
   * (`arn:aws:execute-api:*:*:*`).
   */
  stage: string;
  /**
   * HTTP verb for REST/HTTP method ARNs and `@connections`, **as written**: API Gateway always
   * writes it upper-case, so a lower-case `get` in a policy never matches (resources compare
   * case-sensitively) and is kept for the linter to report. Also `ANY` (never in a request ARN) or a
   * wildcard pattern that can match a verb (`*`, `P*`). Absent when the ARN ends at the stage.
   */
  method?: string;
  /** Request path starting with `/` (the whole remainder after the verb); absent when the ARN ends at the verb. */
  path?: string;
  /**
   * WebSocket route key (`$connect`, `$default`, custom; the whole remainder after the stage, `/`
   * included) or the HTTP API `$default` route. Set whenever the segment after the stage is not a verb.
   */
  routeKey?: string;
}
