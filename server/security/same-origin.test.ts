import { describe, expect, it } from "vitest";
import { checkSameOrigin, hasContentType } from "./same-origin";

const post = (headers: Record<string, string>, url = "http://127.0.0.1:3100/api/trpc/x") => new Request(url, { method: "POST", headers });
const publicUrl = "https://kernelbook.example.org";

describe("checkSameOrigin", () => {
  it("lets reads through whatever their origin", () => {
    expect(checkSameOrigin(new Request("http://127.0.0.1:3100/x", { headers: { origin: "http://evil.example" } }), { publicUrl })).toEqual({ ok: true });
  });

  it("accepts the app's own origin: the public URL, the request's URL, or its Host", () => {
    expect(checkSameOrigin(post({ origin: "http://127.0.0.1:3100" }), { publicUrl: undefined }).ok).toBe(true);
    expect(checkSameOrigin(post({ origin: publicUrl }), { publicUrl }).ok).toBe(true);
    expect(checkSameOrigin(post({ origin: "http://localhost:3100", host: "localhost:3100" }), { publicUrl: undefined }).ok).toBe(true);
    expect(checkSameOrigin(post({ "sec-fetch-site": "same-origin" }), { publicUrl }).ok).toBe(true);
  });

  it.each([
    [{ origin: "http://127.0.0.1:4444" }, "FOREIGN_ORIGIN"],
    [{ origin: "null" }, "FOREIGN_ORIGIN"],
    [{ origin: "http://127.0.0.1:3100", "sec-fetch-site": "same-site" }, "CROSS_SITE"],
    [{ "sec-fetch-site": "cross-site" }, "CROSS_SITE"],
    [{}, "NO_ORIGIN"],
  ])("refuses %j (%s)", (headers, reason) => {
    expect(checkSameOrigin(post(headers), { publicUrl })).toEqual({ ok: false, reason });
  });
});

describe("hasContentType", () => {
  it("compares the media type without parameters, case-insensitively", () => {
    expect(hasContentType(post({ "content-type": "Application/JSON; charset=utf-8" }), ["application/json"])).toBe(true);
    expect(hasContentType(post({ "content-type": "text/plain" }), ["application/json"])).toBe(false);
    expect(hasContentType(post({}), ["application/json"])).toBe(false);
  });
});
