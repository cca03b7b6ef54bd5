/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
import type {
  AwsCredentials,
  CredentialsProvider,
  SignableRequest,
  SignedRequest,
} from "../src/index.js";

export declare const credentials: AwsCredentials;
export declare const provider: CredentialsProvider;
export declare const request: SignableRequest;
export declare const signedRequest: SignedRequest;
/** Your own credentials source, e.g. an identity-pool client's `getCredentials`. */
export declare function fromCognito(): Promise<AwsCredentials>;
