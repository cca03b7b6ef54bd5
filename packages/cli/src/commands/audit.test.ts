import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../internal/capture-io.js";
import type { AuditReport } from "./audit.js";

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

/** A REST API whose resource policy allows everything, next to a route table: Table A. */
const TABLE_A_DESCRIPTION = {
  name: "pets",
  target: {
    partition: "aws",
    region: "us-east-1",
    accountId: "123456789012",
    apiId: "abc123",
    stage: "prod",
  },
  apiType: "rest",
  resourcePolicy: {
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*" },
    ],
  },
  routes: [
    { route: "GET /pets", auth: { authorizer: "gatehouse" } },
    { route: "DELETE /pets/{id}", auth: { authorizer: "gatehouse" } },
  ],
  authorizers: {
    gatehouse: { type: "LAMBDA", routes: { "GET /pets": { scopes: ["pets/read"] } } },
  },
  callers: [
    { kind: "anonymous", name: "anonymous" },
    { kind: "token", name: "reader", scopes: ["pets/read"] },
  ],
};

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-audit-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const GATEWAY_CONFIG = `
const stage = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev";
const users = { "reader-token": "reader" };
export default {
  apis: [{
    type: "REST",
    name: "pets",
    authorizers: {
      exact: {
        type: "TOKEN",
        handler: (event) => {
          const user = users[event.authorizationToken.replace(/^Bearer /, "")];
          if (user === undefined) throw new Error("Unauthorized");
          return { principalId: user, policyDocument: { Version: "2012-10-17", Statement: [
            { Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn },
          ] } };
        },
      },
    },
    routes: [
      { method: "GET", resource: "/pets", auth: { authorizer: "exact" }, handler: () => ({ statusCode: 200, body: "[]" }) },
      { method: "GET", resource: "/pets/{id}", auth: { authorizer: "exact" }, handler: () => ({ statusCode: 200, body: "{}" }) },
    ],
  }],
  audit: {
    callers: [
      { name: "anonymous" },
      { name: "reader", headers: { authorization: "Bearer reader-token" }, grants: ["GET /pets", "GET /pets/{id}"] },
    ],
  },
};
`;

