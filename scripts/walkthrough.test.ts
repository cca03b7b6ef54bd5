// The walkthrough runner's parser (markers -> steps) and the bash session it writes, on the fixture
// page scripts/fixtures/walkthrough/getting-started.md (the markers of docs/getting-started.md).
// The runner itself runs in `pnpm test:walkthrough`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSession,
  describeStep,
  parseWalkthrough,
  type WalkthroughStep,
} from "./walkthrough.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = readFileSync(
  join(root, "scripts", "fixtures", "walkthrough", "getting-started.md"),
  "utf8",
);

describe("parseWalkthrough on the fixture page", () => {
  const steps = parseWalkthrough(fixture);

  it("finds the marked blocks in page order", () => {
    expect(steps.map((step) => [step.kind, step.path ?? step.lang])).toEqual([
      ["checkout", "sh"],
      ["run", "sh"],
      ["file", "src/authorizer.ts"],
      ["file", "test/authorizer.test.ts"],
      ["run", "sh"],
    ]);
  });

  it("keeps each block's code and the line of its marker", () => {
    const lines = fixture.split("\n");
    for (const step of steps) {
      expect(lines[step.line - 1]).toBe(`<!-- walkthrough: ${step.kind} -->`);
    }
    expect(steps[1]!.code).toBe(
      [
        "mkdir my-api && cd my-api && npm init -y",
        "node ../gatehouse/scripts/install-from-checkout.mjs authorizer",
        "node ../gatehouse/scripts/install-from-checkout.mjs --dev testing local-gateway",
        "npm install --save-dev vitest@4.1.12",
        "",
      ].join("\n"),
    );
    expect(steps[2]!.code).toMatch(/^import \{ cognitoVerifier, createAuthorizer \}/);
    expect(steps[4]!.code).toBe("npx vitest run\n");
  });

  it("writes one bash session: set -euo pipefail, checkout steps left out, files copied into my-api/", () => {
    const session = buildSession(steps, { root: "/tmp/w", filesDir: "/tmp/w/.walkthrough/files" });
    expect(session.split("\n").slice(0, 3)).toEqual([
      "set -euo pipefail",
      "exec 2>&1",
      "cd '/tmp/w'",
    ]);
    expect(session).not.toContain("git clone");
    expect(session).toContain(
      "cp '/tmp/w/.walkthrough/files/3' '/tmp/w/my-api/test/authorizer.test.ts'",
    );
    const order = [
      "::walkthrough-step %d::\\n' 1",
      "npm init -y",
      "files/2",
      "files/3",
      "npx vitest run",
      "done",
    ];
    const positions = order.map((text) => session.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("names a step in one line", () => {
    expect(describeStep(steps[2]!)).toBe(`file (line ${steps[2]!.line}): src/authorizer.ts`);
    expect(describeStep(steps[1]!)).toBe(
      `run (line ${steps[1]!.line}): mkdir my-api && cd my-api && npm init -y`,
    );
  });
});

describe("parseWalkthrough refuses a page it cannot walk", () => {
  const run = "<!-- walkthrough: run -->\n```sh\nnpx vitest run\n```\n";
  it.each([
    [
      "a marker without a block",
      `${run}<!-- walkthrough: run -->\nSome prose.\n`,
      "marker_without_block",
    ],
    [
      "an unknown marker",
      `<!-- walkthrough: skip -->\n\`\`\`sh\nls\n\`\`\`\n${run}`,
      "unknown_marker",
    ],
    [
      "a file block without a path",
      `<!-- walkthrough: file -->\n\`\`\`ts\nexport {};\n\`\`\`\n${run}`,
      "file_without_path",
    ],
    [
      "a path out of the project",
      `<!-- walkthrough: file -->\n\`\`\`ts [../x.ts]\nexport {};\n\`\`\`\n${run}`,
      "path_outside_project",
    ],
    [
      "an absolute path",
      `<!-- walkthrough: file -->\n\`\`\`ts [/etc/x.ts]\nexport {};\n\`\`\`\n${run}`,
      "path_outside_project",
    ],
    [
      "a run block that is not shell",
      "<!-- walkthrough: run -->\n```ts\nlet x = 1;\n```\n",
      "not_shell",
    ],
    [
      "a block never closed",
      "<!-- walkthrough: run -->\n```sh\nnpx vitest run\n",
      "unclosed_block",
    ],
    ["no run block", "# Title\n\n```sh\nls\n```\n", "no_run_step"],
  ])("%s", (_name, markdown, code) => {
    expect(() => parseWalkthrough(markdown)).toThrowCode(code);
  });
});

describe("parseWalkthrough, property", () => {
  const codeLine = fc.stringMatching(/^[a-z0-9 ./=@-]{0,30}$/);
  const step = fc.oneof(
    fc.record({
      kind: fc.constantFrom("run" as const, "checkout" as const),
      lines: fc.array(codeLine, { maxLength: 4 }),
    }),
    fc.record({
      kind: fc.constant("file" as const),
      lines: fc.array(codeLine, { maxLength: 4 }),
      path: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.ts$/),
    }),
  );

  it("reads back the steps a page was written from, whatever prose surrounds them", () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 6 }),
        fc.array(codeLine, { maxLength: 3 }),
        (written, prose) => {
          const page = [
            ...written.map((s) =>
              [
                ...prose,
                "",
                `<!-- walkthrough: ${s.kind} -->`,
                s.kind === "file" ? `\`\`\`ts [${s.path}]` : "```sh",
                ...s.lines,
                "```",
              ].join("\n"),
            ),
            "<!-- walkthrough: run -->\n```sh\nnpx vitest run\n```",
          ].join("\n");
          const read: WalkthroughStep[] = parseWalkthrough(page);
          expect(read.map((s) => ({ kind: s.kind, code: s.code, path: s.path }))).toEqual([
            ...written.map((s) => ({
              kind: s.kind,
              code: `${s.lines.join("\n")}\n`,
              path: "path" in s ? s.path : undefined,
            })),
            { kind: "run", code: "npx vitest run\n", path: undefined },
          ]);
        },
      ),
    );
  });
});
