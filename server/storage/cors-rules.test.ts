import { describe, expect, it } from "vitest";
import { corsRulesFor } from "./cors-rules";

describe("corsRulesFor", () => {
  it("allows exactly the app's origin to put and read blobs with any header", () => {
    expect(corsRulesFor("https://nb.example.org")).toEqual([{
      allowedOrigins: "https://nb.example.org", allowedMethods: "PUT,GET,HEAD,OPTIONS", allowedHeaders: "*",
      exposedHeaders: "etag,content-length,content-type,content-md5,x-ms-*", maxAgeInSeconds: 3600,
    }]);
  });
});
