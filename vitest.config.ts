import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) =>
  fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources; the packed tarballs are checked by scripts/check-packages.mjs.
export default defineConfig({
  resolve: {
    alias: {
      "@gatehouse/policy": src("policy"),
      "@gatehouse/sigv4": src("sigv4"),
      "@gatehouse/testing": src("testing"),
      "@gatehouse/authorizer/jose": fileURLToPath(
        new URL("./packages/authorizer/src/jose.ts", import.meta.url),
      ),
      "@gatehouse/authorizer/middy": fileURLToPath(
        new URL("./packages/authorizer/src/middy.ts", import.meta.url),
      ),
      "@gatehouse/authorizer": src("authorizer"),
      "@gatehouse/identity-pool": src("identity-pool"),
      "@gatehouse/local-gateway": src("local-gateway"),
      "@gatehouse/cli": src("cli"),
    },
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "bench/src/**/*.test.ts",
      "test/**/*.test.ts",
      "scripts/*.test.ts",
      "scripts/lib/*.test.ts",
    ],
    environment: "node",
    // Custom matchers (toThrowCode) for every test file.
    setupFiles: ["./test/support/to-throw-code.ts"],
    pool: "forks",
    // Guards, not timing assertions: generous so a busy 2-core CI box (the 10 s load test runs
    // beside other files) does not turn slow process spawns or property runs into failures.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ["default"],
  },
});
