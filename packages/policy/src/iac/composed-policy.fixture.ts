import type { PolicyDocument } from "../document/policy-document.js";
import { accountAllowlist } from "../resource-policy/account-allowlist.js";
import { composeResourcePolicy } from "../resource-policy/compose-resource-policy.js";
import { ipDenylist } from "../resource-policy/ip-denylist.js";

/**
 * The policy the IaC golden tests and docs/policy/iac.md render: two accounts allowed (every
 * method is AWS_IAM), two IP blocks denied, short form.
 * @internal
 */
export function composedPolicy(): PolicyDocument {
  return composeResourcePolicy(
    [
      accountAllowlist({
        principals: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/ci-deploy"],
      }),
      ipDenylist({ cidrs: ["198.51.100.0/24", "2001:db8::/32"] }),
    ],
    { authTypes: ["AWS_IAM"] },
  );
}
