import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import type { IdentityPoolConfig, IssuedCredentials } from "../cognito-identity-server.js";
import type { IdentityRegistry } from "./identity-registry.js";
import type { LoginValidator } from "./login-validator.js";
import type { OpenIdSigner } from "./open-id-signer.js";

/** What the operations share: configuration, state and the clock. @internal */
export interface ServerContext {
  readonly pools: ReadonlyMap<string, IdentityPoolConfig>;
  readonly registries: ReadonlyMap<string, IdentityRegistry>;
  readonly validator: LoginValidator;
  readonly signer: OpenIdSigner;
  readonly issued: IssuedCredentials[];
  readonly developerCredentials: SigV4VerifierCredentials | undefined;
  readonly region: string;
  readonly now: () => number;
  readonly credentialsLifetimeSeconds: number;
  readonly expirationFormat: "seconds" | "exponent";
  /** A stable `AROA...` id per role ARN. */
  roleId(roleArn: string): string;
}
