/**
 * Who may import whom: the one table behind `pnpm lint`'s import checks (scripts/check-imports.mjs
 * and the generated `noRestrictedImports` overrides in biome.json) and the per-package tsconfig
 * paths (scripts/check-types.mjs). docs/architecture.md explains it; change both together.
 *
 * The table constrains PRODUCTION code: the files reachable from a package's entry points (the
 * `exports` map and `bin`, plus `*.browser.ts` variants). Tests (`*.test.ts`, `test/**`) and the
 * test-support files only tests import may also use `@gatehouse/testing` and every other workspace
 * package except `@gatehouse/cli`.
 */

/**
 * @typedef {object} ImportRule
 * @property {string} package       the workspace package that may be imported
 * @property {boolean} [typesOnly]  only `import type` (erased at run time)
 * @property {string[]} [onlyIn]    only from files under these folders of the importing package
 *
 * @typedef {object} PackageRule
 * @property {(string | ImportRule)[] | "*"} imports  what production code may import ("*": every other package)
 * @property {boolean} [nodeBuiltins]  false: production code imports no Node built-in (`node:*`)
 * @property {string} why  one line for the error message and docs/architecture.md
 */

/** @type {Record<string, PackageRule>} */
export const packageRules = {
  "@gatehouse/policy": {
    imports: [],
    nodeBuiltins: false,
    why: "policy is the core: no other package, no Node built-in (a CDK app, a browser and a Lambda all load it)",
  },
  "@gatehouse/sigv4": {
    imports: [],
    why: "sigv4 stands alone: credentials arrive through a provider",
  },
  "@gatehouse/authorizer": {
    imports: ["@gatehouse/policy"],
    why: "authorizer builds its responses with policy",
  },
  "@gatehouse/identity-pool": {
    imports: [{ package: "@gatehouse/sigv4", onlyIn: ["src/developer"] }],
    nodeBuiltins: false,
    why: "identity-pool runs in browsers on fetch; only the server-side developer helper (src/developer/) signs with sigv4",
  },
  "@gatehouse/testing": {
    imports: ["@gatehouse/policy", "@gatehouse/sigv4"],
    why: "testing plays AWS on loopback with policy and sigv4",
  },
  "@gatehouse/local-gateway": {
    imports: [
      "@gatehouse/policy",
      "@gatehouse/sigv4",
      { package: "@gatehouse/authorizer", typesOnly: true },
    ],
    why: "local-gateway composes policy and sigv4's verifier, and runs authorizers it only knows by type",
  },
  "@gatehouse/cdk": {
    imports: ["@gatehouse/policy", { package: "@gatehouse/authorizer", typesOnly: true }],
    why: "cdk deploys what policy defines, and takes authorizer options by type",
  },
  "@gatehouse/cli": {
    imports: "*",
    why: "cli is the only package that may import all others",
  },
};

/** Only tests and the CLI use these; production code of other packages never imports them. */
export const testOnlyPackages = ["@gatehouse/testing"];

/** Nothing imports these (their own tests excepted). */
export const leafPackages = ["@gatehouse/cli"];

/**
 * Named, reviewed breaches of the table, each limited to files and imported names. An exception
 * that no longer matches an import fails the check as stale, so each is removed the day its cause
 * goes away.
 *
 * @type {{ id: string, package: string, imports: string, files: Record<string, string[]>, reason: string }[]}
 */
export const exceptions = [];

/** Normalised view of one package's rule: the allowed imports as `ImportRule`s. */
export function allowedImports(name, allPackageNames) {
  const rule = packageRules[name];
  if (!rule) return undefined;
  if (rule.imports === "*") {
    return allPackageNames.filter((other) => other !== name).map((other) => ({ package: other }));
  }
  return rule.imports.map((entry) => (typeof entry === "string" ? { package: entry } : entry));
}
