import { isIdentityPoolId } from "../../identifiers/identity-pool-id.js";
import { matchesWildcard } from "../../wildcard/wildcard.js";
import { createFinding } from "../create-finding.js";
import type { ConditionEntry, StatementView } from "../lint-context.js";
import type { LintFinding } from "../lint-finding.js";
import {
  ASSUME_WITH_WEB_IDENTITY,
  cognitoAllows,
  coversAction,
  type TrustLintContext,
} from "./trust-lint-context.js";

const AUD = "cognito-identity.amazonaws.com:aud";
const AMR = "cognito-identity.amazonaws.com:amr";
const AMRS = ["authenticated", "unauthenticated"] as const;

/** Whether an aud entry restricts the role to named pools: positive, no IfExists, pool ids only. */
function restrictsAud(entry: ConditionEntry): boolean {
  const { parsed } = entry;
  if (parsed.negated || parsed.ifExists || parsed.set === "ForAllValues") return false;
  if (parsed.comparison !== "StringEquals" && parsed.comparison !== "StringLike") return false;
  return entry.values.length > 0 && entry.values.every(({ value }) => isIdentityPoolId(value));
}

/** Which of `authenticated` / `unauthenticated` a value of an amr entry selects. */
function selects(entry: ConditionEntry, value: string): (typeof AMRS)[number][] {
  return AMRS.filter((amr) =>
    entry.parsed.comparison === "StringLike"
      ? matchesWildcard(value, amr)
      : entry.parsed.comparison === "StringEqualsIgnoreCase"
        ? value.toLowerCase() === amr
        : value === amr,
  );
}

function audFindings(view: StatementView): LintFinding[] {
  const entries = view.conditions.filter((entry) => entry.keyLower === AUD);
  if (entries.some(restrictsAud)) return [];
  const [weak] = entries;
  return [
    createFinding(
      "missing_aud_condition",
      weak === undefined ? view.path : weak.path,
      weak === undefined
        ? `No ${AUD} condition: a user of any identity pool, in any account, can assume this role with its own pool's token.`
        : `${weak.operator} on ${AUD} does not restrict the role to named identity pools (it needs a positive StringEquals with pool ids, no wildcard), so users of other pools can assume it.`,
      `Add "StringEquals": { "${AUD}": "<your identity pool id>" } (identityPoolTrustPolicy writes it).`,
    ),
  ];
}

function amrFindings(view: StatementView, expected: TrustLintContext["amr"]): LintFinding[] {
  const entries = view.conditions.filter((entry) => entry.keyLower === AMR);
  if (entries.length === 0) {
    return [
      createFinding(
        "missing_amr_condition",
        view.path,
        `No ${AMR} condition: guests and signed-in users of the pool alike can assume this role (through the basic flow), whatever the pool's role settings say.`,
        `Add "ForAnyValue:StringLike": { "${AMR}": "${expected ?? "authenticated"}" }.`,
      ),
    ];
  }
  const findings: LintFinding[] = [];
  for (const entry of entries) {
    const { parsed } = entry;
    if (parsed.set !== "ForAnyValue" || parsed.negated || parsed.ifExists) {
      findings.push(
        createFinding(
          "wrong_amr_condition",
          entry.path,
          `${AMR} is multi-valued (a signed-in identity's amr also lists its providers, e.g. graph.facebook.com); AWS documents it only with ForAnyValue:StringLike, and ${entry.operator} does not select identities reliably.`,
          `Write "ForAnyValue:StringLike": { "${AMR}": "${expected ?? "authenticated"}" }.`,
        ),
      );
      continue;
    }
    for (const { value, path } of entry.values) {
      const selected = selects(entry, String(value));
      const wrong =
        expected === undefined
          ? selected.length === 2
          : selected.some((amr) => amr !== expected) ||
            (expected === "unauthenticated" && selected.length === 0);
      if (!wrong) continue;
      findings.push(
        createFinding(
          "wrong_amr_condition",
          path,
          expected === undefined
            ? `"${value}" matches both authenticated and unauthenticated identities: guests get the same role as signed-in users.`
            : `"${value}" lets ${expected === "authenticated" ? "guests (unauthenticated identities)" : "other identities than guests"} assume this ${expected} role.`,
          `Use "${expected ?? "authenticated"}" (or a provider name such as graph.facebook.com for signed-in users of one provider).`,
        ),
      );
    }
  }
  return findings;
}

/**
 * `missing_aud_condition`, `missing_amr_condition`, `wrong_amr_condition` on each statement that
 * lets the identity pool assume the role.
 * @internal
 */
export function trustConditionRules(context: TrustLintContext): LintFinding[] {
  return cognitoAllows(context)
    .filter((view) => coversAction(view, ASSUME_WITH_WEB_IDENTITY))
    .flatMap((view) => [...audFindings(view), ...amrFindings(view, context.amr)]);
}
