// Scratch-file calls (spec §7.1) against a scripted manager: multipart uploads, download_single, listings, errors.
import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { BackendAIClient } from "./client";
import { agentFailure, expectSigned, fakeFetch, KEYPAIR, type Reply, PINNED } from "./fake-manager";
import { downloadFile, listFiles, uploadFiles, workPath } from "./files";

function fakeManager(replies: Reply[]) {
  const { fetch, seen } = fakeFetch(replies);
  return { client: new BackendAIClient({ endpoint: "http://127.0.0.1:8091", ...KEYPAIR, fetch, apiVersion: PINNED }), seen };
}

const partNames = (body: unknown) => ((body as FormData).getAll("src") as File[]).map((p) => p.name);

describe("upload (spec §7.1)", () => {
  it("sends multipart `src` parts with relative names, signed as multipart/form-data", async () => {
    const { client, seen } = fakeManager([{ status: 204 }]);
    await uploadFiles(client, { sessionId: "ide-py-01", files: [{ name: "main.py", content: "print('hi')\n" }, { name: "./data//in.csv", content: new Uint8Array([97, 44, 98]) }] });
    const request = seen[0];
    if (!request) throw new Error("no request");
    expect(request.url.pathname).toBe("/session/ide-py-01/upload");
    expect(partNames(request.body)).toEqual(["main.py", "data/in.csv"]);
    const first = (request.body as FormData).get("src") as File;
    expect(first.type).toBe("application/octet-stream");
    expect(await first.text()).toBe("print('hi')\n");
    expect(request.headers.get("content-type")).toBeNull();
    expectSigned(request, { contentType: "multipart/form-data" });
  });

  it("retries with /home/work/ names when a 24.x agent refuses relative ones, and only then", async () => {
    const { client, seen } = fakeManager([{ status: 500, body: agentFailure("PermissionError('Not allowed to upload files outside /home/work')") }, { status: 204 }]);
    await uploadFiles(client, { sessionId: "s-01", files: [{ name: "data/in.csv", content: "a" }] });
    expect(seen.map((s) => partNames(s.body)[0])).toEqual(["data/in.csv", "/home/work/data/in.csv"]);
    const other = fakeManager([{ status: 400, body: { type: "https://api.backend.ai/probs/invalid-api-params", title: "t", msg: "Too large file" } }]);
    await expect(uploadFiles(other.client, { sessionId: "s-01", files: [{ name: "x", content: "a" }] })).rejects.toThrow(/Too large file/);
    expect(other.seen).toHaveLength(1);
  });

  it("refuses what the manager would refuse, saying why", async () => {
    const { client, seen } = fakeManager([]);
    await expect(uploadFiles(client, { sessionId: "s", files: [{ name: "../x", content: "a" }] })).rejects.toThrow(/relative to it/);
    await expect(uploadFiles(client, { sessionId: "s", files: [{ name: "/etc/x", content: "a" }] })).rejects.toThrow(/relative to it/);
    const big = uploadFiles(client, { sessionId: "s", files: [{ name: "big.bin", content: new Uint8Array(1024 * 1024) }] });
    await expect(big).rejects.toThrow('"big.bin" is 1,048,576 bytes, but Backend.AI accepts only files under 1 MiB each (its per-file upload limit).');
    const many = Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, content: "" }));
    await expect(uploadFiles(client, { sessionId: "s", files: many })).rejects.toThrow(/1 to 20 files/);
    expect(seen).toHaveLength(0);
  });
});

describe("download and list (spec §7.1)", () => {
  it("downloads one file with download_single and returns its bytes", async () => {
    const { client, seen } = fakeManager([{ status: 200, bytes: new Uint8Array([0, 1, 2, 255]) }]);
    expect(await downloadFile(client, { sessionId: "s-01", path: "out/plot.png" })).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(seen[0]).toMatchObject({ method: "POST", body: { file: "out/plot.png" } });
    expect(seen[0]?.url.pathname).toBe("/session/s-01/download_single");
    expectSigned(seen[0] as NonNullable<(typeof seen)[0]>);
  });

  it("maps the agent's exceptions to sentences: missing → NOT_FOUND, outside, too large", async () => {
    const { client } = fakeManager([
      { status: 500, body: agentFailure("FileNotFoundError('Could not found the file: /home/work/nope')") },
      { status: 500, body: agentFailure("PermissionError('You cannot download files outside /home/work')") },
      { status: 500, body: agentFailure("ValueError('too large file')") },
    ]);
    const get = (path: string) => downloadFile(client, { sessionId: "s", path }).then(() => undefined, (e: unknown) => e as KernelError);
    expect(await get("nope")).toMatchObject({ code: "NOT_FOUND", message: 'Backend.AI could not download "nope": there is no such file in the session\'s working directory.' });
    expect((await get("x"))?.message).toMatch(/outside the session's working directory/);
    expect((await get("big"))?.message).toMatch(/larger than its 1 MiB limit/);
  });

  it("lists with POST + X-Method-Override: GET, signed as GET, and parses `files` JSON text", async () => {
    const files = '[{"mode": "drwxr-xr-x", "size": 4096, "ctime": 1729487160.1, "mtime": 1729487160.5, "atime": 1729487160.1, "filename": "data"}, {"mode": "-rw-r--r--", "size": 12, "ctime": 1, "mtime": 1729487160, "atime": 1, "filename": "main.py"}]\n';
    const { client, seen } = fakeManager([{ status: 200, body: { files, errors: "", abspath: "." } }]);
    expect(await listFiles(client, { sessionId: "s-01", path: "." })).toEqual([
      { name: "data", size: 4096, isDirectory: true, modifiedAt: "2024-10-21T05:06:00.500Z" },
      { name: "main.py", size: 12, isDirectory: false, modifiedAt: "2024-10-21T05:06:00.000Z" },
    ]);
    const request = seen[0];
    if (!request) throw new Error("no request");
    expect(request.method).toBe("POST");
    expect(request.headers.get("x-method-override")).toBe("GET");
    expect(request.body).toEqual({ path: "." });
    expectSigned(request, { method: "GET" });
  });

  it("reports a missing directory as NOT_FOUND and other helper failures as UNAVAILABLE", async () => {
    const { client } = fakeManager([
      { status: 200, body: { files: "", errors: "Traceback ...\nFileNotFoundError: [Errno 2] No such file or directory: 'nope'\n", abspath: "nope" } },
      { status: 200, body: { files: "", errors: "Traceback ...\nOSError: boom\n", abspath: "x" } },
      { status: 200, body: { files: "not json", errors: "", abspath: "x" } },
    ]);
    await expect(listFiles(client, { sessionId: "s", path: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining('"nope"') });
    await expect(listFiles(client, { sessionId: "s", path: "x" })).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await expect(listFiles(client, { sessionId: "s", path: "x" })).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/unexpected answer/) });
  });

  it("normalises working-directory paths", () => {
    expect(workPath(".")).toBe(".");
    expect(workPath("")).toBe(".");
    expect(workPath("./a//b/")).toBe("a/b");
    expect(() => workPath("a/../../b")).toThrow(KernelError);
  });
});
