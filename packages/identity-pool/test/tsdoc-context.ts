/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
import type { IdentityPoolClient } from "../src/index.js";

export declare const client: IdentityPoolClient;
export declare const identityPoolId: string;
/** The user-pool sign-in of the page (Amplify, oidc-client, your own). */
export declare const session: { idToken: string };
/** The signed-in user of your backend. */
export declare const user: { id: string };
