/** AWS partitions that have API Gateway. Always taken from the incoming ARN, never assumed. */
export type Partition = "aws" | "aws-cn" | "aws-us-gov";

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
 * Any field may be `"*"` (or contain wildcards) in a pattern; a concrete request ARN has none.
 */
export interface ExecuteApiArn {
  /** `"full"` for `arn:...`, `"short"` for `execute-api:/...`. */
  form: "full" | "short";
  partition: Partition | undefined;
  region: string | undefined;
  accountId: string | undefined;
  apiId: string | undefined;
  stage: string;
  /** Upper-case HTTP verb (or `*`) for REST/HTTP method ARNs and `@connections`. */
  method?: string;
  /** Request path starting with `/` (the whole remainder after the verb). */
  path?: string;
  /** WebSocket route key (`$connect`, `$default`, custom) or HTTP API `$default` route ARN. */
  routeKey?: string;
}
