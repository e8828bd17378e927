// Why: the test manager's signature check must match manager 24.09 (spec §2), including the
// two real SDK signatures of §2.8, and reject a change to any signed line.
import { describe, expect, it } from "vitest";
import { authenticate, computeSignature, stringToSign, type SignedRequest } from "./auth";
import { parseSignedDate } from "./date";
import { ProblemError } from "./problems";

const AK = "AKIAIOSFODNN7EXAMPLE";
const SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const lookup = (ak: string) => (ak === AK ? { accessKey: AK, secretKey: SK, active: true } : undefined);

function vector(path: string, ctype: string, version: string, date: string, sig: string): SignedRequest {
  return {
    method: "POST", rawPath: path, body: Buffer.from("ignored body"),
    headers: {
      host: "127.0.0.1:8081", "content-type": ctype, "x-backendai-version": version, date,
      authorization: `BackendAI signMethod=HMAC-SHA256, credential=${AK}:${sig}`,
    },
  };
}

const V1 = vector("/folders/mydata1/request-download", "application/json", "v6.20200815",
  "2020-09-14T01:45:29.117351+00:00", "623674bb421ff0c96a9fe78a4a8c6a45fc5c0a370257800310cd9c7826819b3c");
const V2 = vector("/folders/mydata1/upload", "multipart/form-data; boundary=abc", "v5.20191215",
  "2020-07-28T01:01:22.205901+00:00", "f7520bea59550400b1b67556aeeec22fa40e7f601c2245918a20de0200ce1348");
const at = (req: SignedRequest) => parseSignedDate(String(req.headers.date))?.epochMs ?? 0;

function problemOf(fn: () => unknown): { status: number; type: string; msg?: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ProblemError) return { status: e.status, type: e.body.type.split("/").pop() ?? "", msg: e.body.msg };
    throw e;
  }
  throw new Error("expected a problem");
}

describe("backend.ai test server auth", () => {
  it("verifies the two real SDK signatures of §2.8", () => {
    expect(authenticate(V1, lookup, at(V1)).accessKey).toBe(AK);
    expect(authenticate(V2, lookup, at(V2)).accessKey).toBe(AK);
  });

  it("reproduces the fixture's string to sign and signature", () => {
    const req: SignedRequest = {
      method: "POST", rawPath: "/session/my-sess-01", body: Buffer.alloc(0),
      headers: { host: "127.0.0.1:8091", "content-type": "application/json", "x-backendai-version": "v8.20240915", "x-backendai-date": "2024-10-21T05:00:00.000Z" },
    };
    const text = stringToSign(req, "sha256");
    expect(text).toBe("POST\n/session/my-sess-01\n2024-10-21T05:00:00.000Z\nhost:127.0.0.1:8091\ncontent-type:application/json\nx-backendai-version:v8.20240915\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(computeSignature({ secretKey: SK, keyDate: "20241021", host: "127.0.0.1:8091", text, hash: "sha256" }))
      .toBe("ec39b9a5709c9e03ce4515d0d53554feb1c8307c799ec86b3b90c68663beaa0e");
  });

  const alterations: [string, (r: SignedRequest) => SignedRequest][] = [
    ["method", (r) => ({ ...r, method: "PUT" })],
    ["path", (r) => ({ ...r, rawPath: "/folders/mydata2/request-download" })],
    ["query", (r) => ({ ...r, rawPath: `${r.rawPath}?x=1` })],
    ["date", (r) => ({ ...r, headers: { ...r.headers, date: "2020-09-14T01:45:30.117351+00:00" } })],
    ["host", (r) => ({ ...r, headers: { ...r.headers, host: "127.0.0.1:8082" } })],
    ["content type", (r) => ({ ...r, headers: { ...r.headers, "content-type": "text/plain" } })],
    ["version", (r) => ({ ...r, headers: { ...r.headers, "x-backendai-version": "v6.20220315" } })],
    ["secret key", (r) => r],
  ];
  it.each(alterations)("rejects a changed %s with 401 auth-failed", (what, alter) => {
    const keys = what === "secret key" ? () => ({ accessKey: AK, secretKey: `${SK}x`, active: true }) : lookup;
    expect(problemOf(() => authenticate(alter(V1), keys, at(V1)))).toEqual({ status: 401, type: "auth-failed", msg: "Signature mismatch" });
  });

  it("ignores charset parameters in the content type but hashes old-version bodies", () => {
    const withCharset = { ...V1, headers: { ...V1.headers, "content-type": "Application/JSON; charset=utf-8" } };
    expect(authenticate(withCharset, lookup, at(V1)).accessKey).toBe(AK);
    const old = { ...V1, headers: { ...V1.headers, "x-backendai-version": "v4.20181214" } };
    expect(stringToSign(old, "sha256").split("\n")[6]).not.toBe(stringToSign(V1, "sha256").split("\n")[6]);
  });

  it("applies the ±15 min date window and the check order of 24.09", () => {
    expect(authenticate(V1, lookup, at(V1) + 14 * 60_000 + 55_000).accessKey).toBe(AK);
    expect(problemOf(() => authenticate(V1, lookup, at(V1) + 15 * 60_000 + 5_000))).toMatchObject({ status: 400, type: "invalid-auth-params", msg: "Date/time sync error" });
    const noDate = { ...V1, headers: { ...V1.headers, date: undefined } };
    expect(problemOf(() => authenticate(noDate, lookup, at(V1)))).toMatchObject({ status: 400, type: "invalid-auth-params" });
    const unsigned = { ...V1, headers: { ...V1.headers, authorization: undefined } };
    expect(problemOf(() => authenticate(unsigned, lookup, at(V1)))).toMatchObject({ status: 401, msg: "Unauthorized access" });
  });

  it("parses Authorization like the manager", () => {
    const withAuth = (a: string) => ({ ...V1, headers: { ...V1.headers, authorization: a } });
    const sig = String(V1.headers.authorization).split(":").pop();
    expect(authenticate(withAuth(`BackendAI signMethod = HMAC-SHA256 ,credential = ${AK}:${sig}`), lookup, at(V1)).accessKey).toBe(AK);
    expect(problemOf(() => authenticate(withAuth("BackendAI"), lookup, at(V1)))).toMatchObject({ status: 400, msg: "Malformed authorization header" });
    expect(problemOf(() => authenticate(withAuth(`Bearer signMethod=HMAC-SHA256, credential=${AK}:${sig}`), lookup, at(V1)))).toMatchObject({ status: 400, msg: "Invalid authorization type name" });
    expect(problemOf(() => authenticate(withAuth("BackendAI signMethod=HMAC-SHA256"), lookup, at(V1)))).toMatchObject({ status: 400, msg: "Missing or malformed authorization parameters" });
    expect(problemOf(() => authenticate(withAuth(`BackendAI signMethod=HMAC-SHA256, credential=AKNOPE:${sig}`), lookup, at(V1)))).toMatchObject({ status: 401, msg: "Access key not found" });
  });

  it("keys the signature on the date written in the header's own offset", () => {
    expect(parseSignedDate("2024-01-01T08:30:00+09:00")).toEqual({ epochMs: Date.UTC(2023, 11, 31, 23, 30), keyDate: "20240101" });
    expect(parseSignedDate("Mon, 21 Oct 2024 05:00:00 GMT")?.keyDate).toBe("20241021");
    expect(parseSignedDate("20160930T01:23:45Z")?.keyDate).toBe("20160930");
  });
});
