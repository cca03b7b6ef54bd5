import { describe, expect, it } from "vitest";
import { errorType } from "./error-type.js";

describe("errorType", () => {
  const cases: Array<[unknown[], string | undefined]> = [
    [
      ["NotAuthorizedException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity/"],
      "NotAuthorizedException",
    ],
    [
      [null, "com.amazonaws.cognito.identity.model#TooManyRequestsException"],
      "TooManyRequestsException",
    ],
    [
      ["aws.protocoltests#ResourceNotFoundException:http://internal.amazon.com/"],
      "ResourceNotFoundException",
    ],
    [[undefined, "InternalErrorException"], "InternalErrorException"],
    [["", 42], undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${String(expected)}`, () => {
      expect(errorType(...input)).toBe(expected);
    });
  }
});
