import { accountIdProblem } from "./account-id.js";
import { type IdentifierProblem, identifierError, quote } from "./internal/identifier-error.js";
import { type Partition, partitionProblem } from "./partition.js";

/** The kinds of IAM and STS principal ARN, by the resource part of the ARN. */
export type PrincipalArnKind =
  | "root"
  | "user"
  | "role"
  | "assumed-role"
  | "federated-user"
  | "saml-provider"
  | "oidc-provider";

/** The fields every {@link PrincipalArn} has. */
export interface PrincipalArnBase {
  /** The ARN as given. */
  arn: string;
  partition: Partition;
  /** The 12-digit account the principal belongs to. */
  accountId: string;
}

/**
 * An IAM or STS principal ARN, split. Parse with {@link parsePrincipalArn}.
 *
 * - `arn:aws:iam::123456789012:root` -> `kind: "root"` (the account: every principal in it);
 * - `arn:aws:iam::123456789012:user/division/alice` -> `kind: "user"`, `iamPath: "/division/"`, `name: "alice"`;
 * - `arn:aws:iam::123456789012:role/service-role/app` -> `kind: "role"`, `iamPath: "/service-role/"`, `name: "app"`;
 * - `arn:aws:sts::123456789012:assumed-role/app/session-1` -> `kind: "assumed-role"`, `roleName: "app"`,
 *   `sessionName: "session-1"` (the caller of a role session; see {@link roleArnOfSession});
 * - `arn:aws:sts::123456789012:federated-user/bob` -> `kind: "federated-user"`, `name: "bob"`;
 * - `arn:aws:iam::123456789012:saml-provider/Okta`, `...:oidc-provider/token.actions.githubusercontent.com`
 *   -> `kind: "saml-provider"` / `"oidc-provider"`, `name` (a `Principal.Federated` entry of a
 *   trust policy; it never signs a request).
 *
 * @example
 * ```ts
 * const principal: PrincipalArn = parsePrincipalArn("arn:aws:iam::123456789012:role/app");
 * if (principal.kind === "role") principal.name; // "app"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export type PrincipalArn =
  | RootPrincipalArn
  | IamPrincipalArn<"user">
  | IamPrincipalArn<"role">
  | AssumedRolePrincipalArn
  | NamedPrincipalArn<"federated-user">
  | NamedPrincipalArn<"saml-provider">
  | NamedPrincipalArn<"oidc-provider">;

/** An account root, `arn:{partition}:iam::{account}:root`: every principal of the account. */
export interface RootPrincipalArn extends PrincipalArnBase {
  kind: "root";
}

/** An IAM user or role, `arn:{partition}:iam::{account}:{kind}{iamPath}{name}`. */
export interface IamPrincipalArn<K extends "user" | "role"> extends PrincipalArnBase {
  kind: K;
  /** The IAM path, `/` when none, else `/one/two/`. */
  iamPath: string;
  name: string;
}

/** A role session, `arn:{partition}:sts::{account}:assumed-role/{roleName}/{sessionName}`. */
export interface AssumedRolePrincipalArn extends PrincipalArnBase {
  kind: "assumed-role";
  roleName: string;
  sessionName: string;
}

/** A federated-user session or an identity provider: one `name` after the type. */
export interface NamedPrincipalArn<K extends "federated-user" | "saml-provider" | "oidc-provider">
  extends PrincipalArnBase {
  kind: K;
  name: string;
}

/** A principal that can sign a request: everything but the identity-provider ARNs. */
export type CallerPrincipalArn = Exclude<PrincipalArn, { kind: "saml-provider" | "oidc-provider" }>;

// IAM's name rules: user and role names 1-64 of [\w+=,.@-]; role session names the same (AWS
// asks for at least 2 when assuming a role; 1 is accepted here); federated user names 2-32.
const NAME = /^[\w+=,.@-]{1,64}$/;
const FEDERATED_NAME = /^[\w+=,.@-]{2,32}$/;
// Path segments: printable ASCII but "/" (IAM also allows * and ?, but a principal is never a pattern).
const PATH_SEGMENT = /^[!-)+-.0->@-~]+$/;
const PROVIDER_NAME = /^[\w.-]{1,128}$/;
const OIDC_PROVIDER = /^[A-Za-z0-9.-]+(?::\d+)?(?:\/[\w.~%+-]+)*$/;
const MAX_PRINCIPAL_ARN_LENGTH = 2048;

