import type { PolicyDocument } from "../document/policy-document.js";

/**
 * The scope-down session policy Cognito adds to guest (unauthenticated) credentials in the
 * enhanced flow: the AWS managed policy `AmazonCognitoUnAuthedIdentitiesSessionPolicy`, version
 * v3 (the default version; created 2023-07-19, edited 2024-11-01 18:12 UTC), as published in the
 * AWS Managed Policy Reference and read on 2026-12-05. A guest's effective permissions are the
 * intersection of the unauthenticated role's policies and this document.
 *
 * It lists no `execute-api` action: guest credentials from the enhanced flow cannot call an
 * IAM-authorized API Gateway route, whatever the role allows. (The older list in the Cognito
 * developer guide, which names AppSync, DynamoDB, S3, Lambda... also names no API Gateway.) Guests
 * that must call an `AWS_IAM` route need the basic (classic) flow, which adds no session policy.
 *
 * @example
 * ```ts
 * const actions = [COGNITO_UNAUTHENTICATED_SESSION_POLICY.Statement].flat().flatMap((s) => s.Action ?? []);
 * actions.includes("execute-api:Invoke"); // false
 * ```
 * @see https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonCognitoUnAuthedIdentitiesSessionPolicy.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html
 */
export const COGNITO_UNAUTHENTICATED_SESSION_POLICY: Readonly<PolicyDocument> = deepFreeze({
  Version: "2012-10-17",
  Statement: [
    {
      Sid: "CognitoUnAuthedIdentitiesSessionPolicy",
      Effect: "Allow",
      Action: [
        "rum:PutRumEvents",
        "sagemaker:InvokeEndpoint",
        "polly:*",
        "comprehend:*",
        "translate:*",
        "transcribe:*",
        "rekognition:*",
        "mobiletargeting:*",
        "firehose:*",
        "personalize:*",
        "geo:GetMap*",
        "geo:SearchPlaceIndex*",
        "geo:GetPlace",
        "geo:CalculateRoute*",
        "geo:*Geofence",
        "geo:*Geofences",
        "geo:*DevicePosition*",
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncryptTo",
        "kms:ReEncryptFrom",
        "kms:GenerateDataKey",
        "kms:GenerateDataKeyPair",
        "kms:GenerateDataKeyPairWithoutPlaintext",
        "kms:GenerateDataKeyWithoutPlaintext",
      ],
      Resource: "*",
    },
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
