import { describe, expect, it } from "vitest";
import { KernelError } from "@/server/errors";
import { FakeMlServer } from "./fake-ml-server";
import { FIXTURES, SESSION_ID, SNAPSHOT_ID } from "./fixtures";
import { CLEAR_WORKSPACE_R } from "./ide.R";

const nonceOf = (code: string) => /nonce <- "([0-9a-f]{16})"/.exec(code)?.[1] ?? "";
const record = (code: string, kind: string, fields: string[]) => `##kb-${nonceOf(code)}:${kind}:${encodeURIComponent(fields.join("\u001f"))}##\r\n`;
const ok = (consoleOutput: string) => ({ success: true, errorMessage: "", outputParameters: [], consoleOutput, changedFiles: [] });

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof KernelError ? e.code : String(e)),
  );
}

describe("mlserver provider", () => {
  it("declares its capabilities and the R and Python specs", async () => {
    const provider = new FakeMlServer().provider();
    expect(provider.id).toBe("mlserver");
    expect(provider.capabilities).toEqual({ streaming: true, interrupt: "best-effort", plots: true, stdin: false });
    expect((await provider.listSpecs()).map((s) => [s.name, s.displayName, s.language])).toEqual([
      ["r", "R — ML Server", "r"],
      ["python", "Python — ML Server", "python"],
    ]);
  });

  it("starts an R session (201) with a name and runtimeType, and reports it idle", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const phases: string[] = [];
    const started = await provider.start({ onPhase: (p) => phases.push(p.phase) });
    expect(started).toEqual({ remoteId: SESSION_ID, runtime: "R — ML Server (http://mlserver.test:12800)" });
    expect(fake.requests[1]?.json).toEqual({ name: expect.stringMatching(/^kernelbook-/), runtimeType: "R" });
    expect(phases).toEqual(["Creating an ML Server session"]);
    expect(await provider.status(SESSION_ID)).toBe("idle");
  });

  it("starts from a snapshot, and says so when the snapshot does not exist", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    await provider.startFromSnapshot(SNAPSHOT_ID, { name: "from-snap" });
    expect(fake.requests[1]?.json).toEqual({ name: "from-snap", runtimeType: "R", snapshotId: SNAPSHOT_ID });
    fake.route("POST", "/sessions", { status: 404, body: { message: "Snapshot not found" } });
    const error = (await provider.startFromSnapshot("nope").catch((e: unknown) => e)) as KernelError;
    expect(error.code).toBe("START_FAILED");
    expect(error.message).toMatch(/snapshot to load does not exist/);
  });

  it("reports an exhausted shell pool (503, empty body) as BUSY, and a 200 instead of 201 as a failure", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    fake.route("POST", "/sessions", { status: 503 }, { times: 1 });
    expect(await codeOf(provider.start())).toBe("BUSY");
    fake.route("POST", "/sessions", { status: 200, body: FIXTURES["create-session-r"] }, { times: 1 });
    expect(await codeOf(provider.start())).toBe("UNAVAILABLE");
    expect(await codeOf(provider.start({ spec: "julia" }))).toBe("START_FAILED");
  });

  it("rejects answers that break the swagger's types (fixture negative-execute-types)", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    fake.onExecute = () => FIXTURES["negative-execute-types"];
    const error = await (async () => {
      for await (const _ of provider.execute(remoteId, { code: "1 + 1" })) void _;
    })().catch((e: unknown) => e);
    expect((error as KernelError).message).toBe("ML Server at http://mlserver.test:12800 gave an unexpected answer to the request to run code.");
  });

  it("status, interrupt, restart and shutdown of unknown ids are NOT_FOUND", async () => {
    const provider = new FakeMlServer().provider();
    for (const call of [provider.status("x"), provider.interrupt("x"), provider.restart("x"), provider.shutdown("x")]) expect(await codeOf(call)).toBe("NOT_FOUND");
  });

  it("shuts down with DELETE, forcing the close when the plain one fails", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    fake.route("DELETE", `/sessions/${SESSION_ID}`, { status: 500, body: { message: "Session is busy" } }, { times: 1 });
    await provider.shutdown(remoteId);
    expect(fake.calls().slice(-2)).toEqual([`DELETE /sessions/${SESSION_ID}`, `DELETE /sessions/${SESSION_ID}/force`]);
    expect(await codeOf(provider.status(remoteId))).toBe("NOT_FOUND");
    expect(await codeOf(provider.shutdown(remoteId))).toBe("NOT_FOUND");
  });

  it("restarts by emptying the workspace in the same session", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    const sent: string[] = [];
    fake.onExecute = (code) => {
      sent.push(code);
      return ok("");
    };
    await provider.restart(remoteId);
    expect(sent).toEqual([CLEAR_WORKSPACE_R]);
    expect(CLEAR_WORKSPACE_R).toContain("rm(list = ls(envir = globalenv(), all.names = TRUE), envir = globalenv())");
  });

  it("describes the workspace objects GET /workspace names (fixture workspace-list)", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    fake.onExecute = (code) => {
      expect(code).toContain('c("model", "manualTransmission", "am.glm", "newdata")');
      return ok(record(code, "var", ["model", "glm, lm", "length 30", "45160", "List of 30"]) + record(code, "var", ["newdata", "data.frame", "1 x 2", "", "hp, wt"]));
    };
    expect(await provider.variables(remoteId)).toEqual([
      { name: "model", type: "glm, lm", shape: "length 30", sizeBytes: 45160, preview: "List of 30" },
      { name: "manualTransmission", type: "unknown", shape: "", sizeBytes: null, preview: "" },
      { name: "am.glm", type: "unknown", shape: "", sizeBytes: null, preview: "" },
      { name: "newdata", type: "data.frame", shape: "1 x 2", sizeBytes: null, preview: "hp, wt" },
    ]);
  });

  it("completes with R's completion at the cursor", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    fake.onExecute = (code) => {
      expect(code).toContain('line <- "mean(df$"');
      return ok(record(code, "complete", ["df$", "df$a", "df$b"]));
    };
    const code = "x <- 1\nmean(df$)";
    expect(await provider.complete(remoteId, { code, cursor: code.length - 1 })).toEqual({ matches: ["df$a", "df$b"], cursorStart: 12, cursorEnd: 15 });
  });

  it("uploads (multipart field 'file'), lists and downloads working-directory files", async () => {
    const fake = new FakeMlServer();
    const provider = fake.provider();
    const { remoteId } = await provider.start();
    await provider.uploadFile(remoteId, { path: "./statscore.csv", data: new TextEncoder().encode("id,score\r\n1,0.83\r\n") });
    const upload = fake.requests.at(-1);
    expect(upload?.form?.get("file")).toBeInstanceOf(File);
    expect((upload?.form?.get("file") as File).name).toBe("statscore.csv");
    expect(new TextDecoder().decode(await provider.downloadFile(remoteId, "statscore.csv"))).toBe("id,score\r\n1,0.83\r\n");
    expect(await provider.listFiles(remoteId, ".")).toEqual(FIXTURES["list-files"].map((name) => ({ name, size: 0, isDirectory: false, modifiedAt: null })));
    expect(await codeOf(provider.downloadFile(remoteId, "missing.csv"))).toBe("NOT_FOUND");
    expect(await codeOf(provider.uploadFile(remoteId, { path: "data/in.csv", data: new Uint8Array(1) }))).toBe("UNAVAILABLE");
    expect(await codeOf(provider.listFiles(remoteId, "data"))).toBe("NOT_FOUND");
  });
});
