/**
 * The IAM policy JSON grammar as API Gateway accepts it, for resource policies and for the
 * identity-style policies a Lambda authorizer returns.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */

/** A single value or a list of them, as IAM JSON allows almost everywhere. */
export type OneOrMany<T> = T | T[];

/** `"*"` or a map such as `{ AWS: ["arn:aws:iam::111122223333:root"] }`. */
export type PolicyPrincipal =
  | "*"
  | {
      AWS?: OneOrMany<string>;
      Service?: OneOrMany<string>;
      Federated?: OneOrMany<string>;
      CanonicalUser?: OneOrMany<string>;
    };

/** A condition value as written in JSON; IAM compares them as strings. */
export type ConditionValue = string | number | boolean;

/** `{ "IpAddress": { "aws:SourceIp": ["192.0.2.0/24"] } }`: operator -> key -> value(s). */
export type ConditionBlock = Record<string, Record<string, OneOrMany<ConditionValue>>>;

/** Whether a statement grants (`Allow`) or refuses (`Deny`); an explicit Deny always wins. */
export type PolicyEffect = "Allow" | "Deny";

/** One statement of an IAM policy: an effect, who (principal), what (action), on what (resource), when (condition). */
export interface PolicyStatement {
  Sid?: string;
  Effect: PolicyEffect;
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: ConditionBlock;
}

/** Only `2012-10-17` enables policy variables such as `${aws:username}`. */
export type PolicyVersion = "2012-10-17" | "2008-10-17";

/** An IAM policy document (resource, identity, trust or authorizer policy): a version and its statements. */
export interface PolicyDocument {
  Version?: PolicyVersion;
  Id?: string;
  Statement: OneOrMany<PolicyStatement>;
}

/**
 * Which grammar a document follows, beyond the common one:
 * - `"any"`: a resource policy or an authorizer policy (`Principal` optional, `Resource` required);
 * - `"identity"`: an identity-based policy (no `Principal`/`NotPrincipal`; `Resource` required);
 * - `"trust"`: a role trust policy (`Principal` required; no `Resource`/`NotResource`: the role is
 *   the resource).
 */
export type PolicyKind = "any" | "identity" | "trust";
