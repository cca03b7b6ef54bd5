/**
 * Fixtures shared by the verifier's own tests (not exported from the package).
 * @internal
 */
import type { SignedRequest } from "../sign-request.js";
import type { SigV4VerifierOptions } from "./sigv4-verifier-options.js";
import type { VerifiableRequest } from "./verifiable-request.js";

export const REGION = "eu-west-1";
export const NOW = new Date("2015-08-30T12:36:00Z");
export const KEY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
export const TEMP_KEY = {
  accessKeyId: "ASIATEMPEXAMPLE",
  secretAccessKey: "tEmPsEcReT/K7MDENG+bPxRfiCYEXAMPLEKEY",
  sessionToken: "IQoJb3JpZ2luX2VjEXAMPLE+token/with=special&chars",
};
export const API = "https://abc123.execute-api.eu-west-1.amazonaws.com";

export const verifierOptions: SigV4VerifierOptions = {
  credentials: [KEY, TEMP_KEY],
  region: REGION,
  now: () => NOW,
};

export const signOptions = { credentials: KEY, region: REGION, date: NOW };

/** A signed request as the verifier would receive it (body as bytes). */
export function received(
  signed: SignedRequest,
  changes: Partial<VerifiableRequest> = {},
): VerifiableRequest {
  const { body } = signed;
  let bytes: Uint8Array = new Uint8Array();
  if (typeof body === "string" || body instanceof URLSearchParams)
    bytes = new TextEncoder().encode(String(body));
  else if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  return {
    method: signed.method,
    url: signed.url,
    headers: { ...signed.headers },
    body: bytes,
    ...changes,
  };
}

/** The `authorization` header of a signed request ("" when absent). */
export function authorizationOf(signed: SignedRequest): string {
  const { authorization = "" } = signed.headers;
  return authorization;
}
