// The policy guide's JSON must be what the library produces: each ```ts block of
// docs/policy/resource-policies.md is run against the package (imports stripped), every
// `composeResourcePolicy` result is recorded, and each ```json policy block of the page must equal
// one of them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as policy from "@gatehouse/policy";
import { describe, expect, it } from "vitest";

const page = fileURLToPath(new URL("../../../docs/policy/resource-policies.md", import.meta.url));
const markdown = readFileSync(page, "utf8");

function blocks(lang: string): string[] {
  const fence = new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\``, "gm");
  return [...markdown.matchAll(fence)].map((match) => match[1] ?? "");
}

function runSnippets(): unknown[] {
  const produced: unknown[] = [];
  const scope: Record<string, unknown> = {
    ...policy,
    composeResourcePolicy: (...args: Parameters<typeof policy.composeResourcePolicy>) => {
      const result = policy.composeResourcePolicy(...args);
      produced.push(result);
      return result;
    },
  };
  const names = Object.keys(scope);
  for (const code of blocks("ts")) {
    const body = code.replace(/^import [^;]+;$/gm, "");
    new Function(...names, body)(...names.map((name) => scope[name]));
  }
  return produced;
}

describe("docs/policy/resource-policies.md", () => {
  const produced = runSnippets();
  const documented = blocks("json")
    .map((text) => JSON.parse(text) as unknown)
    .filter((value) => typeof value === "object" && value !== null && "Statement" in value);

  it("runs its snippets and shows a JSON policy for each preset", () => {
    expect(produced.length).toBeGreaterThanOrEqual(8);
    const sids = new Set(
      documented.flatMap((doc) =>
        (doc as { Statement: { Sid?: string }[] }).Statement.map((statement) => statement.Sid),
      ),
    );
    for (const sid of [
      "AllowNoneAuthMethods",
      "AllowCognitoMethods",
      "DenyIpDenylist",
      "DenyIpAllowlist",
      "DenyPrivateIpDenylist",
      "DenySourceVpcAllowlist",
      "DenyVpcEndpointAllowlist",
    ]) {
      expect(sids, sid).toContain(sid);
    }
  });

  it.each(documented.map((doc, index) => [index, doc] as const))(
    "JSON block %i is what the library produces",
    (_index, doc) => {
      expect(produced).toContainEqual(doc);
    },
  );
});
