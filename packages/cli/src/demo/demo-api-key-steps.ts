/**
 * The API-key rows of `gatehouse demo`: a method with `apiKeyRequired` behind the Lambda
 * authorizer, refused without a key, admitted with the partner's key, then THROTTLED by its usage
 * plan.
 * @internal
 * @packageDocumentation
 */
import type { LocalGateway } from "@gatehouse/local-gateway";
import { DEMO } from "./demo-gateway.js";
import type { DemoStep } from "./demo-steps.js";
import type { DemoTokens } from "./demo-tokens.js";

const SECTION = "API keys + usage plan (metering, not authorization)";

/** @internal */
export function buildApiKeySteps(gateway: LocalGateway, tokens: DemoTokens): DemoStep[] {
  const rest = gateway.apiUrls[DEMO.restApi] as string;
  const restPath = new URL(rest).pathname.replace(/\/$/, "");
  const call = (apiKey?: string) => () =>
    fetch(`${rest}/partner/feed`, {
      headers: {
        authorization: `Bearer ${tokens.reader}`,
        ...(apiKey === undefined ? {} : { "x-api-key": apiKey }),
      },
    });
  return [
    {
      section: SECTION,
      request: `GET ${restPath}/partner/feed  (token, no x-api-key)`,
      expected: 403,
      note: "The authorizer allows; the method requires an API key: 403 Forbidden (INVALID_API_KEY).",
      send: call(),
    },
    {
      section: SECTION,
      request: `GET ${restPath}/partner/feed  (token + partner API key)`,
      expected: 200,
      note: "The key is in the stage's usage plan: the burst's one token is taken.",
      send: call(DEMO.partnerApiKey),
    },
    {
      section: SECTION,
      request: `GET ${restPath}/partner/feed  (same key, at once)`,
      expected: 429,
      note: "Burst 1, one request per 100 s: 429 Too Many Requests (THROTTLED). A key meters; it does not authorize.",
      send: call(DEMO.partnerApiKey),
    },
  ];
}
