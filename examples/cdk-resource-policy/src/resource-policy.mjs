/**
 * The resource policy of the example API, built with @gatehouse/policy presets: two AWS accounts
 * may call the API (the methods use AWS_IAM auth), and two IP blocks are denied before anything
 * else runs. Shared by the CDK app and by the template check, so both see the same document.
 *
 * @see ../../../docs/policy/iac.md
 */
import {
  accountAllowlist,
  composeResourcePolicy,
  ipDenylist,
  policyHash,
  toCloudFormation,
} from "@gatehouse/policy";

// `authTypes`: every method of the API uses AWS_IAM, so the only Allow is the account allowlist's
// (an `Allow *` would let in any IAM caller whose own policy allows the call, Table A/B).
export const resourcePolicy = composeResourcePolicy(
  [
    accountAllowlist({
      principals: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/ci-deploy"],
    }),
    ipDenylist({ cidrs: ["198.51.100.0/24", "2001:db8::/32"] }),
  ],
  { authTypes: ["AWS_IAM"] },
);

/** The document for `AWS::ApiGateway::RestApi.Policy` / `iam.PolicyDocument.fromJson`. */
export const cloudFormationPolicy = toCloudFormation(resourcePolicy);

/** Changes whenever the policy does: used to force a new API Gateway deployment. */
export const resourcePolicyHash = policyHash(resourcePolicy);
