/**
 * The Markdown report of `gatehouse audit`: a route x caller table per API, then the unintended
 * cells with their reason and how to fix them.
 * @internal
 * @packageDocumentation
 */
import type { AccessAudit, AccessAuditCell, UnintendedCause } from "@gatehouse/policy";

/** How to fix each cause, in one or two sentences. @internal */
export const FIX_HINTS: Record<UnintendedCause, string> = {
  resource_policy_allow:
    "The resource policy allows it and the authorizer (or IAM policy) is silent: same account, silent + Allow = Allow. Keep only Deny statements in the resource policy (plus Allows scoped to the NONE routes that need them), or have the authorizer answer an explicit Deny for what it does not grant.",
  authorizer_policy:
    "The authorizer's own policy covers this request: a `*` that crosses `/`, an `ANY`, or a stage-wide Allow. List the exact routes the identity may call, and add explicit Deny statements for the routes a pattern over-covers.",
  cached_authorizer_policy:
    "Only the answer cached from another route lets it through: the authorizer's answer depends on the route. Answer the identity's full route set on every route (createAuthorizer's route table does), or set the authorizer's TTL to 0.",
  iam_identity_policy:
    "The caller's IAM policy covers it (IAM's `*` crosses `/`). Name exact resources, or add a Deny for this route.",
  cognito_valid_token:
    "Any valid token of the user pool reaches it. Require a scope on the method (authorization scopes), or grant the route.",
  jwt_valid_token:
    "Any valid token of the JWT authorizer's issuers reaches it. Require a scope on the method, narrow the issuers' audiences or additional claims, or grant the route.",
  mtls_default_endpoint:
    "The mutual-TLS custom domain would refuse this caller's certificate, but the default execute-api endpoint never asks for one. Disable it (DisableExecuteApiEndpoint: true).",
};

/** `|` and line breaks would break a table cell. */
function tableText(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll(/\r?\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replaceAll("`", "'")}\``;
}

function cellText(cell: AccessAuditCell): string {
  let text = String(cell.status);
  if (cell.via === "cache") text += " (c)";
  if (cell.cacheDependent) text += " ~";
  return cell.reached && !cell.intended ? `**${text} !**` : text;
}

function describeCell(cell: AccessAuditCell): string {
  const request = `${cell.method} ${cell.path}`;
  const how =
    cell.via === "cache" && cell.cachedFrom !== null
      ? `after ${code(`${cell.cachedFrom.method} ${cell.cachedFrom.path}`)} filled the authorizer cache`
      : `(${cell.reason})`;
  return `**${tableText(cell.caller)}** reaches ${code(cell.route)} (${code(request)}): ${cell.status} ${how}`;
}

/**
 * Renders audits as Markdown.
 * @param audits - One per API.
 * @param source - How the matrix was computed, for the heading line.
 * @internal
 */
export function renderAuditMarkdown(
  audits: readonly AccessAudit[],
  source: "model" | "local-gateway",
  warnings: readonly string[] = [],
): string {
  const lines: string[] = [];
  const how =
    source === "local-gateway"
      ? "real requests to the local gateway on 127.0.0.1 (integrations stubbed), every authorizer-cache order"
      : "the API Gateway model (`auditApiAccess`), every authorizer-cache order";
  for (const audit of audits) {
    lines.push(`# Access audit: ${tableText(audit.api)}`, "");
    lines.push(`Stage ${code(audit.stageArn)}; computed from ${how}.`, "");
    lines.push(
      `| route | request | ${audit.callers.map(tableText).join(" | ")} |`,
      `| --- | --- |${audit.callers.map(() => " --- |").join("")}`,
    );
    audit.probes.forEach((probe, index) => {
      const row = audit.cells.slice(
        index * audit.callers.length,
        (index + 1) * audit.callers.length,
      );
      lines.push(
        `| ${code(probe.route)} | ${code(`${probe.method} ${probe.path}`)} | ${row.map(cellText).join(" | ")} |`,
      );
    });
    lines.push(
      "",
      "`200`: reached the integration, granted. `**200 !**`: reached, **not granted**. `(c)`: reached only through the answer cached from another route. `~`: allowed or refused depending on which route filled the authorizer cache. Other statuses: refused (the reason is in `--json`).",
      "",
    );
    const { summary } = audit;
    lines.push(
      `${summary.probes} requests x ${summary.callers} callers: ${summary.reached} reached, ${summary.unintended} unintended, ${summary.intendedNotReached} granted but refused, ${summary.cacheDependent} cache-dependent.`,
      "",
    );
    if (audit.unintended.length === 0) {
      lines.push("No unintended access: every caller reaches only what its grant names.", "");
    } else {
      lines.push(`## Unintended access (${audit.unintended.length})`, "");
      for (const cell of audit.unintended) {
        lines.push(`- ${describeCell(cell)}. Cause: ${code(cell.cause)}.`);
        lines.push(`  Fix: ${FIX_HINTS[cell.cause]}`);
      }
      lines.push("");
    }
    const refused = audit.cells.filter((cell) => cell.intended && !cell.reached);
    if (refused.length > 0) {
      lines.push(`## Granted but refused (${refused.length})`, "");
      for (const cell of refused) {
        lines.push(
          `- **${tableText(cell.caller)}** ${code(`${cell.method} ${cell.path}`)} (${code(cell.route)}): ${cell.status} ${cell.reason}`,
        );
      }
      lines.push("");
    }
    const keys = audit.apiKeys;
    if (keys !== undefined && (keys.required.length > 0 || keys.usagePlans.length > 0)) {
      const routes = (list: readonly string[]) =>
        list.length === 0 ? "none" : list.map((route) => code(route)).join(", ");
      lines.push(
        `## API keys (source ${code(keys.apiKeySource)})`,
        "",
        `- Required on: ${routes(keys.required)}`,
        `- Reachable without a key: ${routes(keys.withoutKey)}`,
        `- Usage plans on this stage: ${keys.usagePlans.length === 0 ? "none" : keys.usagePlans.map((id) => code(id)).join(", ")}`,
        ...keys.findings.map(
          (finding) =>
            `- ${code(finding.code)}${finding.route === undefined ? "" : ` ${code(finding.route)}`}: ${tableText(finding.message)}`,
        ),
        "- API keys identify and meter callers; they are not authorization.",
        "",
      );
    }
    if (audit.warnings.length > 0) {
      lines.push(
        "## Warnings",
        "",
        ...audit.warnings.map((warning) => `- ${tableText(warning)}`),
        "",
      );
    }
  }
  if (warnings.length > 0) {
    lines.push("## Not audited", "", ...warnings.map((warning) => `- ${tableText(warning)}`), "");
  }
  return lines.join("\n").trimEnd();
}
