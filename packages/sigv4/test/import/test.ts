// Type-checked use of the packed @gatehouse/sigv4 (tsc --noEmit, nodenext, strict).
import {
  isSigV4Error,
  presignUrl,
  type SignableRequest,
  type SignedRequest,
  type SigningDetails,
  type SignOptions,
  type SigV4ErrorCode,
  signRequest,
} from "@gatehouse/sigv4";

const request: SignableRequest = {
  method: "POST",
  url: new URL("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/pets"),
  headers: [["content-type", "application/json"]],
  body: JSON.stringify({ name: "Rex" }),
};
const options: SignOptions = {
  credentials: async () => ({ accessKeyId: "AKID", secretAccessKey: "secret" }),
  contentSha256Header: true,
};

export async function run(): Promise<string> {
  const signed: SignedRequest = await signRequest(request, options);
  const details: SigningDetails = signed.signing;
  const headers: Record<string, string> = signed.headers;
  void headers;
  const url: string = await presignUrl(
    { url: "wss://abc123.execute-api.eu-west-1.amazonaws.com/prod" },
    { ...options, expiresIn: 300 },
  );
  return `${details.credentialScope} ${url}`;
}

export function codeOf(error: unknown): SigV4ErrorCode | undefined {
  return isSigV4Error(error) ? error.code : undefined;
}

// @ts-expect-error expiresIn is required for presigned URLs
void presignUrl({ url: "wss://example.com" }, options);
