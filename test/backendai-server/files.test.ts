// Why: session scratch files on the test manager (spec §7.1) for each agent generation: uploads,
// tar downloads checked with the system's own tar, download_single, listings and confinement.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { startBackendAiTestServer, type BackendAiTestServer } from "./server";
import { client, field, stdout } from "./test-client";

let srv: BackendAiTestServer;
const scratch = mkdtempSync(join(tmpdir(), "kb-bai-files-"));
beforeAll(async () => {
  srv = await startBackendAiTestServer({ flushMs: 200 });
  await call("POST", "/session", { name: "files-r-01", image: "R" });
});
afterAll(async () => {
  await srv.close();
  rmSync(scratch, { recursive: true, force: true });
});

const { call, runToEnd } = client(() => srv);

function form(files: Record<string, string | Uint8Array>): FormData {
  const f = new FormData();
  for (const [name, content] of Object.entries(files)) f.append("src", new Blob([typeof content === "string" ? content : new Uint8Array(content)], { type: "application/octet-stream" }), name);
  return f;
}
const upload = (files: Record<string, string | Uint8Array>) => call("POST", "/session/files-r-01/upload", undefined, { raw: { data: form(files) } });
const agentException = (r: { body: unknown }) => z.object({ "agent-details": z.object({ exception: z.string() }) }).parse(r.body)["agent-details"].exception;

/** Splits a multipart/mixed body into its parts' bytes. */
function mixedParts(contentType: string, body: Buffer): Buffer[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? "";
  const parts: Buffer[] = [];
  let at = body.indexOf(`--${boundary}`);
  for (;;) {
    const start = body.indexOf("\r\n\r\n", at) + 4;
    const next = body.indexOf(`\r\n--${boundary}`, start);
    if (start < 4 || next < 0) return parts;
    parts.push(body.subarray(start, next));
    at = next + 2;
  }
}

