import { describe, expect, it } from "vitest";
import { API_POLICY } from "./csp";
import { applySecurityHeaders, securityHeaders } from "./headers";

describe("securityHeaders", () => {
  it("adds HSTS only over https", () => {
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
  });

  it("forbids framing and sniffing, and defaults to the API policy", () => {
    const h = securityHeaders({ https: false });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Content-Security-Policy"]).toBe(API_POLICY);
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("keeps a header the route set itself", () => {
    const headers = new Headers({ "Referrer-Policy": "no-referrer" });
    applySecurityHeaders(headers, { https: false });
    expect(headers.get("referrer-policy")).toBe("no-referrer");
    expect(headers.get("x-frame-options")).toBe("DENY");
  });
});
