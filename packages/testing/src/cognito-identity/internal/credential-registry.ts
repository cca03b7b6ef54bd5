import type { PolicyDocument } from "@gatehouse/policy";
import type { IssuedCredentials } from "../issued-credentials.js";
import { randomCredentials } from "./random-credentials.js";
import type { KnownRole } from "./role-catalog.js";

/** What a new role session is: everything but the keys and the names derived from the role. @internal */
export interface SessionGrant {
  role: KnownRole;
  sessionName: string;
  identityId: string;
  identityPoolId: string;
  authenticationType: "authenticated" | "unauthenticated";
  authenticationProvider: string | null;
  principalTags: Readonly<Record<string, string>>;
  sessionPolicy?: PolicyDocument | undefined;
  expiration: Date;
  operation: IssuedCredentials["operation"];
}

/**
 * Every credential set the server issued, by access key id: fresh keys per call (as Cognito and
 * STS mint them), tied to the role session and the identity they were issued for.
 * @internal
 */
export class CredentialRegistry {
  /** Oldest first (`server.issuedCredentials`). */
  readonly issued: IssuedCredentials[] = [];
  readonly #byAccessKey = new Map<string, IssuedCredentials>();

  issue(grant: SessionGrant): IssuedCredentials {
    const { role, sessionName, sessionPolicy, ...session } = grant;
    const { partition, accountId, name } = role.parsed;
    const credentials: IssuedCredentials = {
      ...randomCredentials(),
      ...session,
      roleArn: role.arn,
      sessionName,
      assumedRoleArn: `arn:${partition}:sts::${accountId}:assumed-role/${name}/${sessionName}`,
      assumedRoleId: `${role.roleId}:${sessionName}`,
      accountId,
      principalTags: Object.freeze({ ...session.principalTags }),
      permissionPolicies: role.permissionPolicies,
      ...(sessionPolicy === undefined ? {} : { sessionPolicy }),
    };
    this.issued.push(credentials);
    this.#byAccessKey.set(credentials.accessKeyId, credentials);
    return credentials;
  }

  get(accessKeyId: string): IssuedCredentials | undefined {
    return typeof accessKeyId === "string" ? this.#byAccessKey.get(accessKeyId) : undefined;
  }
}
