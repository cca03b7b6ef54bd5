import {
  type EndpointType,
  type IpAddressType,
  isPolicyError,
  type LintFinding,
  type LintResourcePolicyOptions,
  type LintSeverity,
  type LintSuppression,
  lintResourcePolicy,
  type Partition,
  type PolicyError,
} from "@gatehouse/policy";
import { type CliError, usageError } from "../errors.js";
import { API_TARGET_OPTIONS, readApiTarget } from "../internal/api-target.js";
import { AUTH_TYPE_OPTION, readAuthTypes } from "../internal/auth-types-option.js";
import type { CommandSpec } from "../internal/command.js";
import type { Output } from "../internal/output.js";
import { policyInputError } from "../internal/policy-errors.js";
import { readJson } from "../internal/read-input.js";

/** Endpoint types, as API Gateway names them. @internal */
export const ENDPOINT_TYPES = ["REGIONAL", "EDGE", "PRIVATE"] as const;
/** Method authorization types (`LAMBDA` is API Gateway's `CUSTOM`). @internal */
export const AUTH_TYPES = ["NONE", "AWS_IAM", "LAMBDA", "COGNITO_USER_POOLS", "JWT"] as const;

const SEVERITY_RANK: Record<LintSeverity, number> = { error: 0, warning: 1, info: 2 };

function paintSeverity(out: Output, severity: LintSeverity): string {
  if (severity === "error") return out.red(out.bold("error"));
  if (severity === "warning") return out.yellow("warning");
  return out.cyan("info");
}

function printFindings(out: Output, file: string, findings: readonly LintFinding[]): void {
  for (const finding of findings) {
    const where = out.dim(`${file} ${finding.path === "" ? "(document)" : finding.path}`);
    if (finding.suppressed !== undefined) {
      // Still listed: a suppression stays visible in every run.
      out.line(`${out.dim(`suppressed ${finding.severity}`)} ${out.bold(finding.code)} ${where}`);
      out.line(`  ${out.dim("reason:")} ${finding.suppressed.reason}`);
      continue;
    }
    out.line(`${paintSeverity(out, finding.severity)} ${out.bold(finding.code)} ${where}`);
    out.line(`  ${finding.message}`);
    out.line(`  ${out.green("fix:")} ${finding.fix}`);
  }
  const active = findings.filter((f) => f.suppressed === undefined);
  const suppressed = findings.length - active.length;
  const count = (severity: LintSeverity) => active.filter((f) => f.severity === severity).length;
  const tail = suppressed === 0 ? "" : `, ${suppressed} suppressed`;
  if (active.length === 0) out.line(out.green(`${file}: no findings${tail}`));
  else
    out.line(
      `${file}: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} info${tail}`,
    );
}

/**
 * The usage error for a former rule name, `--suppress missing-principal=...` (`missing_principal`):
 * read from the error's fields (`actual`, the name given; `expected`, the current one), never from
 * its message.
 */
function renamedSuppression(error: PolicyError, suppress: readonly LintSuppression[]): CliError {
  const given = String(error.actual);
  const current = String(error.expected);
  const reason = suppress.find((entry) => entry.code === given)?.reason ?? "<reason>";
  return usageError(
    `--suppress ${given}: the rule code is now ${current} (codes are snake_case)`,
    `Write --suppress "${current}=${reason}".`,
  );
}

function readSuppressions(context: { strings(name: string): string[] }): LintSuppression[] {
  return context.strings("suppress").map((value) => {
    const equals = value.indexOf("=");
    const code = (equals === -1 ? value : value.slice(0, equals)).trim();
    const reason = equals === -1 ? "" : value.slice(equals + 1).trim();
    if (reason === "") {
      throw usageError(
        `--suppress ${value}: a suppression needs a reason`,
        `Write --suppress "${code || "<code>"}=<why this finding is acceptable for this API>".`,
      );
    }
    return { code: code as LintSuppression["code"], reason };
  });
}

