/**
 * What the TSDoc `@example`s of this package use without declaring it: the values a reader already
 * has in hand. scripts/check-docs-code.mjs imports these names into every example it typechecks
 * (docs/architecture.md, "Checked examples"); declarations only, nothing runs.
 */
import type { PolicyDocument } from "@gatehouse/policy";
import type { CognitoIdentityServer } from "@gatehouse/testing";
import { expect } from "vitest";
import type { LocalGateway, LocalGatewayConfig } from "../src/index.js";

export { expect };
export declare const config: LocalGatewayConfig;
export declare const error: unknown;
export declare const gw: LocalGateway;
export declare const identityServer: CognitoIdentityServer;
export declare const roleSession: string;
export declare const allowReports: PolicyDocument;
