/**
 * Every code a {@link PolicyError} can carry. Stable: callers `switch` on it, and it keeps working
 * when both the ESM and the CommonJS copy of this package are loaded (where `instanceof` fails).
 */
export type PolicyErrorCode =
  /** Not an execute-api ARN (or short `execute-api:/` form) this package understands. */
  | "invalid_arn"
  /** A route template such as `GET /pets/{id}` that cannot be compiled. */
  | "invalid_route_template"
  /**
   * A value interpolated into a route template (`routeTemplate`, `routeSegment`) that is not one
   * literal path segment: it holds `/`, `{`, `}`, `*`, `?`, whitespace or a control character, or
   * is empty, `.` or `..`.
   */
  | "invalid_route_value"
  /** An IPv4/IPv6 address or CIDR block that does not parse. */
  | "invalid_cidr"
  /**
   * A source address that is refused: not an address, or an ambiguous spelling (IPv4 leading
   * zeros, zone id, port, IPv6 forms embedding IPv4 other than `::ffff:a.b.c.d`).
   */
  | "invalid_ip_address"
  /** An AWS account id that is not 12 digits. */
  | "invalid_account_id"
  /** A partition that is not one of AWS's (`aws`, `aws-cn`, `aws-us-gov`, `aws-iso`...). */
  | "invalid_partition"
  /** A region that is malformed or names no known partition (`us-east-1`, `cn-north-1`...). */
  | "invalid_region"
  /** An API id that is not 1 to 32 lower-case letters and digits (real ids have 10). */
  | "invalid_api_id"
  /** A stage name API Gateway would not deploy (`[A-Za-z0-9_-]`, at most 128, or `$default`). */
  | "invalid_stage"
  /** An HTTP method API Gateway does not route (`GET`, `POST`... in upper case, or `ANY` where allowed). */
  | "invalid_http_method"
  /** A principal (ARN, account id, `*`) that is not valid where it is used. */
  | "invalid_principal"
  /** A VPC id (`vpc-` + 8 to 17 lower-case hex digits) or VPC endpoint id (`vpce-` ...) that is malformed. */
  | "invalid_vpc_id"
  /** A policy document that is not valid IAM policy JSON (the `path` says where). */
  | "invalid_policy"
  /** An authorizer `context` value not allowed for the API type (object in REST, reserved key...). */
  | "invalid_context"
  /** A Resource ARN longer than API Gateway's 512-character limit. */
  | "resource_too_long"
  /** An authorizer response above the 8 KB budget. */
  | "response_too_large"
  /** A resource policy above API Gateway's 8192-character limit (short or expanded form). */
  | "policy_too_large"
  /** An evaluation request (action, resource, principal, context) that is malformed. */
  | "invalid_request"
  /** A Cognito identity pool id that is not `{region}:{GUID}` (`us-east-1:0b6f6a7e-...`). */
  | "invalid_identity_pool_id"
  /**
   * An IAM action a policy builder does not accept: not `service:Name` of the service the builder
   * writes for, or a wildcard where the builder lists actions one by one.
   */
  | "invalid_action"
  /** An ARN of another service (DynamoDB table, ...) that is malformed where it is used. */
  | "invalid_resource_arn"
  /** An S3 bucket name or key prefix that is malformed or would widen the grant (`*`, `?`, `${`). */
  | "invalid_s3_location"
  /** A principal tag key that is not 1 to 128 of IAM's tag characters. */
  | "invalid_principal_tag"
  /**
   * A code spelled as an earlier version did, in kebab-case (a lint suppression):
   * `missing-principal` gives `expected: "missing_principal"`, the code's current name.
   */
  | "renamed_code"
  /**
   * An identity-pool role attachment that Cognito would refuse: identity pool id, default role
   * ARNs (`roles.authenticated` / `roles.unauthenticated`).
   */
  | "invalid_identity_pool_config"
  /**
   * A role mapping (`roleMappings`) that Cognito would refuse: unknown `type` or
   * `ambiguousRoleResolution`, `Rules` without rules or with more than 25, a rule with an unknown
   * `matchType` or an empty claim/value, two mappings for one identity provider.
   */
  | "invalid_role_mapping"
  /**
   * A principal-tag mapping (`AWS::Cognito::IdentityPoolPrincipalTag`) beyond Cognito's limits:
   * tag key over 128 characters, attribute name over 256, all attribute names over 460 bytes,
   * more than 50 tags, or defaults asked for a provider without documented defaults.
   */
  | "invalid_principal_tag_mapping"
  /** An API key value that is not 20 to 128 ASCII letters and digits, or a malformed key entry. */
  | "invalid_api_key"
  /** Two API keys with the same value or the same id. */
  | "duplicate_api_key"
  /** An API key in two usage plans that cover the same API stage (API Gateway allows one plan per stage). */
  | "api_key_stage_conflict"
  /**
   * A usage plan API Gateway would refuse: negative or non-numeric rate, burst, limit or offset,
   * an unknown quota period, a key id no key has, a malformed per-method throttle key, a repeated id.
   */
  | "invalid_usage_plan"
  /** A usage plan bound to an API stage that does not exist. */
  | "unknown_api_stage";

/** What a {@link PolicyError} says about the offending input: where, what was expected, what was found. */
export interface PolicyErrorOptions {
  /** Where in the input the problem is, e.g. `Statement[1].Condition.IpAddress.aws:SourceIp[0]`. */
  path?: string;
  /** What was expected there, in words. */
  expected?: string;
  /** The offending value, shortened; never a secret (this package handles none). */
  actual?: unknown;
  cause?: unknown;
}

/**
 * The one error class of `@gatehouse/policy`. Bad input (ARN, CIDR, account id, route template,
 * policy JSON, context) throws it with a stable {@link PolicyErrorCode} and the `path` of the
 * offending field; misuse of the API itself (wrong option types) throws `TypeError`.
 *
 * @example
 * ```ts
 * try {
 *   parseExecuteApiArn("arn:aws:s3:::bucket");
 * } catch (error) {
 *   if (isPolicyError(error) && error.code === "invalid_arn") console.log(error.path);
 * }
 * ```
 */
export class PolicyError extends Error {
  override readonly name = "PolicyError";
  readonly code: PolicyErrorCode;
  readonly path: string | undefined;
  readonly expected: string | undefined;
  readonly actual: unknown;

  constructor(code: PolicyErrorCode, message: string, options: PolicyErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.expected = options.expected;
    this.actual = options.actual;
  }
}

/** True for a {@link PolicyError} from any loaded copy of this package (ESM or CJS). */
export function isPolicyError(value: unknown): value is PolicyError {
  return (
    value instanceof Error &&
    value.name === "PolicyError" &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
