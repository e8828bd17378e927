import { describe, expect, it } from "vitest";
import { chooseVersion, negotiatedVersion, pickVersion } from "./api-version";

describe("API version choice", () => {
  it("picks the highest version both sides speak for each manager release (spec §1.1)", () => {
    expect(pickVersion("v4.20190615")).toBe("v4.20190615"); // 19.09
    expect(pickVersion("v6.20200815")).toBe("v6.20200815"); // 20.09
    expect(pickVersion("v7.20230615")).toBe("v7.20230615"); // 23.09
    expect(pickVersion("v8.20240915")).toBe("v8.20240915"); // 24.09
    expect(pickVersion("v9.20250722")).toBe("v8.20240915"); // 2026: ours is older, and it accepts it
    expect(pickVersion("v10.20260101")).toBe("v8.20240915"); // majors compare as numbers, not strings
    expect(pickVersion("v6.20221201")).toBe("v6.20220615"); // a revision we do not know: the one below it
  });

  it("says in one sentence when the manager is too old or answers nonsense", () => {
    expect(() => chooseVersion("v3.20170615", "http://m")).toThrow(
      "Backend.AI at http://m speaks API v3.20170615, older than the oldest Kernelbook supports (v4.20181215, manager 18.12).");
    expect(() => chooseVersion("<html>", "http://m")).toThrow('Backend.AI at http://m reported an API version Kernelbook does not understand ("<html>").');
  });

  it("asks once per endpoint, and again after a failed ask", async () => {
    let asked = 0;
    const ask = async () => {
      asked += 1;
      if (asked === 1) throw new Error("down");
      return "v7.20230615";
    };
    await expect(negotiatedVersion("http://unit-a", ask)).rejects.toThrow("down");
    expect(await negotiatedVersion("http://unit-a", ask)).toBe("v7.20230615");
    expect(await negotiatedVersion("http://unit-a", ask)).toBe("v7.20230615");
    expect(asked).toBe(2);
  });
});
