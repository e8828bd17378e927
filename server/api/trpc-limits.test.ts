import { describe, expect, it } from "vitest";
import { DEFAULT_BODY_BYTES, NOTEBOOK_BODY_BYTES, procedurePaths, tooManyCalls, trpcBodyLimit } from "./trpc-limits";

const req = (path: string) => new Request(`http://127.0.0.1:3000/api/trpc/${path}`);

describe("tRPC limits", () => {
  it("reads the procedures of a batch", () => {
    expect(procedurePaths(req("notebook.list,notebook.get?batch=1"))).toEqual(["notebook.list", "notebook.get"]);
    expect(procedurePaths(req("a%2Cb?batch=1"))).toEqual(["a", "b"]);
    expect(procedurePaths(req("bad%E0%A4%A"))).toEqual(["bad%E0%A4%A"]);
  });

  it("gives whole-notebook procedures the large limit, anything else the small one", () => {
    expect(trpcBodyLimit(req("notebook.rename"))).toBe(DEFAULT_BODY_BYTES);
    expect(trpcBodyLimit(req("notebook.import"))).toBe(NOTEBOOK_BODY_BYTES);
    expect(trpcBodyLimit(req("notebook.get,notebook.save?batch=1"))).toBe(NOTEBOOK_BODY_BYTES);
  });

  it("lets 50 calls through and refuses 51", () => {
    expect(tooManyCalls(req(`${Array(50).fill("notebook.list").join(",")}?batch=1`))).toBe(false);
    expect(tooManyCalls(req(`${Array(51).fill("notebook.list").join(",")}?batch=1`))).toBe(true);
  });
});