const EXAMPLES =
  "arn:{partition}:iam::{account}:root | user/{name} | role/{name}, arn:{partition}:sts::{account}:assumed-role/{role}/{session} | federated-user/{name}";

type Parsed = PrincipalArn | IdentifierProblem;

function problem(value: string, why: string): IdentifierProblem {
  return { message: `principal ${quote(value)} ${why}`, expected: EXAMPLES };
}

function isProblem(result: Parsed): result is IdentifierProblem {
  return "message" in result;
}

function userOrRole(
  base: PrincipalArnBase,
  kind: "user" | "role",
  rest: string,
  value: string,
): Parsed {
  const segments = rest.split("/");
  const name = segments.pop() as string;
  if (!NAME.test(name)) {
    return problem(
      value,
      `has an invalid ${kind} name ${quote(name)}: 1 to 64 letters, digits and + = , . @ _ -`,
    );
  }
  if (rest.length > 512 + 64 || !segments.every((segment) => PATH_SEGMENT.test(segment))) {
    return problem(value, `has an invalid IAM path before the ${kind} name`);
  }
  const iamPath = segments.length === 0 ? "/" : `/${segments.join("/")}/`;
  return kind === "user"
    ? { ...base, kind: "user", iamPath, name }
    : { ...base, kind: "role", iamPath, name };
}

// Callers repeat across requests (the gateway model parses one per signed request): a bounded
// memo keeps the parse off the hot path. Results are frozen, so sharing them is safe.
const MEMO_LIMIT = 1024;
const memo = new Map<string, Parsed>();

/** @internal The parsed principal, or why `value` is not a principal ARN. */
export function classifyPrincipalArn(value: unknown): Parsed {
  if (typeof value !== "string") return classify(value);
  let result = memo.get(value);
  if (result === undefined) {
    result = Object.freeze(classify(value));
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(value, result);
  }
  return result;
}

function classify(value: unknown): Parsed {
  if (typeof value !== "string") {
    return { message: `principal ${quote(value)} is not a string`, expected: EXAMPLES };
  }
  if (value.length > MAX_PRINCIPAL_ARN_LENGTH) return problem(value, "is too long");
  if (/\s/.test(value)) return problem(value, "contains whitespace");
  const fields = value.split(":");
  if (fields.length < 6 || fields[0] !== "arn") {
    return problem(value, "is not an ARN");
  }
  const [, partitionText, service, region, accountId] = fields as [
    string,
    string,
    string,
    string,
    string,
  ];
  const resource = fields.slice(5).join(":");
  const badPartition = partitionProblem(partitionText);
  if (badPartition !== undefined) {
    return { message: `principal ${quote(value)}: ${badPartition.message}`, expected: EXAMPLES };
  }
  if (service !== "iam" && service !== "sts") {
    return problem(
      value,
      `is a ${service === "" ? "malformed" : service} ARN, not an IAM or STS principal`,
    );
  }
  if (region !== "") {
    return problem(value, "has a region: IAM and STS principal ARNs have none (iam::123456789012)");
  }
  const badAccount = accountIdProblem(accountId);
  if (badAccount !== undefined) {
    return { message: `principal ${quote(value)}: ${badAccount.message}`, expected: EXAMPLES };
  }
  if (value.includes("*") || value.includes("?")) {
    return problem(
      value,
      'has a wildcard: a principal is never a pattern; use "*" with an aws:PrincipalArn ArnLike condition instead',
    );
  }
  const base = { arn: value, partition: partitionText as Partition, accountId };
  const slash = resource.indexOf("/");
  const type = slash === -1 ? resource : resource.slice(0, slash);
  const rest = slash === -1 ? "" : resource.slice(slash + 1);
  if (service === "iam") {
    switch (type) {
      case "root":
        return slash === -1 ? { ...base, kind: "root" } : problem(value, "has text after root");
      case "user":
      case "role":
        return userOrRole(base, type, rest, value);
      case "saml-provider":
        return PROVIDER_NAME.test(rest)
          ? { ...base, kind: "saml-provider", name: rest }
          : problem(value, "has an invalid SAML provider name");
      case "oidc-provider":
        return OIDC_PROVIDER.test(rest)
          ? { ...base, kind: "oidc-provider", name: rest }
          : problem(value, "has an invalid OIDC provider URL (host and path, no scheme)");
      default:
        return problem(
          value,
          type === "assumed-role" || type === "federated-user"
            ? `names an STS ${type}: write arn:${partitionText}:sts::${accountId}:${resource}`
            : `names an IAM ${type === "" ? "resource" : type} that is not a principal (root, user, role)`,
        );
    }
  }
  if (type === "assumed-role") {
    const [roleName = "", sessionName = "", ...extra] = rest.split("/");
    if (extra.length > 0 || !NAME.test(roleName) || !NAME.test(sessionName)) {
      return problem(
        value,
        "is not assumed-role/{role name}/{session name} (no role path in a session ARN)",
      );
    }
    return { ...base, kind: "assumed-role", roleName, sessionName };
  }
  if (type === "federated-user") {
    return FEDERATED_NAME.test(rest)
      ? { ...base, kind: "federated-user", name: rest }
      : problem(
          value,
          "has an invalid federated user name: 2 to 32 letters, digits and + = , . @ _ -",
        );
  }
  return problem(
    value,
    type === "role" || type === "user" || type === "root"
      ? `names an IAM ${type}: write arn:${partitionText}:iam::${accountId}:${resource}`
      : "is not an STS assumed-role or federated-user ARN",
  );
}

