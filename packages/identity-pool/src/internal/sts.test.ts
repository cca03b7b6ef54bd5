import { describe, expect, it } from "vitest";
import { optionCheck } from "./option-check.js";
import { assumeRoleWithWebIdentity } from "./sts.js";
import { createTransport } from "./transport.js";

const ok = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>us-east-1:abc</SubjectFromWebIdentityToken>
    <Credentials>
      <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
      <SecretAccessKey>se&amp;cret/+&#61;</SecretAccessKey>
      <SessionToken>to&lt;ken</SessionToken>
      <Expiration>2030-01-01T01:00:00Z</Expiration>
    </Credentials>
  </AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>`;

function call(status: number, body: string, sent: string[] = []) {
  const transport = createTransport(
    optionCheck("t"),
    {
      fetch: (async (_url: string, init: RequestInit) => {
        sent.push(String(init.body));
        return new Response(body, { status });
      }) as unknown as typeof fetch,
      retry: { maxAttempts: 1 },
    },
    "http://127.0.0.1:1/cognito",
  );
  return assumeRoleWithWebIdentity(transport, "http://127.0.0.1:1/", {
    RoleArn: "arn:aws:iam::123456789012:role/R",
    RoleSessionName: "s",
    WebIdentityToken: "t",
    DurationSeconds: undefined,
  });
}

describe("assumeRoleWithWebIdentity", () => {
  it("reads the credentials in Cognito's shape, decoding XML entities", async () => {
    expect(await call(200, ok)).toEqual({
      AccessKeyId: "ASIAEXAMPLE",
      SecretKey: "se&cret/+=",
      SessionToken: "to<ken",
      Expiration: Date.UTC(2030, 0, 1, 1) / 1000,
    });
  });

  it("sends the query-protocol form without undefined parameters", async () => {
    const sent: string[] = [];
    await call(200, ok, sent);
    expect(sent[0]).toBe(
      "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2FR&RoleSessionName=s&WebIdentityToken=t",
    );
  });

  it("reads Code and Message of an ErrorResponse", async () => {
    const body =
      "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>Incorrect token audience</Message></Error><RequestId>r</RequestId></ErrorResponse>";
    await expect(call(400, body)).rejects.toThrowCode("InvalidIdentityToken", {
      message: "AssumeRoleWithWebIdentity failed: InvalidIdentityToken: Incorrect token audience",
    });
  });

  it("an answer without Credentials reads as no fields (the client then throws invalid_response)", async () => {
    expect(await call(200, "<x/>")).toEqual({
      AccessKeyId: undefined,
      SecretKey: undefined,
      SessionToken: undefined,
      Expiration: Number.NaN,
    });
  });
});
