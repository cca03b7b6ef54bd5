const STS_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

/** Escapes element text (no dynamic attributes are written). */
function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An ISO timestamp without milliseconds, as STS writes `Expiration`. @internal */
export function stsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** @internal */
export interface AssumeRoleWithWebIdentityResult {
  subject: string;
  audience: string;
  provider: string;
  assumedRoleArn: string;
  assumedRoleId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  requestId: string;
}

/** The XML body of a successful `AssumeRoleWithWebIdentity`, element order as STS sends it. @internal */
export function assumeRoleWithWebIdentityXml(result: AssumeRoleWithWebIdentityResult): string {
  const e = escapeXml;
  return `<AssumeRoleWithWebIdentityResponse xmlns="${STS_NAMESPACE}">
  <AssumeRoleWithWebIdentityResult>
    <Audience>${e(result.audience)}</Audience>
    <AssumedRoleUser>
      <AssumedRoleId>${e(result.assumedRoleId)}</AssumedRoleId>
      <Arn>${e(result.assumedRoleArn)}</Arn>
    </AssumedRoleUser>
    <Provider>${e(result.provider)}</Provider>
    <Credentials>
      <AccessKeyId>${e(result.accessKeyId)}</AccessKeyId>
      <SecretAccessKey>${e(result.secretAccessKey)}</SecretAccessKey>
      <SessionToken>${e(result.sessionToken)}</SessionToken>
      <Expiration>${stsTimestamp(result.expiration)}</Expiration>
    </Credentials>
    <SubjectFromWebIdentityToken>${e(result.subject)}</SubjectFromWebIdentityToken>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>${e(result.requestId)}</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>
`;
}

/** STS's XML error body; `Sender` for 4xx, `Receiver` for 5xx. @internal */
export function stsErrorXml(
  status: number,
  code: string,
  message: string,
  requestId: string,
): string {
  const type = status >= 500 ? "Receiver" : "Sender";
  return `<ErrorResponse xmlns="${STS_NAMESPACE}">
  <Error>
    <Type>${type}</Type>
    <Code>${escapeXml(code)}</Code>
    <Message>${escapeXml(message)}</Message>
  </Error>
  <RequestId>${escapeXml(requestId)}</RequestId>
</ErrorResponse>
`;
}