/**
 * Parses an IAM or STS principal ARN: an account root, a user, a role, an assumed-role session, a
 * federated-user session, or a SAML / OIDC provider. The partition must be an AWS partition and
 * the account 12 digits; wildcards are refused (a principal is never a pattern).
 *
 * @param value - The ARN, e.g. `arn:aws:sts::123456789012:assumed-role/app/session-1`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns The parts, by {@link PrincipalArnKind}.
 * @throws PolicyError `invalid_principal` for anything else, with a message that says what to write.
 * @example
 * ```ts
 * parsePrincipalArn("arn:aws:sts::123456789012:assumed-role/app/session-1");
 * // { kind: "assumed-role", partition: "aws", accountId: "123456789012", roleName: "app", sessionName: "session-1", arn: "..." }
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
 */
export function parsePrincipalArn(value: unknown, path = "principal"): PrincipalArn {
  const result = classifyPrincipalArn(value);
  if (isProblem(result)) throw identifierError("invalid_principal", result, path, value);
  return { ...result };
}

/**
 * Parses the ARN of a principal that signs requests (an IAM-authorized caller): like
 * {@link parsePrincipalArn}, but SAML and OIDC provider ARNs, which never sign, are refused.
 *
 * @param value - The caller's ARN, e.g. `arn:aws:iam::123456789012:user/alice`.
 * @param path - Where the value sits in the caller's input, reported as the error `path`.
 * @returns The parts.
 * @throws PolicyError `invalid_principal` for anything else.
 * @example
 * ```ts
 * parseCallerPrincipalArn("arn:aws:iam::123456789012:user/alice").accountId; // "123456789012"
 * ```
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 */
export function parseCallerPrincipalArn(value: unknown, path = "principal"): CallerPrincipalArn {
  const principal = parsePrincipalArn(value, path);
  if (principal.kind === "saml-provider" || principal.kind === "oidc-provider") {
    throw identifierError(
      "invalid_principal",
      {
        message: `principal ${quote(value)} is an identity provider, which never signs a request: give the role it assumes (arn:...:iam::{account}:role/{name}) or the session (arn:...:sts::{account}:assumed-role/{role}/{session})`,
        expected: EXAMPLES,
      },
      path,
      value,
    );
  }
  return principal;
}
