// Type-checked use of the packed @gatehouse/identity-pool (tsc --noEmit, nodenext, strict).
import {
  createIdentityPoolClient,
  type IdentityPoolClient,
  type IdentityPoolClientOptions,
  type IdentityPoolCredentials,
  type IdentityPoolErrorCode,
  type IdentityStore,
  isIdentityPoolError,
  type LoginsInput,
  localStorageIdentityStore,
} from "@gatehouse/identity-pool";

const logins: LoginsInput = {
  "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC": async () => "id-token",
};
const store: IdentityStore = {
  get: async () => undefined,
  set: () => undefined,
  delete: () => undefined,
};
const options: IdentityPoolClientOptions = {
  identityPoolId: "eu-west-1:0d0f8b1c-0000-4000-8000-000000000001",
  logins,
  identityStore: store,
  retry: { maxAttempts: 3 },
};

export async function run(): Promise<string> {
  const client: IdentityPoolClient = createIdentityPoolClient(options);
  const credentials: IdentityPoolCredentials = await client.provider();
  const expiration: Date = credentials.expiration;
  return `${credentials.identityId} ${expiration.toISOString()}`;
}

export function codeOf(error: unknown): IdentityPoolErrorCode | undefined {
  return isIdentityPoolError(error) ? error.code : undefined;
}

export const browserStore: () => IdentityStore = () => localStorageIdentityStore();

// @ts-expect-error identityPoolId is required
void createIdentityPoolClient({ logins });
