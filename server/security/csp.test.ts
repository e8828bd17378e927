import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FRAME_REPORTER_HASH } from "@/components/notebook/outputs/frame-reporter";
import { inlineScriptHashes, newNonce, pagePolicy } from "./csp";

const policy = (o: Partial<Parameters<typeof pagePolicy>[0]> = {}) =>
  pagePolicy({ nonce: "abc123", development: false, connectOrigins: [], https: false, ...o });

function directive(text: string, name: string): string[] {
  const found = text.split("; ").find((d) => d.startsWith(`${name} `));
  return found ? found.split(" ").slice(1) : [];
}

describe("pagePolicy", () => {
  it("runs scripts only with the nonce (no unsafe-inline, no eval in production)", () => {
    const scripts = directive(policy(), "script-src");
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts.filter((s) => s !== "'wasm-unsafe-eval'").join(" ")).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(directive(policy({ development: true }), "script-src")).toContain("'unsafe-eval'");
  });

  it("loads images from nowhere remote, is framed by nobody, and adds only the storage origin", () => {
    const text = policy({ connectOrigins: ["https://acct.blob.core.windows.net"] });
    expect(directive(text, "img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(directive(text, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(text, "object-src")).toEqual(["'none'"]);
    expect(directive(text, "connect-src")).toEqual(["'self'", "https://acct.blob.core.windows.net"]);
    expect(text).not.toContain("upgrade-insecure-requests");
    expect(policy({ https: true })).toContain("upgrade-insecure-requests");
  });

  it("hashes allowed inline scripts the way browsers do", () => {
    const expected = createHash("sha256").update("parent.postMessage(1,'*')").digest("base64");
    expect(inlineScriptHashes(["parent.postMessage(1,'*')"])).toEqual([`'sha256-${expected}'`]);
  });

  it("lets the HTML-output frames' height reporter run (srcdoc frames inherit the page's policy), and nothing else inline", () => {
    const scripts = directive(policy(), "script-src");
    expect(scripts).toContain(FRAME_REPORTER_HASH);
    expect(scripts.filter((s) => s.startsWith("'sha256-"))).toEqual([FRAME_REPORTER_HASH]);
  });

  it("makes a fresh nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
