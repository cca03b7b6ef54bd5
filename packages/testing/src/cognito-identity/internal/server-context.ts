import type { PolicyDocument } from "@gatehouse/policy";
import type { SigV4VerifierCredentials } from "@gatehouse/sigv4";
import type { IdentityPoolConfig } from "../identity-pool-config.js";
import type { CredentialRegistry } from "./credential-registry.js";
import type { IdentityRegistry } from "./identity-registry.js";
import type { LoginValidator } from "./login-validator.js";
import type { OpenIdSigner } from "./open-id-signer.js";
import type { RoleCatalog } from "./role-catalog.js";

/** What the operations share: configuration, state and the clock. @internal */
export interface ServerContext {
  readonly pools: ReadonlyMap<string, IdentityPoolConfig>;
  readonly registries: ReadonlyMap<string, IdentityRegistry>;
  readonly validator: LoginValidator;
  readonly signer: OpenIdSigner;
  readonly credentials: CredentialRegistry;
  readonly roles: RoleCatalog;
  readonly developerCredentials: SigV4VerifierCredentials | undefined;
  readonly region: string;
  readonly now: () => number;
  readonly credentialsLifetimeSeconds: number;
  readonly expirationFormat: "seconds" | "exponent";
  /** `undefined`: `resolveIdentityPoolRole`'s default (AWS's scope-down policy). */
  readonly guestSessionPolicy: PolicyDocument | null | undefined;
}
