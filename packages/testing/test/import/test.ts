// Type-checked against the packed @gatehouse/testing (nodenext, strict) by scripts/check-packages.mjs.
import { createTestIssuer, restRequestEvent, type TestIssuer } from "@gatehouse/testing";

export async function mint(): Promise<string> {
  const issuer: TestIssuer = await createTestIssuer({ alg: "RS256" });
  const token = await issuer.mintToken({ sub: "u" }, { expiresIn: 60 });
  await issuer.close();
  return token;
}
export const event = restRequestEvent({ method: "GET", path: "/pets" });
