/**
 * Whether a resource-policy `Principal` names the caller, with each entry classified once.
 *
 * @internal
 * @packageDocumentation
 */

import type { PolicyPrincipal } from "../../document/policy-document.js";
import { isAccountId } from "../../identifiers/account-id.js";
import { classifyPrincipalArn } from "../../identifiers/principal-arn.js";
import type { RequestState } from "./request-state.js";
import { sessionOf } from "./request-state.js";

type Entry =
  | { readonly kind: "account"; readonly text: string }
  | { readonly kind: "root"; readonly text: string; readonly account: string }
  | {
      readonly kind: "role";
      readonly text: string;
      readonly partition: string;
      readonly account: string;
      readonly name: string;
    }
  | { readonly kind: "arn"; readonly text: string }
  | { readonly kind: "federated"; readonly text: string };

/** `true`: names everyone (anonymous included); `false`: no one; else the entries to test. @internal */
export type CompiledPrincipal = boolean | readonly Entry[];

function classify(text: string): Entry {
  if (isAccountId(text)) return { kind: "account", text };
  const principal = classifyPrincipalArn(text);
  if (!("kind" in principal)) return { kind: "arn", text };
  if (principal.kind === "root") return { kind: "root", text, account: principal.accountId };
  // A role ARN also names every session of that role (the caller's assumed-role ARN).
  if (principal.kind === "role") {
    const { partition, accountId: account, name } = principal;
    return { kind: "role", text, partition, account, name };
  }
  return { kind: "arn", text };
}

/**
 * `"*"` (or `{ AWS: "*" }`) names everyone, anonymous callers included; an account id or its
 * `:root` ARN names every principal of that account; a user or role ARN names that principal; a
 * `Federated` entry names the web-identity caller of that provider
 * (`cognito-identity.amazonaws.com`, `accounts.google.com`, a SAML provider ARN). `Service` and
 * `CanonicalUser` entries never name a caller of this model.
 * @internal
 */
export function compilePrincipal(principal: PolicyPrincipal): CompiledPrincipal {
  if (principal === "*") return true;
  const aws = principal.AWS === undefined ? [] : [principal.AWS].flat();
  if (aws.includes("*")) return true;
  const federated = principal.Federated === undefined ? [] : [principal.Federated].flat();
  const entries: Entry[] = aws.map(classify);
  for (const text of federated) entries.push({ kind: "federated", text });
  return entries.length === 0 ? false : entries;
}

function namesCaller(entry: Entry, request: RequestState, arn: string, accountId: string): boolean {
  if (entry.text === arn) return true;
  switch (entry.kind) {
    case "account":
      return entry.text === accountId;
    case "root":
      return entry.account === accountId;
    case "role": {
      const session = sessionOf(request);
      return (
        session !== null &&
        entry.partition === session[0] &&
        entry.account === session[1] &&
        entry.name === session[2]
      );
    }
    default:
      // `arn` entries matched by text above; `federated` entries never name an IAM caller.
      return false;
  }
}

/** @internal */
export function matchesCompiledPrincipal(
  principal: CompiledPrincipal,
  request: RequestState,
): boolean {
  if (typeof principal === "boolean") return principal;
  const { caller } = request;
  if (caller === "anonymous") return false;
  if ("federated" in caller) {
    // Provider names are DNS names (case-insensitive); a SAML provider ARN compares exactly.
    const name = caller.federated;
    return principal.some(
      (entry) =>
        entry.kind === "federated" &&
        (entry.text === name ||
          (!name.startsWith("arn:") && entry.text.toLowerCase() === name.toLowerCase())),
    );
  }
  for (const entry of principal) {
    if (namesCaller(entry, request, caller.arn, caller.accountId)) return true;
  }
  return false;
}
