/**
 * An API of the gateway, validated at start, with its defaults resolved.
 * @internal
 * @packageDocumentation
 */
import type {
  ApiKeyCheckOrder,
  ApiKeySource,
  CognitoResourcePolicyMode,
  CompiledPolicy,
  EndpointType,
  JwtResourcePolicyMode,
} from "@gatehouse/policy";
import type { IntegrationHandler } from "../gateway-config.js";
import type { WebSocketConnectProxyEvent } from "../proxy-event.js";
import type { ApiType } from "./api-type.js";
import type { ResolvedRoute } from "./resolved-route.js";

/** @internal */
export interface ResolvedApi {
  name: string;
  type: ApiType;
  apiId: string;
  stage: string;
  /** `{apiId}.execute-api.{region}.amazonaws.com`: `requestContext.domainName` of its events. */
  domainName: string;
  /** Local mount point: basePath plus `/{stage}` (unless HTTP `$default`). */
  prefix: string;
  endpointType: EndpointType;
  /** Compiled once at start (a change to the config object afterwards is not seen). */
  resourcePolicy: CompiledPolicy | null;
  cognitoResourcePolicy: CognitoResourcePolicyMode;
  jwtResourcePolicy: JwtResourcePolicyMode;
  sourceVpc: string | undefined;
  sourceVpce: string | undefined;
  stageVariables: Readonly<Record<string, string>>;
  routes: readonly ResolvedRoute[];
  connectHandler: IntegrationHandler<WebSocketConnectProxyEvent> | undefined;
  /** Where `apiKeyRequired` methods read the key (REST, WebSocket). @default "HEADER" */
  apiKeySource?: ApiKeySource;
  /** When `apiKeyRequired` methods check the key. @default "after-authorization" */
  apiKeyCheck?: ApiKeyCheckOrder;
}
