/**
 * An error the server answers with: the AWS error type, its message and HTTP status.
 * @internal
 */
export class ServiceError extends Error {
  override readonly name = "ServiceError";
  readonly type: string;
  readonly status: number;

  constructor(type: string, message: string, status = 400) {
    super(message);
    this.type = type;
    this.status = status;
  }
}

/** @internal */
export function notAuthorized(message: string): ServiceError {
  return new ServiceError("NotAuthorizedException", message);
}

/** @internal */
export function invalidParameter(message: string): ServiceError {
  return new ServiceError("InvalidParameterException", message);
}

/** AWS's model-validation text, e.g. for a missing or malformed member. @internal */
export function validationMessage(member: string, value: unknown, constraint: string): string {
  const shown = value === undefined || value === null ? "null" : `'${String(value)}'`;
  return `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`;
}
