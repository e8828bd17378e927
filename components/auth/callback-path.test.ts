import { describe, expect, it } from "vitest";
import { callbackPath } from "./callback-path";

const origin = "http://127.0.0.1:3100";

describe("callbackPath (where sign-in continues)", () => {
  it("keeps a path on this origin, with its query and hash", () => {
    expect(callbackPath("/notebooks/abc?x=1#cell-2", origin)).toBe("/notebooks/abc?x=1#cell-2");
    expect(callbackPath(`${origin}/datasets`, origin)).toBe("/datasets");
  });

  it.each([
    "//evil.example/x", "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/\n/evil.example",
    "https://evil.example/x", "http://127.0.0.1:4444/notebooks", "javascript:alert(1)", "/.//evil.example",
    "data:text/html,hi",
  ])("refuses %j and goes to /notebooks", (raw) => {
    expect(callbackPath(raw, origin)).toBe("/notebooks");
  });

  it("goes to /notebooks without a callback", () => {
    expect(callbackPath(null, origin)).toBe("/notebooks");
    expect(callbackPath("", origin)).toBe("/notebooks");
  });
});
