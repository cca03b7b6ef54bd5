/**
 * Whether a resource-policy `Principal` names the caller.
 *
 * @internal
 * @packageDocumentation
 */

import type { PolicyPrincipal } from "../../document/policy-document.js";

/** The caller as the evaluator sees it (mirrors `RequestPrincipal`). @internal */
export type Caller = "anonymous" | { readonly arn: string; readonly accountId: string };

const ACCOUNT_ROOT = /^arn:[^:]+:iam::(\d{12}):root$/;
const ROLE = /^arn:([^:]+):iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/;
const ASSUMED_ROLE = /^arn:([^:]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

function namesCaller(entry: string, caller: Exclude<Caller, "anonymous">): boolean {
  if (entry === caller.arn) return true;
  if (/^\d{12}$/.test(entry)) return entry === caller.accountId;
  const root = ACCOUNT_ROOT.exec(entry);
  if (root !== null) return root[1] === caller.accountId;
  // A role ARN also names every session of that role (the caller's assumed-role ARN).
  const role = ROLE.exec(entry);
  const session = role === null ? null : ASSUMED_ROLE.exec(caller.arn);
  return (
    role !== null &&
    session !== null &&
    role[1] === session[1] &&
    role[2] === session[2] &&
    role[3] === session[3]
  );
}

/**
 * `"*"` (or `{ AWS: "*" }`) names everyone, anonymous callers included; an account id or its
 * `:root` ARN names every principal of that account; a user or role ARN names that principal.
 * `Service`, `Federated` and `CanonicalUser` entries never name an execute-api caller.
 * @internal
 */
export function matchesPrincipal(principal: PolicyPrincipal, caller: Caller): boolean {
  if (principal === "*") return true;
  const aws = principal.AWS;
  if (aws === undefined) return false;
  const entries = typeof aws === "string" ? [aws] : aws;
  if (entries.includes("*")) return true;
  if (caller === "anonymous") return false;
  return entries.some((entry) => namesCaller(entry, caller));
}
