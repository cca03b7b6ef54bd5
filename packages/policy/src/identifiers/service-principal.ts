import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** @internal Why `value` is not a service principal, or `undefined`. */
export function servicePrincipalProblem(value: unknown): IdentifierProblem | undefined {
  const expected = "a service principal such as lambda.amazonaws.com";
  if (typeof value !== "string" || value.length > 253) {
    return { message: `service principal ${quote(value)} is not a DNS name`, expected };
  }
  if (value.startsWith("arn:")) {
    return {
      message: `service principal ${quote(value)} is an ARN: put it under Principal.AWS, and service names such as lambda.amazonaws.com under Principal.Service`,
      expected,
    };
  }
  const labels = value.split(".");
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return {
      message: `service principal ${quote(value)} is not a lower-case DNS name such as lambda.amazonaws.com`,
      expected,
    };
  }
  return undefined;
}

/**
 * Whether `value` is an AWS service principal: the service's lower-case DNS name, as written under
 * `Principal.Service` (`lambda.amazonaws.com`, `apigateway.amazonaws.com`,
 * `logs.eu-west-1.amazonaws.com`).
 *
 * @param value - Anything.
 * @example
 * ```ts
 * isServicePrincipal("apigateway.amazonaws.com"); // true
 * isServicePrincipal("arn:aws:iam::123456789012:root"); // false
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export function isServicePrincipal(value: unknown): boolean {
  return servicePrincipalProblem(value) === undefined;
}

/**
 * Checks an AWS service principal (a `Principal.Service` entry).
 *
 * @param value - The service principal, e.g. `lambda.amazonaws.com`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns `value`.
 * @throws PolicyError `invalid_principal` for anything but a lower-case DNS name.
 * @example
 * ```ts
 * parseServicePrincipal("states.amazonaws.com"); // "states.amazonaws.com"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html#principal-services
 */
export function parseServicePrincipal(value: unknown, path = "principal"): string {
  const problem = servicePrincipalProblem(value);
  if (problem !== undefined) throw identifierError("invalid_principal", problem, path, value);
  return value as string;
}
