/**
 * `pnpm lint` (after the import rules): no production source file above 350 lines unless it is one
 * concept. A longer file is split into concept files (internals under `internal/`), or listed in
 * ALLOWLIST below with a one-line reason why it is one concept.
 *
 *   node scripts/check-file-size.mjs            check; one line per violation, exit 1 on any
 *   node scripts/check-file-size.mjs --json     violations as JSON
 *   node scripts/check-file-size.mjs --root D   check the tree at D (with the allowlist below)
 *
 * Checked: packages/*\/src/**\/*.ts except tests (`*.test.ts`) and `test-support.ts`, and the
 * tooling scripts scripts/*.mjs and scripts/lib/*.mjs. Lines are counted as `wc -l` does. An
 * allowlist entry that no longer applies fails too: the file is missing or back under the limit.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { rel, repoRoot, walk } from "./lib/workspace.mjs";

/** Lines above which a file must be one concept. */
export const LIMIT = 350;

/**
 * Files above the limit that are one concept: repository-relative path → why. Keep the reason to
 * one line; remove the entry when the file is split or shrinks under the limit (the check fails on
 * a stale entry).
 */
export const ALLOWLIST = {
  "packages/authorizer/src/handler/authorizer-options.ts":
    "type-only: createAuthorizer's options and the types they name (events, hooks, decision log), no code",
  "packages/authorizer/src/handler/internal/create-handler.ts":
    "one concept: the handler pipeline createAuthorizer returns, one closure from event to response",
  "packages/authorizer/src/jwks/jwks-cache.ts":
    "one concept: the JwksCache class and its private helpers",
  "packages/identity-pool/src/client/create-identity-pool-client.ts":
    "one concept: the credential client, one closure over its state (identity, exchange, refresh windows); its types are in identity-pool-client.ts",
  "packages/local-gateway/src/config/gateway-config.ts":
    "type-only: startLocalGateway's config (APIs, routes, authorizers, credentials), no code",
  "packages/policy/src/index.ts":
    "one concept: the package's public surface, every export named one by one (docs/architecture.md)",
  "packages/policy/src/audit/internal/read-description.ts":
    "one concept: the validating reader of auditApiAccess's description, section by section",
};

/** Number of lines as `wc -l` counts them (newline characters). */
export function countLines(text) {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/** The files the rule covers, as repository-relative paths. */
export function checkedFiles(root) {
  const packages = join(root, "packages");
  const sources = existsSync(packages)
    ? walk(packages, (path) => {
        const file = rel(root, path);
        return (
          /^packages\/[^/]+\/src\/.+\.ts$/.test(file) &&
          !file.endsWith(".test.ts") &&
          !file.endsWith("/test-support.ts")
        );
      })
    : [];
  const scripts = walk(join(root, "scripts"), (path) =>
    /^scripts\/(lib\/)?[^/]+\.mjs$/.test(rel(root, path)),
  );
  return [...sources, ...scripts].map((path) => rel(root, path)).sort();
}

/**
 * Checks every covered file under `root` against `limit` and `allowlist`.
 * @returns {{ file: string, lines: number | null, code: string, message: string }[]}
 */
export function checkFileSizes(root = repoRoot, { limit = LIMIT, allowlist = ALLOWLIST } = {}) {
  const violations = [];
  for (const file of checkedFiles(root)) {
    const lines = countLines(readFileSync(join(root, file), "utf8"));
    if (lines <= limit || Object.hasOwn(allowlist, file)) continue;
    violations.push({
      file,
      lines,
      code: "file_too_long",
      message: `${lines} lines (limit ${limit}): split it into concept files, or list it in ALLOWLIST with why it is one concept`,
    });
  }
  for (const [file, reason] of Object.entries(allowlist)) {
    const path = join(root, file);
    if (typeof reason !== "string" || reason.trim() === "" || reason.includes("\n")) {
      violations.push({
        file,
        lines: null,
        code: "allowlist_reason_missing",
        message: "an allowlist entry needs a one-line reason why the file is one concept",
      });
    }
    if (!existsSync(path)) {
      violations.push({
        file,
        lines: null,
        code: "allowlist_stale",
        message: "listed in ALLOWLIST but missing: remove the entry",
      });
      continue;
    }
    const lines = countLines(readFileSync(path, "utf8"));
    if (lines <= limit) {
      violations.push({
        file,
        lines,
        code: "allowlist_stale",
        message: `listed in ALLOWLIST but ${lines} lines (limit ${limit}): remove the entry`,
      });
    }
  }
  return violations;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const rootIndex = args.indexOf("--root");
  const root = rootIndex === -1 ? repoRoot : resolve(args[rootIndex + 1] ?? ".");
  const violations = checkFileSizes(root);
  if (args.includes("--json")) {
    console.log(JSON.stringify(violations, null, 2));
  } else {
    for (const v of violations) console.error(`${v.file}  ${v.code}  ${v.message}`);
    console.log(
      violations.length === 0
        ? `check-file-size: no file above ${LIMIT} lines outside the allowlist`
        : `check-file-size: ${violations.length} violation(s): see scripts/check-file-size.mjs and docs/architecture.md`,
    );
  }
  process.exit(violations.length === 0 ? 0 : 1);
}
