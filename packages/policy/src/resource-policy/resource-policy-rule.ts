/** The presets, by the name of the function that builds them. */
export type ResourcePolicyRuleKind =
  | "accountAllowlist"
  | "ipDenylist"
  | "ipAllowlist"
  | "privateIpDenylist"
  | "sourceVpcAllowlist"
  | "vpcEndpointAllowlist";

/** Options every preset takes besides its list. */
export interface ResourcePolicyRuleOptions {
  /**
   * The resources the rule applies to: short form (`execute-api:/prod/*`), full execute-api ARNs
   * or `*`. De-duplicated and sorted.
   * @default ["execute-api:/*"]
   */
  resources?: readonly string[];
}

/**
 * One validated restriction, built by a preset such as {@link ipDenylist} and turned into
 * statements by {@link composeResourcePolicy}. Frozen; `values` and `resources` are normalised,
 * de-duplicated and sorted, so two rules built from the same lists in any order are equal.
 *
 * @example
 * ```ts
 * const rule = ipDenylist({ cidrs: ["198.51.100.0/24", "192.0.2.9/24"] });
 * rule.values; // ["192.0.2.0/24", "198.51.100.0/24"]
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
 */
export interface ResourcePolicyRule {
  readonly kind: ResourcePolicyRuleKind;
  /** Principals, canonical CIDR blocks, VPC ids or VPC endpoint ids, depending on `kind`. */
  readonly values: readonly string[];
  readonly resources: readonly string[];
}
