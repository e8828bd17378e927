// Blob request helpers: the URLs and block-list XML Put Block / Put Block List want, the shared renewal.
import { describe, expect, it } from "vitest";
import { blockId } from "@/server/contracts/dataset";
import { blockListUrl, blockListXml, blockUrl, createUploadLink } from "./blob-requests";

describe("blob requests", () => {
  it("writes the block list in block order, each the latest version", () => {
    expect(blockListXml(3)).toBe(
      `<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>${blockId(0)}</Latest><Latest>${blockId(1)}</Latest><Latest>${blockId(2)}</Latest></BlockList>`,
    );
  });

  it("adds comp and the URL-encoded block id to the SAS query", () => {
    const sas = "http://127.0.0.1:10000/devstoreaccount1/c/u/b?sv=2025&sig=a%2Bb";
    const url = new URL(blockUrl(sas, 7));
    expect(url.searchParams.get("comp")).toBe("block");
    expect(url.searchParams.get("blockid")).toBe(blockId(7));
    expect(url.searchParams.get("sig")).toBe("a+b");
    expect(blockUrl(sas, 7)).toContain(`blockid=${encodeURIComponent(blockId(7))}`);
    expect(blockListUrl(sas)).toBe(`${sas}&comp=blocklist`);
  });

  it("renews a link once for everyone who saw the stale one", async () => {
    let calls = 0;
    const link = createUploadLink("old", async () => `new${++calls}`);
    await Promise.all([link.renew("old"), link.renew("old"), link.renew("old")]);
    expect(link.current()).toBe("new1");
    await link.renew("old"); // a late request with the old URL: already renewed
    expect(calls).toBe(1);
    await link.renew("new1");
    expect(link.current()).toBe("new2");
  });
});
