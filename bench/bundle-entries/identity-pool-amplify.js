// Bundle-size entry for the Amplify row of the identity-pool suite: what a page imports to get
// identity-pool credentials from Amplify v6 (`Amplify.configure` registers the Cognito credentials
// provider, `fetchAuthSession` returns them). Referenced from bench/cases/identity-pool-bundle-size.ts.
export { Amplify } from "aws-amplify";
export { fetchAuthSession } from "aws-amplify/auth";