describe("upload by agent generation", () => {
  it("24.09 agents refuse relative names with 500 kernel-execution-failed and accept /home/work/ ones", async () => {
    srv.faults.agentVersion = "24.09";
    const refused = await upload({ "data/in.csv": "a,b\n1,2\n" });
    expect(refused).toMatchObject({ status: 500, body: { type: "https://api.backend.ai/probs/kernel-execution-failed", "agent-details": { type: "https://api.backend.ai/probs/agent-failure" } } });
    expect(agentException(refused)).toMatch(/^PermissionError\(.*outside \/home\/work/);
    expect((await upload({ "/home/work/data/in.csv": "a,b\n1,2\n" })).status).toBe(204);
    expect(stdout((await runToEnd("files-r-01", 'sum(read.csv("data/in.csv")$b)')).console)).toBe("[1] 2\n");
  });

  it.each(["23.09", "25.8"] as const)("%s agents accept relative names", async (version) => {
    srv.faults.agentVersion = version;
    expect((await upload({ "main.R": "x <- 1\n", "sub/dir/b.txt": "hello" })).status).toBe(204);
    expect(stdout((await runToEnd("files-r-01", 'cat(readLines("sub/dir/b.txt"))')).console)).toBe("hello");
  });

  it("enforces the part count and size limits and /home/work confinement", async () => {
    srv.faults.agentVersion = "25.8";
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.txt`, "x"]));
    expect(await upload(many)).toMatchObject({ status: 400, body: { msg: "Too many files" } });
    expect(await upload({ "big.bin": new Uint8Array(1024 * 1024) })).toMatchObject({ status: 400, body: { msg: "Too large file" } });
    expect((await upload({ "almost.bin": new Uint8Array(1024 * 1024 - 1) })).status).toBe(204);
    const outside = await upload({ "../escape.txt": "x" });
    expect(outside.status).toBe(500);
    expect(agentException(outside)).toMatch(/^PermissionError/);
  });
});

describe("download and list", () => {
  beforeAll(async () => {
    srv.faults.agentVersion = "25.8";
    await upload({ "out/plot.txt": "plot data", "out/deep/n.txt": "12345" });
  });

  it("downloads tar archives in a multipart/mixed body, one per path in order", async () => {
    const res = await call("POST", "/session/files-r-01/download", { files: ["out/plot.txt", "out"] });
    expect(res.status).toBe(200);
    const type = res.headers.get("content-type") ?? "";
    expect(type).toMatch(/^multipart\/mixed; boundary=/);
    expect(res.bytes.toString("latin1")).toContain("Content-Encoding: identity");
    const [single, dir] = mixedParts(type, res.bytes);
    writeFileSync(join(scratch, "single.tar"), single ?? Buffer.alloc(0));
    writeFileSync(join(scratch, "dir.tar"), dir ?? Buffer.alloc(0));
    expect(execFileSync("tar", ["-xOf", join(scratch, "single.tar"), "plot.txt"]).toString()).toBe("plot data");
    expect(execFileSync("tar", ["-tf", join(scratch, "dir.tar")]).toString().split("\n").filter(Boolean)).toEqual(["out/", "out/deep/", "out/deep/n.txt", "out/plot.txt"]);
    expect(execFileSync("tar", ["-xOf", join(scratch, "dir.tar"), "out/deep/n.txt"]).toString()).toBe("12345");
  });

  it("takes only the first `files` value from the query string", async () => {
    const res = await call("POST", "/session/files-r-01/download?files=out/plot.txt&files=out", undefined);
    expect(res.status).toBe(200);
    expect(mixedParts(res.headers.get("content-type") ?? "", res.bytes)).toHaveLength(1);
  });

  it("refuses missing, outside and too many paths, and the deprecated GET", async () => {
    const missing = await call("POST", "/session/files-r-01/download", { files: ["nope.txt"] });
    expect(missing.status).toBe(500);
    expect(agentException(missing)).toMatch(/^FileNotFoundError/);
    expect(agentException(await call("POST", "/session/files-r-01/download", { files: ["../../etc/passwd"] }))).toMatch(/^PermissionError/);
    expect(field(await call("POST", "/session/files-r-01/download", { files: ["a", "b", "c", "d", "e", "f"] }), "msg")).toBe("Too many files");
    expect(await call("GET", "/session/files-r-01/download")).toMatchObject({ status: 400, body: { type: "https://api.backend.ai/probs/deprecated" } });
  });

  it("answers download_single with the raw bytes", async () => {
    const res = await call("POST", "/session/files-r-01/download_single", { file: "out/deep/n.txt" });
    expect(res.status).toBe(200);
    expect(res.bytes.toString()).toBe("12345");
    expect(agentException(await call("POST", "/session/files-r-01/download_single", { file: "out" }))).toMatch(/^ValueError/);
    expect(agentException(await call("POST", "/session/files-r-01/download_single", { file: "gone.txt" }))).toMatch(/^FileNotFoundError/);
  });

  // fetch cannot send a body with GET: POST + X-Method-Override: GET, signed as GET (spec §3.3).
  it("lists a directory with `files` as JSON text, and reports a missing one in `errors`", async () => {
    const res = await call("GET", "/session/files-r-01/files", { path: "out" }, { override: true });
    const body = z.object({ files: z.string(), errors: z.string(), abspath: z.string() }).parse(res.body);
    expect(body.abspath).toBe("out");
    expect(body.files).toMatch(/^\[\{"mode": "drwx/);
    const rows = z.array(z.object({ mode: z.string(), size: z.number(), mtime: z.number(), filename: z.string() })).parse(JSON.parse(body.files));
    expect(rows.map((r) => [r.filename, r.mode[0], r.filename === "plot.txt" ? r.size : 0])).toEqual([["deep", "d", 0], ["plot.txt", "-", 9]]);
    expect(Math.abs(rows[1].mtime * 1000 - Date.now())).toBeLessThan(60_000);
    const missing = await call("GET", "/session/files-r-01/files", { path: "nothing" }, { override: true });
    expect(missing.body).toMatchObject({ files: "", abspath: "nothing", errors: expect.stringContaining("FileNotFoundError") });
    const outside = await call("GET", "/session/files-r-01/files", { path: "/etc" }, { override: true });
    expect(outside.status).toBe(500);
    expect(agentException(outside)).toMatch(/^PermissionError/);
  });

  it("keeps the R session's own bookkeeping out of /home/work", async () => {
    await runToEnd("files-r-01", "plot(1:3)");
    const files = z.object({ files: z.string() }).parse((await call("GET", "/session/files-r-01/files", { path: "." }, { override: true })).body).files;
    expect(JSON.parse(files).map((r: { filename: string }) => r.filename).sort()).toEqual(["almost.bin", "data", "main.R", "out", "sub"]);
  });
});
