import type { CognitoIdentityOperation } from "../cognito-identity-server.js";
import { ServiceError } from "./service-error.js";

/** The operations a server answers, in `X-Amz-Target` / `Action` spelling. @internal */
export const OPERATIONS: readonly CognitoIdentityOperation[] = [
  "GetId",
  "GetCredentialsForIdentity",
  "GetOpenIdToken",
  "GetOpenIdTokenForDeveloperIdentity",
  "AssumeRoleWithWebIdentity",
];

interface Fault {
  remaining: number;
  status: number;
  type: string;
  message: string;
}

function checkOperation(operation: string, method: string): CognitoIdentityOperation {
  if (!(OPERATIONS as readonly string[]).includes(operation)) {
    throw new TypeError(
      `${method}: unknown operation ${operation}; use one of ${OPERATIONS.join(", ")}`,
    );
  }
  return operation as CognitoIdentityOperation;
}

function checkTimes(times: number, method: string): void {
  if (!Number.isInteger(times) || times < 0) {
    throw new TypeError(`${method}: times must be an integer >= 0`);
  }
}

/**
 * Injected throttling and failures, per operation, consumed in order by the next calls.
 * @internal
 */
export class FaultQueue {
  readonly #faults = new Map<CognitoIdentityOperation, Fault[]>();

  /** Throws the next injected fault of `operation`, if any. */
  take(operation: CognitoIdentityOperation): void {
    const queue = this.#faults.get(operation);
    const fault = queue?.[0];
    if (queue === undefined || fault === undefined) return;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    throw new ServiceError(fault.type, fault.message, fault.status);
  }

  /** The next `times` calls answer `400 TooManyRequestsException` (STS: `Throttling`). */
  throttle(operation: string, times: number): void {
    const sts = operation === "AssumeRoleWithWebIdentity";
    this.#add(operation, times, "throttle", {
      status: 400,
      type: sts ? "Throttling" : "TooManyRequestsException",
      message: "Rate exceeded",
    });
  }

  /** The next `times` calls answer `status` with error `type`. */
  fail(operation: string, times: number, status = 500, type?: string): void {
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new TypeError("fail: status must be an HTTP error status from 400 to 599");
    }
    const sts = operation === "AssumeRoleWithWebIdentity";
    this.#add(operation, times, "fail", {
      status,
      type: type ?? (sts ? "InternalFailure" : "InternalErrorException"),
      message: type === undefined ? "An internal error occurred." : `Injected ${type} (${status}).`,
    });
  }

  #add(operation: string, times: number, method: string, fault: Omit<Fault, "remaining">): void {
    const checked = checkOperation(operation, method);
    checkTimes(times, method);
    if (times === 0) return;
    const queue = this.#faults.get(checked) ?? [];
    queue.push({ remaining: times, ...fault });
    this.#faults.set(checked, queue);
  }
}
