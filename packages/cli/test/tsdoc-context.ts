/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
export declare const jwt: string;
export declare const readerToken: string;
/** What `gatehouse audit --json` printed. */
export declare const stdout: string;
