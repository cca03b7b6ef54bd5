import type { FaultQueue } from "./fault-queue.js";
import type { ServerContext } from "./server-context.js";
import { ServiceError } from "./service-error.js";
import { assumeRoleWithWebIdentity } from "./sts-operation.js";

/**
 * One STS call in the query protocol (form-encoded `Action` and `Version`): only
 * `AssumeRoleWithWebIdentity` of `2011-06-15`; counted, faults injected. Returns the XML body;
 * throws {@link ServiceError}.
 * @internal
 */
export async function handleStsCall(
  context: ServerContext,
  faults: FaultQueue,
  calls: { AssumeRoleWithWebIdentity: number },
  body: Buffer,
  requestId: string,
): Promise<string> {
  const form = new URLSearchParams(body.toString("utf8"));
  const action = form.get("Action");
  const version = form.get("Version");
  if (action !== "AssumeRoleWithWebIdentity" || version !== "2011-06-15") {
    throw new ServiceError(
      "InvalidAction",
      `Could not find operation ${String(action)} for version ${String(version)}`,
    );
  }
  calls.AssumeRoleWithWebIdentity += 1;
  faults.take("AssumeRoleWithWebIdentity");
  return assumeRoleWithWebIdentity(context, form, requestId);
}
