import type { IamAuthorizerResponse, IamAuthorizerStatement } from "@gatehouse/policy";
import { authorizerError } from "../../errors.js";

/**
 * Method ARNs as emulators send them. API Gateway itself always writes a 12-digit account id, its
 * own API id and the request's path; serverless-offline writes `random-account-id`,
 * `random-api-id` and the route template (`/pets/{id}`). The ARN comes from the gateway, never
 * from the caller: accepting such ids changes which policy is built (scoped to the ARN as sent),
 * never whether a token is valid.
 *
 * @internal
 * @packageDocumentation
 */

/**
 * The warning codes of unusual request ARNs.
 * @internal
 */
export type MethodArnOddity = "method_arn_placeholder_ids" | "method_arn_route_template";

/** A placeholder id: letters, digits and `-` (no wildcard, colon or slash), 1 to 64 of them. */
const PLACEHOLDER_ID = /^[A-Za-z0-9-]{1,64}$/;
/** A real account id: 12 digits. */
const ACCOUNT_ID = /^[0-9]{12}$/;
/** What `isApiId` of `@gatehouse/policy` accepts. */
const API_ID = /^[A-Za-z0-9]{1,32}$/;
/** `arn:{partition}:execute-api:{region}:{account}:{apiId}/{rest}`; fields checked afterwards. */
const FULL_ARN = /^arn:([a-z-]{1,16}):execute-api:([a-z0-9-]{1,32}):([^:/]*):([^:/]*)\/(.*)$/s;
/** A path segment that is a route template variable: `{id}`, `{proxy+}` (hapi writes `{proxy*}`). */
const TEMPLATE_SEGMENT = /\/\{[A-Za-z0-9_.-]+[+*]?\}(?=\/|$)/;

/**
 * hapi's spelling of a greedy route variable as a whole path segment, `{proxy*}`: serverless-offline
 * sends it for a `{proxy+}` route. Its `*` would be a wildcard in a policy resource.
 */
const HAPI_GREEDY = /\/\{([A-Za-z0-9_.-]+)\*\}(?=\/|$)/g;

/** The stand-in account and API id the policy builders see instead of placeholders. */
const STAND_IN_ACCOUNT = "000000000000";
const STAND_IN_API = "0000000000";

/**
 * An ARN whose account or API id are placeholders, read as a concrete one for the builders.
 * @internal
 */
export interface StandInArn {
  /** The ARN with the stand-in ids, to parse and build policies from. */
  arn: string;
  /** `arn:{partition}:execute-api:{region}:{stand-in account}:{stand-in api}`. */
  standInPrefix: string;
  /** The same prefix as the gateway sent it. */
  sentPrefix: string;
  /**
   * The ARN the policy builders get: `arn` with hapi's `{name*}` segments written `{name+}`, as
   * serverless.yml writes the route, so that a request-only policy (which refuses a `*` in its
   * ARN) can be built; {@link restoreSentIds} writes that resource back as sent.
   */
  policyArn: string;
  /** The ARN exactly as the gateway sent it. */
  sentArn: string;
}

/**
 * The stand-in of an ARN with placeholder ids, or `undefined` when the ARN is not shaped like an
 * execute-api ARN with placeholder ids (real ids, or anything else: the caller refuses those as
 * before). The stand-in still goes through the strict parser: region, stage, method and path are
 * checked as for a real ARN.
 * @internal
 */
export function standInArn(arn: string): StandInArn | undefined {
  const match = FULL_ARN.exec(arn);
  if (match === null) return undefined;
  const [, partition, region, account = "", apiId = "", rest] = match;
  if (!PLACEHOLDER_ID.test(account) || !PLACEHOLDER_ID.test(apiId)) return undefined;
  if (ACCOUNT_ID.test(account) && API_ID.test(apiId)) return undefined;
  const head = `arn:${partition}:execute-api:${region}:`;
  const standInPrefix = `${head}${STAND_IN_ACCOUNT}:${STAND_IN_API}`;
  return {
    arn: `${standInPrefix}/${rest}`,
    standInPrefix,
    sentPrefix: `${head}${account}:${apiId}`,
    policyArn: `${standInPrefix}/${rest?.replace(HAPI_GREEDY, "/{$1+}")}`,
    sentArn: arn,
  };
}

/**
 * What is unusual about a parsed request ARN: placeholder ids, a route template for a path.
 * @internal
 */
export function oddities(
  standIn: StandInArn | undefined,
  path: string | undefined,
): readonly MethodArnOddity[] {
  const found: MethodArnOddity[] = [];
  if (standIn !== undefined) found.push("method_arn_placeholder_ids");
  if (path !== undefined && TEMPLATE_SEGMENT.test(path)) found.push("method_arn_route_template");
  return found;
}

/** The one-line explanation of each oddity (no request value in it). */
export const ODDITY_MESSAGES: Readonly<Record<MethodArnOddity, string>> = {
  method_arn_placeholder_ids:
    'the event\'s methodArn/routeArn has placeholder account or API ids, as an emulator (serverless-offline) sends; the policy is scoped to that ARN as sent. API Gateway never sends this: set methodArn: "strict" to refuse it',
  method_arn_route_template:
    "the event's methodArn/routeArn carries a route template ({id}, {proxy+}) instead of the request path, as an emulator (serverless-offline) sends; route rules match it as a path segment",
};

function rewrite(resource: string, standIn: StandInArn): string {
  // A request-only resource: the incoming ARN, `{proxy*}` and all, exactly as sent. Only emulator
  // ARNs (placeholder ids) get here; serverless-offline compares it with the ARN it sent.
  if (resource === standIn.policyArn) return standIn.sentArn;
  if (!resource.startsWith(standIn.standInPrefix)) {
    // Every resource the builders write starts with the stage of the incoming ARN.
    throw authorizerError("internal_error", "a policy resource outside the incoming ARN's API");
  }
  return standIn.sentPrefix + resource.slice(standIn.standInPrefix.length);
}

/**
 * The response with every resource written back from the stand-in ids to the ids as sent, as a
 * new object (the builders' documents are shared and never changed).
 * @throws AuthorizerError `internal_error` if a resource does not start with the stand-in prefix.
 * @internal
 */
export function restoreSentIds<R extends IamAuthorizerResponse<Record<string, unknown>>>(
  response: R,
  standIn: StandInArn,
): R {
  const statements = response.policyDocument.Statement.map(
    (statement): IamAuthorizerStatement => ({
      ...statement,
      Resource:
        typeof statement.Resource === "string"
          ? rewrite(statement.Resource, standIn)
          : statement.Resource.map((resource) => rewrite(resource, standIn)),
    }),
  );
  return {
    ...response,
    policyDocument: { ...response.policyDocument, Statement: statements },
  };
}
