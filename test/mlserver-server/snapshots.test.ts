// Why: §2.9 snapshots against real R: create (201), list, download as a zip of the workspace and
// the files, create a session from one, load one into a live session, delete, privacy per user.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { MlServerTestServer } from "./server";
import { serveSuite } from "./suite-server";
import { TestClient } from "./test-client";

let srv: MlServerTestServer;
let c: TestClient;
serveSuite({ users: [{ username: "admin", password: "a" }, { username: "sean", password: "s" }] }, (server, client) => {
  srv = server;
  c = client;
});

const ZSnapshot = z.object({ id: z.string(), name: z.string(), owner: z.string(), creationTime: z.string(), contentSize: z.number().int() });

/** Entry names of a zip, read from its central directory. */
function zipNames(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let pos = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const nameLength = zip.readUInt16LE(pos + 28);
    names.push(zip.toString("utf8", pos + 46, pos + 46 + nameLength));
    pos += 46 + nameLength + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return names;
}

describe("ML Server test server: snapshots (§2.9)", () => {
  it("snapshots a session and restores it into a new session and into a live one", async () => {
    const a = await c.createSession({});
    await c.execute(a, 'model <- lm(mpg ~ wt, data = mtcars); writeLines("note", "notes.txt")');
    const created = await c.call("POST", `/sessions/${a}/snapshot`, { json: { name: "before-refactor" } });
    expect(created.status).toBe(201);
    const snapshotId = z.object({ snapshotId: z.string() }).parse(created.json).snapshotId;

    const [snap] = z.array(ZSnapshot).parse((await c.call("GET", "/snapshots")).json);
    expect(snap).toMatchObject({ id: snapshotId, name: "before-refactor", owner: "admin" });
    expect(snap.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const zip = await c.call("GET", `/snapshots/${snapshotId}`);
    expect(zip.bytes.length).toBe(snap.contentSize);
    expect(zipNames(zip.bytes)).toEqual([".RData", "notes.txt"]);

    const b = await c.createSession({ snapshotId });
    expect((await c.execute(b, 'cat(readLines("notes.txt"), class(model))')).consoleOutput).toBe("note lm");
    expect((await c.call("GET", `/sessions/${b}/files`)).json).toEqual(["notes.txt"]);

    const live = await c.createSession({});
    await c.execute(live, 'mine <- 1; writeLines("changed", "notes.txt")');
    expect((await c.call("POST", `/sessions/${live}/loadsnapshot/${snapshotId}`)).status).toBe(200);
    expect((await c.call("GET", `/sessions/${live}/workspace`)).json).toEqual(["mine", "model"]);
    expect((await c.call("GET", `/sessions/${live}/files/notes.txt`)).text).toBe("note\n");
  });

  it("keeps snapshots private and answers 404 once deleted", async () => {
    const a = await c.createSession({});
    const snapshotId = z.object({ snapshotId: z.string() }).parse((await c.call("POST", `/sessions/${a}/snapshot`, { json: {} })).json).snapshotId;
    const sean = new TestClient(srv, { username: "sean", password: "s" });
    await sean.login();
    expect((await sean.call("GET", "/snapshots")).json).toEqual([]);
    expect((await sean.call("GET", `/snapshots/${snapshotId}`)).status).toBe(404);
    expect((await sean.call("POST", "/sessions", { json: { snapshotId } })).status).toBe(404);
    expect((await c.call("DELETE", `/snapshots/${snapshotId}`)).status).toBe(200);
    expect((await c.call("GET", `/snapshots/${snapshotId}`)).status).toBe(404);
    expect((await c.call("POST", `/sessions/${a}/loadsnapshot/${snapshotId}`)).status).toBe(404);
  });

  it("refuses to load an R snapshot into a Python session", async () => {
    const r = await c.createSession({});
    const snapshotId = z.object({ snapshotId: z.string() }).parse((await c.call("POST", `/sessions/${r}/snapshot`, { json: {} })).json).snapshotId;
    const py = await c.createSession({ runtimeType: "Python" });
    expect((await c.call("POST", `/sessions/${py}/loadsnapshot/${snapshotId}`)).status).toBe(400);
  });
});
