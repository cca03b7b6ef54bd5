// Two conventions of the public API, checked on the committed snapshots (packages/*/api/*.api.md,
// which `pnpm test` keeps equal to the exports) and on the entry points themselves:
// - codes and reasons are snake_case: every string member of an exported `...Code`, `...Reason` or
//   `...Cause` union, and of an inline `code` / `reason` / `cause` union, except the unions that
//   carry names AWS defines (spelled as AWS spells them, and holding nothing else);
// - one exported name means one thing: a name exported by two entry points of a package is the same
//   declaration (and, for a value, the very same object) in both.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

const SNAKE_CASE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

/**
 * Unions whose members are not ours to spell: AWS's own error names (Cognito Identity's exception
 * names). Our codes that share the same `code` field (`IdentityPoolLocalErrorCode`) are checked
 * like any other, so the case of a code tells ours from AWS's.
 */
const AWS_SPELLED = new Set(["IdentityPoolErrorCode"]);

/** An AWS error name: `NotAuthorizedException`, STS `AccessDenied`. */
const AWS_NAME = /^[A-Z][A-Za-z0-9]*$/;

interface Snapshot {
  pkg: string;
  entry: string;
  /** Export name -> its declaration block, as the snapshot states it. */
  blocks: Map<string, { kind: string; text: string }>;
}

function parseSnapshot(pkg: string, entry: string, text: string): Snapshot {
  const blocks = new Map<string, { kind: string; text: string }>();
  const heading = /^## `([^`]+)` \(([^)]*)\)\n\n```ts\n([\s\S]*?)\n```/gm;
  for (const match of text.matchAll(heading)) {
    const [, name, kind, body] = match as unknown as [string, string, string, string];
    blocks.set(name, { kind, text: body });
  }
  return { pkg, entry, blocks };
}

function readSnapshots(): Snapshot[] {
  const snapshots: Snapshot[] = [];
  for (const pkg of readdirSync(join(root, "packages"))) {
    let files: string[];
    try {
      files = readdirSync(join(root, "packages", pkg, "api"));
    } catch {
      continue;
    }
    for (const file of files.filter((name) => name.endsWith(".api.md"))) {
      const text = readFileSync(join(root, "packages", pkg, "api", file), "utf8");
      snapshots.push(parseSnapshot(pkg, file.replace(/\.api\.md$/, ""), text));
    }
  }
  return snapshots;
}

const literals = (text: string) => [...text.matchAll(/"([^"\n]*)"/g)].map((m) => m[1] as string);