/** `gatehouse policy lint`. @internal */
export const policyLint: CommandSpec = {
  path: ["policy", "lint"],
  summary: "check a resource policy for mistakes that let the wrong callers in or out",
  args: "<file|->",
  description: [
    "The rules of lintResourcePolicy (docs/policy/linter.md) need to know how the API is set up: its endpoint type, the authorization types of its methods and, for public APIs, whether it is dual-stack. Give --region --account --api-id to also measure the expanded size API Gateway stores.",
  ],
  options: {
    "endpoint-type": {
      type: "string",
      value: "<type>",
      choices: ENDPOINT_TYPES,
      description: "The API's endpoint type",
      defaultText: "REGIONAL",
    },
    "auth-type": AUTH_TYPE_OPTION,
    suppress: {
      type: "string",
      multiple: true,
      value: "<code=reason>",
      description:
        "Accept a rule's findings for this API, with the reason (required); they are still listed, as suppressed, and never fail the run",
    },
    "ip-address-type": {
      type: "string",
      value: "<type>",
      choices: ["ipv4", "dualstack"],
      description: "The API's IP address type (PRIVATE APIs are always dualstack)",
      defaultText: "ipv4 (dualstack for PRIVATE)",
    },
    ...API_TARGET_OPTIONS,
    "mutual-tls": {
      type: "boolean",
      description:
        "The API is served through a custom domain name with mutual TLS (warns while its default execute-api endpoint stays enabled)",
    },
    "disable-execute-api-endpoint": {
      type: "boolean",
      description: "The API has DisableExecuteApiEndpoint: true (with --mutual-tls)",
    },
    "fail-on": {
      type: "string",
      value: "<severity>",
      choices: ["error", "warning", "info"],
      description: "Exit 1 when a finding is at least this severe",
      defaultText: "error",
    },
    json: { type: "boolean", description: "Print the findings as JSON" },
  },
  positionals: { min: 1, max: 1 },
  examples: [
    "gatehouse policy lint policy.json --auth-type LAMBDA",
    'gatehouse policy lint policy.json --auth-type "OPTIONS /pets=NONE" --auth-type "OPTIONS /pets/{id}=NONE" --auth-type LAMBDA',
    'gatehouse policy lint policy.json --auth-type \'{"GET /reports": "AWS_IAM", "*": "CUSTOM"}\' --suppress "mixed_resource_forms=written by two tools"',
    "gatehouse policy lint policy.json --endpoint-type REGIONAL --auth-type AWS_IAM,LAMBDA --ip-address-type dualstack",
    "gatehouse policy generate --deny-ip 203.0.113.0/24 | gatehouse policy lint - --auth-type NONE --json",
  ],
  exitCodes: [
    "0  no finding at --fail-on severity or worse",
    "1  findings at --fail-on severity or worse",
    "2  missing --auth-type, a --suppress without a reason, unreadable file, or not a policy document",
  ],
  async run(context) {
    const file = context.positionals[0] as string;
    const authTypes = readAuthTypes(context);
    if (authTypes === undefined) {
      throw usageError(
        'gatehouse policy lint: --auth-type is required (NONE, AWS_IAM, LAMBDA, COGNITO_USER_POOLS, JWT; comma-separated for several; "ROUTE=TYPE" per method)',
        "Several rules depend on it: an Allow * overrides a Lambda authorizer's or IAM's implicit deny, Principal AWS breaks every non-AWS_IAM method, Allow-only IP lists do not stop callers reaching a Lambda authorizer.",
      );
    }
    const suppress = readSuppressions(context);
    const endpointType = context.choice<EndpointType>("endpoint-type", "REGIONAL");
    const target = readApiTarget(context);
    const partition = context.string("partition") as Partition | undefined;
    const mutualTls = context.flag("mutual-tls")
      ? { disableExecuteApiEndpoint: context.flag("disable-execute-api-endpoint") }
      : undefined;
    const common = {
      authTypes,
      ...(mutualTls === undefined ? {} : { mutualTls }),
      ...(suppress.length === 0 ? {} : { suppress }),
      ...(target === undefined ? {} : { target }),
      ...(partition === undefined ? {} : { partition }),
    };
    let options: LintResourcePolicyOptions;
    if (endpointType === "PRIVATE") {
      const ip = context.string("ip-address-type");
      if (ip === "ipv4")
        throw usageError("PRIVATE APIs are always dualstack: drop --ip-address-type ipv4");
      options = { ...common, endpointType };
    } else {
      options = {
        ...common,
        endpointType,
        ipAddressType: context.choice<IpAddressType>("ip-address-type", "ipv4"),
      };
    }
    const policy = await readJson(file, context.io);
    let findings: LintFinding[];
    try {
      findings = lintResourcePolicy(policy, options);
    } catch (error) {
      // A suppression by a rule's former kebab-case name: say the name to write instead.
      if (isPolicyError(error) && error.code === "renamed_code") {
        throw renamedSuppression(error, suppress);
      }
      // Option mistakes (a route key, a suppression code) are not the file's.
      const route = isPolicyError(error) && error.path?.startsWith("authTypes") === true;
      const source = route ? "--auth-type" : error instanceof TypeError ? undefined : file;
      throw policyInputError(error, source === "-" ? "stdin" : source);
    }
    const failOn = context.choice<LintSeverity>("fail-on", "error");
    const failed = findings.some(
      (f) => f.suppressed === undefined && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn],
    );
    if (context.flag("json")) context.out.json({ file, ok: !failed, findings });
    else printFindings(context.out, file === "-" ? "stdin" : file, findings);
    return failed ? 1 : 0;
  },
};
