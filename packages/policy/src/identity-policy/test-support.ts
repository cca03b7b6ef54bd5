import type { PolicyDocument, PolicyStatement } from "../document/policy-document.js";

/**
 * A policy as AWS's documentation examples are compared with the builders' output: without `Sid`
 * (labels, not semantics; AWS's examples use `""` or names of their own) and with `Action` and
 * `Resource` always lists (IAM reads `"a"` and `["a"]` alike). Order is kept: statements, actions,
 * resources and condition values must come in the same order.
 */
export function comparable(document: PolicyDocument): unknown {
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  return {
    Version: document.Version,
    Statement: statements.map((statement: PolicyStatement) => {
      const { Sid: _sid, ...rest } = statement;
      const out: Record<string, unknown> = { ...rest };
      for (const field of ["Action", "Resource"] as const) {
        const value = rest[field];
        if (value !== undefined) out[field] = Array.isArray(value) ? value : [value];
      }
      return out;
    }),
  };
}

/** A syntactically valid identity pool id for tests. */
export const POOL_ID = "us-east-1:0b6f6a7e-2f7c-4c0f-9d55-1d0f7c9a3c11";
/** A second pool. */
export const OTHER_POOL_ID = "us-east-1:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
