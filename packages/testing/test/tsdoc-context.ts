/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
import type { TestIssuer } from "../src/index.js";

export declare const issuer: TestIssuer;
