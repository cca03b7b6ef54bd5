// Bundle-size entry for the "smithy" row of the SigV4 suite: the signer plus the hash class a
// browser app has to give it. Referenced by a relative specifier from bench/cases/sigv4-sign.ts.
export { Sha256 } from "@aws-crypto/sha256-js";
export { SignatureV4 } from "@smithy/signature-v4";
