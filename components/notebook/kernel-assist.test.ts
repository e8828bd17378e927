import { describe, expect, it } from "vitest";
import { codeBlock } from "./kernel-assist";

describe("codeBlock", () => {
  it("fences help text so that backticks inside cannot end the block", () => {
    expect(codeBlock("summary(object, ...)")).toBe("```text\nsummary(object, ...)\n```");
    expect(codeBlock("a ``` b")).toBe("````text\na ``` b\n````");
  });
});
