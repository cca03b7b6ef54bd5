/**
 * `requestContext.identity.apiKey` / `apiKeyId` of a REST proxy event, set when the method
 * required an API key and the usage plan admitted it (as API Gateway reports the key it metered).
 * @internal
 * @packageDocumentation
 */
import type { RestProxyEvent } from "../../config/proxy-event.js";

/** @internal The key the request was metered with. */
export interface MeteredApiKey {
  apiKey: string;
  apiKeyId: string;
}

/** @internal */
export function withApiKey(event: RestProxyEvent, key: MeteredApiKey | undefined): RestProxyEvent {
  if (key === undefined) return event;
  const { identity } = event.requestContext;
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      identity: { ...identity, apiKey: key.apiKey, apiKeyId: key.apiKeyId },
    },
  };
}
