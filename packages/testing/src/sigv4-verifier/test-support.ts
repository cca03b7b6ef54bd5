/**
 * Fixtures of the verifier server's tests (not exported from the package).
 * @internal
 */
import type { SigV4VerifierOptions } from "@gatehouse/sigv4";

export const REGION = "eu-west-1";
export const NOW = new Date("2015-08-30T12:36:00Z");
export const KEY = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

export const verifierOptions: SigV4VerifierOptions = {
  credentials: [KEY],
  region: REGION,
  now: () => NOW,
};

export const signOptions = { credentials: KEY, region: REGION, date: NOW };
