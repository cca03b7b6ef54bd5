import { describe, expect, it } from "vitest";
import { isPolicyError } from "../errors.js";
import { isPartition, PARTITIONS, parsePartition, partitionDnsSuffix } from "./partition.js";

describe("partitions", () => {
  it("lists the eight AWS partitions of the SDKs' partition table", () => {
    expect(PARTITIONS).toEqual([
      "aws",
      "aws-cn",
      "aws-us-gov",
      "aws-iso",
      "aws-iso-b",
      "aws-iso-e",
      "aws-iso-f",
      "aws-eusc",
    ]);
    expect(Object.isFrozen(PARTITIONS)).toBe(true);
  });

  it.each(PARTITIONS)("accepts %s", (partition) => {
    expect(isPartition(partition)).toBe(true);
    expect(parsePartition(partition)).toBe(partition);
  });

  it.each([["aws-foo"], ["AWS"], ["*"], ["aws-*"], [""], [" aws"], [42], [null], [undefined]])(
    "refuses %j with invalid_partition, the path and the list of partitions",
    (value) => {
      expect(isPartition(value)).toBe(false);
      let caught: unknown;
      try {
        parsePartition(value, "target.partition");
      } catch (error) {
        caught = error;
      }
      expect(isPolicyError(caught)).toBe(true);
      expect(caught).toMatchObject({ code: "invalid_partition", path: "target.partition" });
      expect((caught as Error).message).toContain("aws, aws-cn, aws-us-gov, aws-iso");
    },
  );

  it("gives each partition's endpoint DNS suffix", () => {
    expect(PARTITIONS.map(partitionDnsSuffix)).toEqual([
      "amazonaws.com",
      "amazonaws.com.cn",
      "amazonaws.com",
      "c2s.ic.gov",
      "sc2s.sgov.gov",
      "cloud.adc-e.uk",
      "csp.hci.ic.gov",
      "amazonaws.eu",
    ]);
    expect(() => partitionDnsSuffix("aws-foo" as never)).toThrowCode("invalid_partition");
  });
});

describe("messages about values that are not strings", () => {
  it("name the kind of value without calling its toString", () => {
    const hostile = { toString: 0 };
    expect(() => parsePartition(hostile)).toThrowCode("invalid_partition", {
      message: expect.stringContaining("an object"),
    });
    expect(() => parsePartition(Symbol("x"))).toThrow(
      expect.objectContaining({ message: expect.stringContaining("a symbol") }),
    );
  });
});
