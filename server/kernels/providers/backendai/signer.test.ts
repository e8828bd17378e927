import { describe, expect, it } from "vitest";
import { authorizationHeader, canonicalContentType, keyDate, signature, signedHeaders, stringToSign, type SignInput } from "./signer";

// Values copied from /work/shared/specs/backendai-fixtures.json (the repo must not depend on that file).
const KEYPAIR = { accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

type FixtureRequest = { method: string; path: string; headers: Record<string, string> };
const FIXTURES: Record<string, FixtureRequest> = {
  "signed-request-example": {
    method: "POST", path: "/session/my-sess-01",
    headers: {
      Host: "127.0.0.1:8091", "Content-Type": "application/json", "X-BackendAI-Version": "v8.20240915", "X-BackendAI-Date": "2024-10-21T05:00:00.000Z",
      Authorization: "BackendAI signMethod=HMAC-SHA256, credential=AKIAIOSFODNN7EXAMPLE:ec39b9a5709c9e03ce4515d0d53554feb1c8307c799ec86b3b90c68663beaa0e",
    },
  },
  "upstream-signature-vector-1": {
    method: "POST", path: "/folders/mydata1/request-download",
    headers: {
      Host: "127.0.0.1:8081", "Content-Type": "application/json", "X-BackendAI-Version": "v6.20200815", Date: "2020-09-14T01:45:29.117351+00:00", "X-BackendAI-Domain": "default",
      Authorization: "BackendAI signMethod=HMAC-SHA256,credential=AKIAIOSFODNN7EXAMPLE:623674bb421ff0c96a9fe78a4a8c6a45fc5c0a370257800310cd9c7826819b3c",
    },
  },
  "upstream-signature-vector-2": {
    method: "POST", path: "/folders/mydata1/upload",
    headers: {
      Host: "127.0.0.1:8081", "Content-Type": "multipart/form-data", "X-BackendAI-Version": "v5.20191215", Date: "2020-07-28T01:01:22.205901+00:00",
      Authorization: "BackendAI signMethod=HMAC-SHA256 , credential=AKIAIOSFODNN7EXAMPLE:f7520bea59550400b1b67556aeeec22fa40e7f601c2245918a20de0200ce1348",
    },
  },
};

function fromFixture(id: string): { input: SignInput; authorization: string } {
  const request = FIXTURES[id];
  if (!request) throw new Error(`no fixture ${id}`);
  const h = request.headers;
  const input: SignInput = {
    method: request.method,
    pathWithQuery: request.path,
    date: h.Date ?? h["X-BackendAI-Date"] ?? "",
    host: h.Host ?? "",
    contentType: h["Content-Type"],
    apiVersion: h["X-BackendAI-Version"] ?? "",
  };
  return { input, authorization: h.Authorization ?? "" };
}

const signatureIn = (authorization: string) => /credential=[^:]+:([0-9a-f]{64})/.exec(authorization)?.[1];

describe("signer", () => {
  it("reproduces upstream vector 1 (spec §2.8) byte for byte", () => {
    const input: SignInput = {
      method: "POST", pathWithQuery: "/folders/mydata1/request-download", date: "2020-09-14T01:45:29.117351+00:00",
      host: "127.0.0.1:8081", contentType: "application/json", apiVersion: "v6.20200815",
    };
    expect(signature(input, KEYPAIR.secretKey)).toBe("623674bb421ff0c96a9fe78a4a8c6a45fc5c0a370257800310cd9c7826819b3c");
  });

  it("reproduces upstream vector 2 (multipart, v5) byte for byte", () => {
    const input: SignInput = {
      method: "POST", pathWithQuery: "/folders/mydata1/upload", date: "2020-07-28T01:01:22.205901+00:00",
      host: "127.0.0.1:8081", contentType: "multipart/form-data; boundary=xyz", apiVersion: "v5.20191215", body: "ignored",
    };
    expect(signature(input, KEYPAIR.secretKey)).toBe("f7520bea59550400b1b67556aeeec22fa40e7f601c2245918a20de0200ce1348");
  });

  it.each(["signed-request-example", "upstream-signature-vector-1", "upstream-signature-vector-2"])("matches fixture %s", (id) => {
    const { input, authorization } = fromFixture(id);
    expect(signature(input, KEYPAIR.secretKey)).toBe(signatureIn(authorization));
  });

  it("builds the string to sign of the fixture exactly", () => {
    const { input } = fromFixture("signed-request-example");
    expect(stringToSign(input)).toBe(
      "POST\n/session/my-sess-01\n2024-10-21T05:00:00.000Z\nhost:127.0.0.1:8091\ncontent-type:application/json\nx-backendai-version:v8.20240915\n" + EMPTY_SHA256,
    );
  });

  it("changes the signature when any one signed line changes", () => {
    const { input } = fromFixture("signed-request-example");
    const base = signature(input, KEYPAIR.secretKey);
    const variants: Partial<SignInput>[] = [
      { method: "GET" },
      { pathWithQuery: "/session/my-sess-02" },
      { pathWithQuery: "/session/my-sess-01?forced=true" },
      { date: "2024-10-21T05:00:01.000Z" },
      { host: "127.0.0.1:8092" },
      { contentType: "text/plain" },
      { apiVersion: "v8.20240315" },
      { apiVersion: "v2.20170315", body: "{}" },
    ];
    for (const variant of variants) expect(signature({ ...input, ...variant }, KEYPAIR.secretKey), JSON.stringify(variant)).not.toBe(base);
    expect(signature(input, "another-secret")).not.toBe(base);
  });

  it("hashes the body only before v4.20181215 and never for multipart", () => {
    const input: SignInput = { method: "POST", pathWithQuery: "/x", date: "2018-01-01T00:00:00Z", host: "h", contentType: "application/json", apiVersion: "v3.20170615", body: "{}" };
    expect(stringToSign(input).split("\n")[6]).not.toBe(EMPTY_SHA256);
    expect(stringToSign({ ...input, contentType: "multipart/form-data; boundary=b" }).split("\n")[6]).toBe(EMPTY_SHA256);
    expect(stringToSign({ ...input, apiVersion: "v4.20181215" }).split("\n")[6]).toBe(EMPTY_SHA256);
  });

  it("signs the MIME type the manager extracts", () => {
    expect(canonicalContentType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(canonicalContentType("multipart/form-data; boundary=abc")).toBe("multipart/form-data");
    expect(canonicalContentType("garbage")).toBe("text/plain");
    expect(canonicalContentType(undefined)).toBe("application/octet-stream");
  });

  it("derives the key date in the offset written in the header", () => {
    expect(keyDate("2024-01-01T08:30:00+09:00")).toBe("20240101");
    expect(keyDate("20160930T01:23:45Z")).toBe("20160930");
    expect(keyDate("Mon, 21 Oct 2024 05:00:00 GMT")).toBe("20241021");
    expect(() => keyDate("yesterday")).toThrow();
  });

  it("produces the headers of a signed request with an ISO UTC date", () => {
    const now = new Date("2024-10-21T05:00:00.000Z");
    const headers = signedHeaders(
      { method: "POST", pathWithQuery: "/session/my-sess-01", host: "127.0.0.1:8091", contentType: "application/json", apiVersion: "v8.20240915", now },
      KEYPAIR, { sendContentType: true },
    );
    expect(headers).toEqual({
      "X-BackendAI-Date": "2024-10-21T05:00:00.000Z",
      "X-BackendAI-Version": "v8.20240915",
      "Content-Type": "application/json",
      Authorization: fromFixture("signed-request-example").authorization,
    });
    expect(authorizationHeader(fromFixture("signed-request-example").input, KEYPAIR)).toBe(headers.Authorization);
  });
});
