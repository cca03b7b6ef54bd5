import type { IdentityPoolErrorOptions } from "../errors.js";
import { hintFor } from "./hints.js";
import { redact } from "./redact.js";

/** Throttling and transient failures (STS and Cognito names); 5xx answers are retried too. */
const RETRYABLE =
  /^(TooManyRequestsException|Throttling(Exception)?|RequestLimitExceeded|Internal(ErrorException|Failure)|ServiceUnavailable|ExternalServiceException|IDPCommunicationError)$/;

/**
 * @internal The message and options of the {@link IdentityPoolError} for a service's error answer:
 * the service's message made safe to show, whether trying again may succeed, and how to fix a known
 * misconfiguration. Only needed once an error happened: a chunk of its own, loaded with `import()`,
 * so the page does not ship the hints. It returns arguments rather than the error so that it
 * imports nothing of the client's at run time (a shared import would split the page's code).
 */
export function describeServiceError(
  operation: string,
  status: number,
  code: string,
  message: unknown,
): [message: string, options: IdentityPoolErrorOptions] {
  const text = typeof message === "string" ? redact(message) : "";
  return [
    `${operation} failed: ${code}${text ? `: ${text}` : ` (HTTP ${status})`}`,
    {
      status,
      retryable: status >= 500 || RETRYABLE.test(code),
      hint: hintFor(code, text),
      operation,
    },
  ];
}