/** `Name: member` for every code or reason in a snapshot that is not snake_case. */
function caseViolations(snapshot: Snapshot): string[] {
  const found: string[] = [];
  for (const [name, block] of snapshot.blocks) {
    if (AWS_SPELLED.has(name)) continue;
    if (block.kind.startsWith("type") && /(?:Code|Reason|Cause)$/.test(name)) {
      for (const member of literals(block.text)) {
        if (!SNAKE_CASE.test(member)) found.push(`${name}: ${member}`);
      }
    }
    // Inline unions of a `code`, `reason` or `cause` property.
    const inline = /\b(?:code|reason|cause)\??: ((?:"[^"\n]*"\s*\|?\s*)+)/g;
    for (const match of block.text.matchAll(inline)) {
      for (const member of literals(match[1] as string)) {
        if (!SNAKE_CASE.test(member)) found.push(`${name}: ${member}`);
      }
    }
  }
  return found;
}

/** `Name: member` for every member of an AWS-spelled union that is not spelled like AWS's names. */
function awsSpellingViolations(snapshot: Snapshot): string[] {
  const found: string[] = [];
  for (const [name, block] of snapshot.blocks) {
    if (!AWS_SPELLED.has(name)) continue;
    for (const member of literals(block.text)) {
      if (!AWS_NAME.test(member)) found.push(`${name}: ${member}`);
    }
  }
  return found;
}

/** `pkg: name (entry, entry)` for every name two entries of a package declare differently. */
function nameClashes(snapshots: readonly Snapshot[]): string[] {
  const clashes: string[] = [];
  const byPackage = new Map<string, Snapshot[]>();
  for (const snapshot of snapshots) {
    byPackage.set(snapshot.pkg, [...(byPackage.get(snapshot.pkg) ?? []), snapshot]);
  }
  for (const [pkg, entries] of byPackage) {
    const seen = new Map<string, { entry: string; text: string }>();
    for (const snapshot of entries) {
      for (const [name, block] of snapshot.blocks) {
        const first = seen.get(name);
        if (first === undefined) seen.set(name, { entry: snapshot.entry, text: block.text });
        else if (first.text !== block.text) {
          clashes.push(`${pkg}: ${name} (${first.entry}, ${snapshot.entry})`);
        }
      }
    }
  }
  return clashes;
}

const snapshots = readSnapshots();

describe("codes and reasons are snake_case", () => {
  it("in every exported code and reason union", () => {
    expect(snapshots.flatMap(caseViolations)).toEqual([]);
  });

  it("the unions of AWS's names hold only AWS's names (ours are in a snake_case union of their own)", () => {
    const checked = snapshots.filter((snapshot) =>
      [...snapshot.blocks.keys()].some((name) => AWS_SPELLED.has(name)),
    );
    expect(checked.length).toBeGreaterThan(0);
    expect(snapshots.flatMap(awsSpellingViolations)).toEqual([]);
  });

  it("reads the unions it is meant to check", () => {
    const checked = snapshots.flatMap((snapshot) =>
      [...snapshot.blocks.keys()].filter((name) => /(?:Code|Reason|Cause)$/.test(name)),
    );
    expect(checked).toEqual(
      expect.arrayContaining([
        "GatewayAccessReason",
        "GatewayDecisionReason",
        "LintRuleCode",
        "UnintendedCause",
        "RouteTableWarningCode",
        "PolicyErrorCode",
        "AuthorizerErrorCode",
        "AuthorizerWarningCode",
        "SigV4RejectionCode",
        "SigV4ErrorCode",
        "LocalGatewayErrorCode",
        "IdentityPoolLocalErrorCode",
        "CliErrorCode",
      ]),
    );
  });

  it("bites: a kebab-case member, named or inline, is reported", () => {
    const text = [
      "## `DemoReason` (type)",
      "",
      "```ts",
      'export type DemoReason = "fine_one" | "not-fine";',
      "```",
      "",
      "## `DemoWarning` (interface)",
      "",
      "```ts",
      "export interface DemoWarning {",
      '    code: "also_fine" | "Bad-One";',
      '    kind: "per-route";',
      "}",
      "```",
    ].join("\n");
    expect(caseViolations(parseSnapshot("demo", "index", text))).toEqual([
      "DemoReason: not-fine",
      "DemoWarning: Bad-One",
    ]);
  });

  it("bites: an AWS-style code of ours, or a code of ours among AWS's names, is reported", () => {
    const text = [
      "## `IdentityPoolErrorCode` (type)",
      "",
      "```ts",
      'export type IdentityPoolErrorCode = IdentityPoolLocalErrorCode | "NotAuthorizedException" | "AccessDenied" | "network_error" | (string & {});',
      "```",
      "",
      "## `IdentityPoolLocalErrorCode` (type)",
      "",
      "```ts",
      'export type IdentityPoolLocalErrorCode = "timeout" | "TimeoutError";',
      "```",
    ].join("\n");
    const snapshot = parseSnapshot("demo", "index", text);
    expect(caseViolations(snapshot)).toEqual(["IdentityPoolLocalErrorCode: TimeoutError"]);
    expect(awsSpellingViolations(snapshot)).toEqual(["IdentityPoolErrorCode: network_error"]);
  });
});

describe("one exported name per function", () => {
  it("no two entry points of a package declare the same name differently", () => {
    expect(nameClashes(snapshots)).toEqual([]);
  });

  it("a value exported by two entry points is the same object in both", async () => {
    for (const pkg of readdirSync(join(root, "packages"))) {
      const manifest = JSON.parse(
        readFileSync(join(root, "packages", pkg, "package.json"), "utf8"),
      ) as { exports?: Record<string, unknown> };
      const keys = Object.keys(manifest.exports ?? {}).filter((key) => key !== "./package.json");
      if (keys.length < 2) continue;
      const modules = await Promise.all(
        keys.map(async (key) => {
          const name = key === "." ? "index" : key.slice(2);
          const file = join(root, "packages", pkg, "src", `${name}.ts`);
          return [
            key,
            (await import(pathToFileURL(file).href)) as Record<string, unknown>,
          ] as const;
        }),
      );
      const owner = new Map<string, { key: string; value: unknown }>();
      for (const [key, exports] of modules) {
        for (const [name, value] of Object.entries(exports)) {
          const first = owner.get(name);
          if (first === undefined) owner.set(name, { key, value });
          else expect(value, `${pkg}: ${name} in ${first.key} and ${key}`).toBe(first.value);
        }
      }
    }
  });

  it("bites: two entries declaring one name differently are reported", () => {
    const entry = (name: string, body: string) =>
      parseSnapshot("demo", name, `## \`verifier\` (function)\n\n\`\`\`ts\n${body}\n\`\`\``);
    expect(
      nameClashes([
        entry("index", "export declare function verifier(a: string): void;"),
        entry("jose", "export declare function verifier(a: number): void;"),
      ]),
    ).toEqual(["demo: verifier (index, jose)"]);
    expect(
      nameClashes([
        entry("index", "export type Same = 1;"),
        entry("jose", "export type Same = 1;"),
      ]),
    ).toEqual([]);
  });
});