describe("gatehouse audit --demo", () => {
  it("the demo API has no unintended cell", async () => {
    const result = await runCaptured(["audit", "--demo", "--json"]);
    const report = JSON.parse(result.stdout) as AuditReport;
    const unintended = report.audits.flatMap((audit) =>
      audit.unintended.map(
        (cell) => `${audit.api} ${cell.caller} ${cell.method} ${cell.path} ${cell.cause}`,
      ),
    );
    expect(unintended).toEqual([]);
    expect(result.code).toBe(0);
    expect(report).toMatchObject({ ok: true, source: "local-gateway", warnings: [] });
    expect(report.audits.map((audit) => audit.api)).toEqual(["pets-rest", "orders-http"]);
    const rest = report.audits[0];
    const status = (caller: string, method: string, path: string) =>
      rest?.cells.find((c) => c.caller === caller && c.method === method && c.path === path);
    expect(status("reader", "POST", "/pets")).toMatchObject({ status: 403, reached: false });
    expect(status("admin", "POST", "/pets")).toMatchObject({ status: 200, intended: true });
    expect(status("reports-role", "GET", "/reports")).toMatchObject({
      status: 200,
      intended: true,
    });
    expect(status("partner-account", "GET", "/reports")).toMatchObject({
      status: 403,
      reason: "cross_account_not_allowed",
    });
    expect(status("anonymous", "GET", "/pets")).toMatchObject({
      status: 401,
      reason: "missing_identity_source",
    });
    // The naive `Resource: event.methodArn` authorizer: reached, but only on a fresh cache.
    expect(status("reader", "GET", "/naive/pets/1")).toMatchObject({
      reached: true,
      cacheDependent: true,
    });
    // createAuthorizer's answer is the same for every route: never cache-dependent.
    expect(status("reader", "GET", "/pets/1")).toMatchObject({
      reached: true,
      cacheDependent: false,
    });
    // API keys: the key-required route, refused to every caller without a key.
    expect(rest?.apiKeys).toMatchObject({
      apiKeySource: "HEADER",
      required: ["GET /partner/feed"],
      usagePlans: ["demo-partner-plan"],
      findings: [],
    });
    expect(rest?.apiKeys?.withoutKey).toContain("GET /pets");
    expect(status("reader", "GET", "/partner/feed")).toMatchObject({
      status: 403,
      reason: "invalid_api_key",
      reached: false,
    });
    expect(report.audits[1]?.apiKeys).toBeUndefined();
    expect(result.stdout).not.toMatch(JWT);
  }, 60_000);

  it("prints the route x caller table in Markdown", async () => {
    const result = await runCaptured(["audit", "--demo"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("# Access audit: pets-rest");
    expect(result.stdout).toContain(
      "| route | request | anonymous | reader | admin | profile-only | reports-role | partner-account |",
    );
    expect(result.stdout).toContain(
      "| `POST /pets` | `POST /pets` | 401 | 403 | 200 | 403 | 401 | 401 |",
    );
    expect(result.stdout).toContain("No unintended access");
    expect(result.stdout).toContain("## API keys (source `HEADER`)");
    expect(result.stdout).toContain("- Required on: `GET /partner/feed`");
    expect(result.stderr).toContain("0 unintended cell(s)");
    expect(result.stdout + result.stderr).not.toMatch(JWT);
  }, 60_000);
});

describe("gatehouse audit <description>", () => {
  it("reports the Table A trap with its cause and fix, and exits 1", async () => {
    const cwd = workdir({ "api.json": JSON.stringify(TABLE_A_DESCRIPTION) });
    const result = await runCaptured(["audit", "api.json"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("| `DELETE /pets/{id}` | `DELETE /pets/1` | 401 | **200 !** |");
    expect(result.stdout).toContain("## Unintended access (1)");
    expect(result.stdout).toContain(
      "- **reader** reaches `DELETE /pets/{id}` (`DELETE /pets/1`): 200 (allowed). Cause: `resource_policy_allow`.",
    );
    expect(result.stdout).toContain("Fix: The resource policy allows it");
    expect(result.stderr).toContain("1 unintended cell(s)");
  });

  it("--json has stable field names; --fail-on never exits 0", async () => {
    const cwd = workdir({ "api.json": JSON.stringify(TABLE_A_DESCRIPTION) });
    const result = await runCaptured(["audit", "api.json", "--json", "--fail-on", "never"], {
      cwd,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.ok).toBe(true);
    expect(report.source).toBe("model");
    expect(Object.keys(report.audits[0] ?? {})).toEqual([
      "api",
      "stageArn",
      "callers",
      "probes",
      "cells",
      "unintended",
      "warnings",
      "summary",
    ]);
    expect(Object.keys(report.audits[0]?.unintended[0] ?? {})).toEqual([
      "route",
      "method",
      "path",
      "methodArn",
      "caller",
      "status",
      "reason",
      "reached",
      "intended",
      "via",
      "cachedFrom",
      "cacheDependent",
      "cause",
    ]);
  });

  it("reads a module description with a function authorizer", async () => {
    const cwd = workdir({
      "api.mjs": `export default {
        target: { partition: "aws", region: "us-east-1", accountId: "123456789012", apiId: "abc123", stage: "prod" },
        apiType: "http",
        routes: [
          { route: "GET /pets/{id}", auth: { authorizer: "fn" } },
          { route: "GET /pets/{id}/medical-records", auth: { authorizer: "fn" } },
        ],
        authorizers: { fn: { type: "LAMBDA", authorize: () => ({ principalId: "u", policyDocument: {
          Version: "2012-10-17",
          Statement: [{ Action: "execute-api:Invoke", Effect: "Allow",
            Resource: "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/*" }],
        } }) } },
        callers: [{ kind: "token", name: "reader", grants: ["GET /pets/{id}"] }],
      };`,
    });
    const result = await runCaptured(["audit", "api.mjs", "--json"], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.audits[0]?.unintended.map((c) => `${c.path} ${c.cause}`)).toEqual([
      "/pets/1/medical-records authorizer_policy",
    ]);
  });
});

describe("gatehouse audit <gateway config>", () => {
  it("audits a local gateway config's audit section with real requests", async () => {
    const cwd = workdir({ "gateway.config.mjs": GATEWAY_CONFIG });
    const result = await runCaptured(["audit", "gateway.config.mjs", "--json"], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.source).toBe("local-gateway");
    expect(report.audits[0]?.summary).toMatchObject({
      unintended: 0,
      reached: 2,
      cacheDependent: 2,
    });
  });

  it("--fail-on cache-dependent fails on the `Resource: event.methodArn` cache bug", async () => {
    const cwd = workdir({ "gateway.config.mjs": GATEWAY_CONFIG });
    const result = await runCaptured(
      ["audit", "gateway.config.mjs", "--fail-on", "cache-dependent"],
      { cwd },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("| `GET /pets/{id}` | `GET /pets/1` | 401 | 200 ~ |");
  });
});

describe("gatehouse audit: usage errors (exit 2)", () => {
  it.each([
    [[], /missing <config>/],
    [["x.json", "--demo"], /either --demo or <config>/],
    [["missing.mjs"], /cannot load missing\.mjs/],
    [["--fail-on", "sometimes", "--demo"], /--fail-on must be one of/],
  ])("%j", async (argv, message) => {
    const result = await runCaptured(["audit", ...argv], { cwd: tmpdir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it("an invalid description names what is wrong", async () => {
    const cwd = workdir({
      "api.json": JSON.stringify({
        ...TABLE_A_DESCRIPTION,
        callers: [{ kind: "token", name: "reader", grants: ["GET /nope"] }],
      }),
      "bad-template.json": JSON.stringify({
        ...TABLE_A_DESCRIPTION,
        routes: [{ route: "GET pets", auth: "NONE" }],
      }),
      "gateway.json": JSON.stringify({ apis: [] }),
    });
    const grant = await runCaptured(["audit", "api.json"], { cwd });
    expect(grant.code).toBe(2);
    expect(grant.stderr).toContain('grants names "GET /nope", which covers no route of the API');
    const template = await runCaptured(["audit", "bad-template.json"], { cwd });
    expect(template.code).toBe(2);
    expect(template.stderr).toContain("routes[0].route: invalid_route_template");
    const gateway = await runCaptured(["audit", "gateway.json"], { cwd });
    expect(gateway.code).toBe(2);
    expect(gateway.stderr).toContain("A local gateway config is a JavaScript module");
  });

  it("a gateway config without an audit section", async () => {
    const cwd = workdir({
      "gateway.config.mjs": `export default { apis: [{ type: "HTTP", routes: [
        { routeKey: "GET /hello", auth: "NONE", handler: () => ({ statusCode: 200, body: "hi" }) },
      ] }] };`,
    });
    const result = await runCaptured(["audit", "gateway.config.mjs"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the config has no audit section");
  });
});
