import type { AccessAudit } from "@gatehouse/policy";
import type { AuditInput } from "../audit/load-audit-input.js";
import { CliError, isCliError, usageError } from "../errors.js";
import type { CommandSpec } from "../internal/command.js";
import { policyInputError } from "../internal/policy-errors.js";

type FailOn = "unintended" | "cache-dependent" | "never";

/**
 * What `gatehouse audit --json` prints.
 *
 * @example
 * ```ts
 * const report = JSON.parse(stdout) as AuditReport;
 * for (const audit of report.audits) console.log(audit.api, audit.unintended.length);
 * ```
 */
export interface AuditReport {
  /** No unintended cell (and, with `--fail-on cache-dependent`, no cache-dependent one). */
  ok: boolean;
  /** `model`: an audit description; `local-gateway`: real requests to the config's gateway. */
  source: "model" | "local-gateway";
  audits: AccessAudit[];
  /** APIs of the config that were not audited. */
  warnings: string[];
}

async function runAudits(
  input: AuditInput,
): Promise<Pick<AuditReport, "audits" | "source" | "warnings">> {
  if (input.kind === "descriptions") {
    const { auditApiAccess } = await import("@gatehouse/policy");
    const audits: AccessAudit[] = [];
    for (const [index, description] of input.descriptions.entries()) {
      // JSON has no dates: an ISO time string stands for `now`.
      const now = (description as { now?: unknown }).now;
      const read = typeof now === "string" ? { ...description, now: new Date(now) } : description;
      try {
        audits.push(await auditApiAccess(read));
      } catch (error) {
        throw policyInputError(
          error,
          input.descriptions.length > 1 ? `description ${index}` : undefined,
        );
      }
    }
    return { audits, source: "model", warnings: [] };
  }
  const { auditLocalGateway } = await import("../audit/audit-local-gateway.js");
  try {
    return { ...(await auditLocalGateway(input.config)), source: "local-gateway" };
  } catch (error) {
    if (isCliError(error)) throw error;
    const code = (error as { code?: unknown }).code;
    // The gateway refused the config (as `gatehouse dev` would): a usage error.
    if (error instanceof TypeError || code === "invalid_config") {
      throw usageError(`invalid config: ${(error as Error).message}`);
    }
    throw policyInputError(error);
  }
}

/** `gatehouse audit`. @internal */
export const audit: CommandSpec = {
  path: ["audit"],
  summary: "who can call what: the access matrix of an API, and every unintended cell",
  args: "<config>",
  description: [
    "<config> is a .json/.mjs/.js file exporting an audit description (routes with their authorization, authorizers, resource policy, callers and their grants: docs/policy/audit.md), evaluated with the API Gateway model, or a local gateway config (the one `gatehouse dev` serves) with an `audit: { callers }` section: then the real gateway runs on 127.0.0.1 with stub integrations and each caller sends real requests, each route first after an empty authorizer cache and after every other route of the same authorizer.",
    "Prints, per API, a route x caller table of statuses and the cells where a caller reaches a route its grant does not name, with the cause and how to fix it. `--demo` audits the API of `gatehouse demo`.",
  ],
  options: {
    json: {
      type: "boolean",
      description: "Print { ok, source, audits: [{ api, cells, unintended, summary, ... }] }",
    },
    demo: { type: "boolean", description: "Audit the API of `gatehouse demo` (no <config>)" },
    "fail-on": {
      type: "string",
      value: "<level>",
      choices: ["unintended", "cache-dependent", "never"],
      description:
        "Exit 1 on unintended cells, also on cache-dependent cells (intermittent 403s), or never",
      defaultText: "unintended",
    },
  },
  positionals: { min: 0, max: 1 },
  examples: [
    "gatehouse audit --demo",
    "gatehouse audit gateway.config.mjs",
    "gatehouse audit api-access.json --json | jq '.audits[].unintended'",
    "gatehouse audit gateway.config.mjs --fail-on cache-dependent",
  ],
  exitCodes: [
    "0  no unintended cell (with --fail-on never: always, once the audit ran)",
    "1  a caller reaches a route its grant does not name (or, with --fail-on cache-dependent, an answer depends on the authorizer cache)",
    "2  no <config>, or a config or description that cannot be loaded or is invalid",
    "3  the audit could not run (a request failed or timed out, no free port)",
  ],
  async run(context) {
    const { out } = context;
    const file = context.positionals[0];
    const demo = context.flag("demo");
    if ((file === undefined) === !demo) {
      throw usageError(
        demo ? "give either --demo or <config>, not both" : "gatehouse audit: missing <config>",
        "Usage: gatehouse audit <config> [--json] [--fail-on <level>], or gatehouse audit --demo",
      );
    }
    const failOn = context.choice<FailOn>("fail-on", "unintended");
    let report: Pick<AuditReport, "audits" | "source" | "warnings">;
    if (demo) {
      const { startDemoAudit } = await import("../demo/demo-audit.js");
      let prepared: Awaited<ReturnType<typeof startDemoAudit>> | undefined;
      try {
        prepared = await startDemoAudit();
        report = await runAudits({ kind: "gateway", config: prepared.config });
      } catch (error) {
        if (isCliError(error)) throw error;
        throw new CliError("runtime", `the demo audit could not run: ${(error as Error).message}`, {
          cause: error,
        });
      } finally {
        await prepared?.close();
      }
    } else {
      const { loadAuditInput } = await import("../audit/load-audit-input.js");
      report = await runAudits(await loadAuditInput(file as string, context.io));
    }
    const unintended = report.audits.reduce((sum, item) => sum + item.summary.unintended, 0);
    const cacheDependent = report.audits.reduce(
      (sum, item) => sum + item.summary.cacheDependent,
      0,
    );
    const failed =
      failOn === "never"
        ? false
        : unintended > 0 || (failOn === "cache-dependent" && cacheDependent > 0);
    if (context.flag("json")) {
      out.json({ ok: !failed, ...report } satisfies AuditReport);
      return failed ? 1 : 0;
    }
    const { renderAuditMarkdown } = await import("../audit/render-audit-markdown.js");
    out.line(renderAuditMarkdown(report.audits, report.source, report.warnings));
    out.line("");
    const summary = `${report.audits.length} API(s): ${unintended} unintended cell(s), ${cacheDependent} cache-dependent`;
    out.note(failed ? out.red(summary) : out.green(summary));
    return failed ? 1 : 0;
  },
};
