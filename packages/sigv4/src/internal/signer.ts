import { escapeUri } from "@smithy/core/protocols";
import { toHex, toUint8Array } from "@smithy/core/serde";
import { ALGORITHM_IDENTIFIER, getSigningKey, SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentials } from "../credentials/aws-credentials.js";
import { Sha256 } from "./sha256.js";

/** The request shape smithy's canonicalisation reads (a subset of its `HttpRequest`). */
export interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
}

/**
 * The one place Gatehouse reaches into `@smithy/signature-v4`: a `SignatureV4` subclass that makes
 * the protected canonical-request / string-to-sign steps callable, so {@link SigningDetails} come from
 * the same code that computes the signature.
 *
 * One deviation from smithy, and why: smithy ties path normalisation to `uriEscapePath`, so turning
 * normalisation off (`uriEscapePath: false`) also drops the second percent-encoding that every
 * service but S3 requires. We always construct it with `uriEscapePath: true` when normalising, and
 * with `false` plus a path escaped here with smithy's own `escapeUri` when not.
 * @internal
 */
export class GatehouseSigner extends SignatureV4 {
  readonly #normalizePath: boolean;
  readonly #credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly #region: string;

  constructor(options: {
    credentials: AwsCredentials;
    region: string;
    service: string;
    normalizePath: boolean;
  }) {
    const { accessKeyId, secretAccessKey, sessionToken } = options.credentials;
    const credentials = sessionToken
      ? { accessKeyId, secretAccessKey, sessionToken }
      : { accessKeyId, secretAccessKey };
    super({
      credentials,
      region: options.region,
      service: options.service,
      sha256: Sha256,
      uriEscapePath: options.normalizePath,
      // Our `contentSha256Header` option decides; smithy defaults this to on.
      applyChecksum: false,
    });
    this.#normalizePath = options.normalizePath;
    this.#credentials = credentials;
    this.#region = options.region;
  }

  dates(date: Date): { longDate: string; shortDate: string } {
    return this.formatDate(date);
  }

  canonicalRequest(
    request: SmithyRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string {
    const path = this.#normalizePath ? request.path : escapeUri(request.path).replace(/%2F/g, "/");
    return this.createCanonicalRequest({ ...request, path }, canonicalHeaders, payloadHash);
  }

  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }

  /** HMAC of the string to sign with smithy's (cached) derived signing key. */
  async signature(shortDate: string, stringToSign: string): Promise<string> {
    const key = await getSigningKey(
      Sha256,
      this.#credentials,
      shortDate,
      this.#region,
      this.service,
    );
    const hmac = new Sha256(key);
    hmac.update(toUint8Array(stringToSign));
    return toHex(await hmac.digest());
  }
}
