/** A request as the verifier received it. */
export interface VerifiableRequest {
  /** The HTTP method, e.g. `GET`. */
  method: string;
  /** The absolute URL as received: `http://` + the `Host` header + the request-line target. */
  url: string;
  /** Header names in any case; repeated headers as arrays (Node's `IncomingMessage.headers`). */
  headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>;
  /** The complete body (empty for none). */
  body: Uint8Array;
}
