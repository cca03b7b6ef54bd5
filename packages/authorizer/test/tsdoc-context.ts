/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
import type { TokenVerifier } from "../src/index.js";

export declare const token: string;
export declare const verifier: TokenVerifier;
export declare const issuer: string;
export declare const jwksUri: string;
export declare const log: { info(data: Record<string, unknown>): void };
