import { describe, expect, it } from "vitest";
import { blobOrigin } from "./blob-origin";

const cs = (connectionString: string) => ({ kind: "connection-string" as const, connectionString, container: "c" });

describe("blobOrigin", () => {
  it("reads the endpoint of a connection string, Azurite's or Azure's", () => {
    expect(blobOrigin(cs("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=k;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"))).toBe("http://127.0.0.1:10000");
    expect(blobOrigin(cs("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=k==;EndpointSuffix=core.windows.net"))).toBe("https://acct.blob.core.windows.net");
    expect(blobOrigin(cs("UseDevelopmentStorage=true"))).toBe("http://127.0.0.1:10000");
  });

  it("reads an account URL, and nothing without storage", () => {
    expect(blobOrigin({ kind: "account-key", accountUrl: "https://acct.blob.core.windows.net/", accountName: "acct", accountKey: "k", container: "c" })).toBe("https://acct.blob.core.windows.net");
    expect(blobOrigin(null)).toBeNull();
  });
});
