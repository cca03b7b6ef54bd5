/**
 * Longest method ARN, in UTF-8 bytes, for which API Gateway still runs authorization (longer
 * requests fail with 414). `parseExecuteApiArn` rejects longer input.
 *
 * @example
 * ```ts
 * new TextEncoder().encode(event.methodArn).length <= MAX_METHOD_ARN_BYTES; // true for every real event
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export const MAX_METHOD_ARN_BYTES = 1600;

/**
 * Longest `Resource` ARN, in characters, that API Gateway accepts in a policy returned by a
 * Lambda authorizer.
 *
 * @example
 * ```ts
 * const ok = "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*".length <= MAX_RESOURCE_ARN_LENGTH;
 * ```
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html
 */
export const MAX_RESOURCE_ARN_LENGTH = 512;
