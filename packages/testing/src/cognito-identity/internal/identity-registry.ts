import { randomUUID } from "node:crypto";
import type { ValidLogin } from "./login-validator.js";
import { notAuthorized, ServiceError } from "./service-error.js";

/** @internal */
export interface Identity {
  readonly id: string;
  readonly poolId: string;
  /** `{login key}|{sub}` of each linked login; empty for a guest. */
  readonly logins: Set<string>;
}

const LOGINS_DONT_MATCH =
  "Logins don't match. Please include at least one valid login for this identity or identity pool.";

function loginId(login: ValidLogin): string {
  return `${login.key}|${login.subject}`;
}

/**
 * The identities of one pool, their linked logins, and Cognito's linking and merging rules.
 * @internal
 */
export class IdentityRegistry {
  readonly #poolId: string;
  readonly #region: string;
  readonly #identities = new Map<string, Identity>();
  readonly #byLogin = new Map<string, string>();

  constructor(poolId: string) {
    this.#poolId = poolId;
    this.#region = poolId.slice(0, poolId.indexOf(":"));
  }

  ids(): string[] {
    return [...this.#identities.keys()];
  }

  get(identityId: string): Identity {
    const identity = this.#identities.get(identityId);
    if (identity === undefined) {
      throw new ServiceError("ResourceNotFoundException", `Identity '${identityId}' not found.`);
    }
    return identity;
  }

  create(): Identity {
    const identity: Identity = {
      id: `${this.#region}:${randomUUID()}`,
      poolId: this.#poolId,
      logins: new Set(),
    };
    this.#identities.set(identity.id, identity);
    return identity;
  }

  /**
   * The identity `logins` (already validated) belong to, starting from `identityId` when given:
   * a guest is linked (keeps its id) or merged into the identity a login already has; an
   * authenticated identity needs one of its own logins.
   */
  resolve(identityId: string | undefined, logins: ReadonlyArray<ValidLogin>): Identity {
    const named = identityId === undefined ? undefined : this.get(identityId);
    const owners = new Set<Identity>();
    for (const login of logins) {
      // A server-issued OpenID token names its identity directly.
      if (login.ownToken) owners.add(this.get(login.subject));
      const owner = this.#byLogin.get(loginId(login));
      if (owner !== undefined) owners.add(this.get(owner));
    }
    if (owners.size > 1) {
      throw new ServiceError(
        "ResourceConflictException",
        "The logins are linked to different identities.",
      );
    }
    const [owner] = owners;
    let target: Identity;
    if (named === undefined) {
      target = owner ?? this.create();
    } else if (owner === undefined || owner === named) {
      if (named.logins.size > 0 && owner !== named) throw notAuthorized(LOGINS_DONT_MATCH);
      target = named;
    } else if (named.logins.size === 0) {
      // Cognito merges a guest into the identity its new login already has.
      this.#identities.delete(named.id);
      target = owner;
    } else {
      throw notAuthorized(LOGINS_DONT_MATCH);
    }
    this.attach(target, logins);
    return target;
  }

  /** Links further logins to `identity`; a login another identity has is a conflict. */
  attach(identity: Identity, logins: ReadonlyArray<ValidLogin>): void {
    for (const login of logins) {
      const owner = this.#byLogin.get(loginId(login));
      if (owner !== undefined && owner !== identity.id) {
        throw new ServiceError(
          "ResourceConflictException",
          "The login is already linked to a different identity.",
        );
      }
    }
    for (const login of logins) {
      if (login.ownToken) continue;
      identity.logins.add(loginId(login));
      this.#byLogin.set(loginId(login), identity.id);
    }
  }

  /** A guest identity given without logins; an authenticated one needs its logins. */
  guest(identityId: string): Identity {
    const identity = this.get(identityId);
    if (identity.logins.size > 0) throw notAuthorized(LOGINS_DONT_MATCH);
    return identity;
  }

  /** Links a developer user id to an identity (GetOpenIdTokenForDeveloperIdentity). */
  linkDeveloperUser(
    providerName: string,
    userId: string,
    identityId: string | undefined,
  ): Identity {
    const key = `${providerName}|${userId}`;
    const owner = this.#byLogin.get(key);
    if (identityId !== undefined) {
      const named = this.get(identityId);
      if (owner !== undefined && owner !== named.id) {
        throw new ServiceError(
          "ResourceConflictException",
          "Developer user identifier is already linked to a different identity.",
        );
      }
      named.logins.add(key);
      this.#byLogin.set(key, named.id);
      return named;
    }
    if (owner !== undefined) return this.get(owner);
    const identity = this.create();
    identity.logins.add(key);
    this.#byLogin.set(key, identity.id);
    return identity;
  }
}
