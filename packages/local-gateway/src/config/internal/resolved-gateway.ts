/**
 * The whole gateway config, validated at start, with its defaults resolved.
 * @internal
 * @packageDocumentation
 */
import type { Partition, UsagePlans } from "@gatehouse/policy";
import type { SigV4VerifierOptions } from "@gatehouse/sigv4";
import type { CredentialSource } from "../../authorization/internal/iam-credentials.js";
import type { GatewayDecisionRecord } from "../gateway-config.js";
import type { ResolvedTls } from "./resolve-tls.js";
import type { ResolvedApi } from "./resolved-api.js";

/** @internal */
export interface ResolvedGateway {
  port: number;
  region: string;
  accountId: string;
  partition: Partition;
  apis: readonly ResolvedApi[];
  authorizerNames: readonly string[];
  credentials: CredentialSource;
  /** The verifier's settings; its keys come from `credentials`, per request. */
  verifierOptions: Omit<SigV4VerifierOptions, "credentials">;
  trustForwardedFor: boolean;
  now: () => Date;
  maxBodyBytes: number;
  onDecision: ((record: GatewayDecisionRecord) => void) | undefined;
  /** The gateway's API keys and usage plans (empty when none are configured). */
  usagePlans?: UsagePlans;
  /** HTTPS, and mutual TLS with a truststore; `undefined` for plain HTTP. */
  tls?: ResolvedTls | undefined;
}

/** @internal The region, account and partition every API of the gateway lives in. */
export interface GatewayIdentity {
  region: string;
  accountId: string;
  partition: Partition;
}
