// Custom vitest matcher `toThrowCode`: asserts the stable `code` (and optionally other fields such
// as `path` or `expected`) of a Gatehouse error, so tests read like the specification they are.
//   expect(() => parseExecuteApiArn("x")).toThrowCode("invalid_arn");
//   expect(() => build(input)).toThrowCode("invalid_context", { path: "context.user" });
//   await expect(verifier.verify(token)).rejects.toThrowCode("jwks_timeout");
// Registered for every test file by `setupFiles` in vitest.config.ts.
import { expect } from "vitest";

/** Fields of the thrown error that must equal the given values (deep equality; asymmetric matchers such as `expect.stringMatching` work). */
export type ThrownErrorFields = Readonly<Record<string, unknown>>;

interface ThrowCodeMatchers<R = unknown> {
  /**
   * The function throws (or, after `.rejects`, the promise rejects with) an error whose `code`
   * is `code` and whose other listed fields equal `fields`.
   */
  toThrowCode(code: string, fields?: ThrownErrorFields): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: mirrors vitest's own declaration
  interface Matchers<T = any> extends ThrowCodeMatchers<T> {}
}

type Outcome = { threw: true; error: unknown } | { threw: false; value: unknown };

function outcomeOf(received: unknown, rejected: boolean): Outcome {
  // After `.rejects` vitest hands the rejection reason itself to the matcher.
  if (rejected) return { threw: true, error: received };
  if (typeof received !== "function") {
    throw new TypeError(
      `toThrowCode expects a function (or a promise with .rejects), got ${typeof received}`,
    );
  }
  try {
    const value: unknown = received();
    if (value instanceof Promise) {
      throw new TypeError(
        "toThrowCode got a function returning a promise: use `await expect(promise).rejects.toThrowCode(code)`",
      );
    }
    return { threw: false, value };
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith("toThrowCode got")) throw error;
    return { threw: true, error };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const shown = code === undefined ? "no code" : `code ${JSON.stringify(code)}`;
    return `${error.name} with ${shown}: ${error.message}`;
  }
  return `a non-Error value ${JSON.stringify(error)}`;
}

expect.extend({
  toThrowCode(received: unknown, code: string, fields: ThrownErrorFields = {}) {
    const { isNot, promise, utils } = this;
    const outcome = outcomeOf(received, promise === "rejects");
    const wanted = Object.keys(fields).length === 0 ? "" : ` and ${utils.stringify(fields)}`;
    if (!outcome.threw) {
      return {
        pass: false,
        message: () =>
          `expected a throw with code ${JSON.stringify(code)}${wanted}, but it returned ${utils.stringify(outcome.value)}`,
      };
    }
    const error = outcome.error as Record<string, unknown> | null | undefined;
    const actual = error !== null && typeof error === "object" ? error : {};
    const mismatches: string[] = [];
    if (!(outcome.error instanceof Error)) mismatches.push("the thrown value is not an Error");
    if (!Object.is(actual["code"], code)) {
      mismatches.push(
        `code: expected ${JSON.stringify(code)}, got ${utils.stringify(actual["code"])}`,
      );
    }
    for (const [key, value] of Object.entries(fields)) {
      if (!this.equals(actual[key], value)) {
        mismatches.push(
          `${key}: expected ${utils.stringify(value)}, got ${utils.stringify(actual[key])}`,
        );
      }
    }
    const pass = mismatches.length === 0;
    return {
      pass,
      message: () =>
        isNot
          ? `expected no throw with code ${JSON.stringify(code)}${wanted}, but got ${describeError(outcome.error)}`
          : `expected a throw with code ${JSON.stringify(code)}${wanted}, but got ${describeError(outcome.error)}\n  ${mismatches.join("\n  ")}`,
      actual: {
        code: actual["code"],
        ...Object.fromEntries(Object.keys(fields).map((k) => [k, actual[k]])),
      },
      expected: { code, ...fields },
    };
  },
});
