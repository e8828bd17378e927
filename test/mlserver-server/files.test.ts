// Why: §2.7 working-directory files and §2.8 workspace objects against real R, and §3 plots:
// PNG files written by the run appear in changedFiles and download as real PNG bytes.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { MlServerTestServer } from "./server";
import { serveSuite } from "./suite-server";
import { PNG_MAGIC, TestClient } from "./test-client";

let srv: MlServerTestServer;
let c: TestClient;
serveSuite({}, (server, client) => {
  srv = server;
  c = client;
});

describe("ML Server test server: plots and changedFiles (§3)", () => {
  it("lists a PNG opened by the client's code and serves its bytes", async () => {
    const id = await c.createSession({});
    const r = await c.execute(id, 'png(filename = "hist.png", width = 600, height = 400)\nhist(rnorm(100))\ndev.off()');
    expect(r).toEqual({ success: true, errorMessage: "", outputParameters: [], consoleOutput: "null device \r\n          1 \r\n", changedFiles: ["hist.png"] });
    const png = await c.call("GET", `/sessions/${id}/files/hist.png`);
    expect(png.status).toBe(200);
    expect(png.bytes.subarray(0, 4)).toEqual(PNG_MAGIC);
    expect(png.bytes.readUInt32BE(16)).toBe(600); // IHDR width
  });

  it("writes plots drawn without a device to 400x400 Rplot files, and lists only files changed by the run", async () => {
    const id = await c.createSession({});
    await c.execute(id, 'writeLines("a,b", "keep.csv"); writeLines("1", "edit.txt")');
    const r = await c.execute(id, 'plot(1:10)\nwriteLines("2", "edit.txt")');
    expect(r.changedFiles).toEqual(["Rplot001.png", "edit.txt"]);
    const png = await c.call("GET", `/sessions/${id}/files/Rplot001.png`);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([400, 400]);
    expect((await c.execute(id, "x <- 1")).changedFiles).toEqual([]);
  });
});

describe("ML Server test server: working-directory files (§2.7)", () => {
  it("uploads (multipart field 'file', 201), lists, downloads, overwrites and deletes", async () => {
    const id = await c.createSession({});
    const up = await c.upload(id, "statscore.csv", "id,score\r\n1,0.83\r\n2,0.41\r\n");
    expect([up.status, up.text]).toEqual([201, ""]);
    expect((await c.call("GET", `/sessions/${id}/files`)).json).toEqual(["statscore.csv"]);
    expect((await c.execute(id, 'd <- read.csv("statscore.csv"); sum(d$score)')).consoleOutput).toBe("[1] 1.24\r\n");
    await c.upload(id, "statscore.csv", "id,score\n1,1\n");
    expect((await c.call("GET", `/sessions/${id}/files/statscore.csv`)).text).toBe("id,score\n1,1\n");
    const binary = Buffer.from([0, 1, 2, 255, 254, 13, 10, 0]);
    await c.upload(id, "blob with spaces.bin", binary);
    expect((await c.call("GET", `/sessions/${id}/files/${encodeURIComponent("blob with spaces.bin")}`)).bytes).toEqual(binary);
    expect((await c.call("DELETE", `/sessions/${id}/files/statscore.csv`)).status).toBe(200);
    expect((await c.call("GET", `/sessions/${id}/files/statscore.csv`)).status).toBe(404);
    expect((await c.call("DELETE", `/sessions/${id}/files/statscore.csv`)).status).toBe(404);
    expect((await c.call("GET", `/sessions/${id}/files`)).json).toEqual(["blob with spaces.bin"]);
  });

  it("keeps uploads inside the working directory", async () => {
    const id = await c.createSession({});
    expect((await c.upload(id, "../../escape.txt", "x")).status).toBe(201);
    expect((await c.call("GET", `/sessions/${id}/files`)).json).toEqual(["escape.txt"]);
    expect((await c.call("GET", `/sessions/${id}/files/${encodeURIComponent("../wd/escape.txt")}`)).status).toBe(404);
  });
});

describe("ML Server test server: workspace objects (§2.8)", () => {
  it("lists, downloads as .RData, uploads into another session and deletes objects", async () => {
    const a = await c.createSession({});
    await c.execute(a, "model <- lm(mpg ~ wt, data = mtcars); newdata <- data.frame(wt = 3)");
    expect((await c.call("GET", `/sessions/${a}/workspace`)).json).toEqual(["model", "newdata"]);
    const obj = await c.call("GET", `/sessions/${a}/workspace/model`);
    expect(obj.status).toBe(200);
    expect(gunzipSync(obj.bytes).subarray(0, 5).toString()).toMatch(/^RDX[23]\n/);

    const b = await c.createSession({});
    const put = await c.call("POST", `/sessions/${b}/workspace/fit`, { body: new Uint8Array(obj.bytes), headers: { "Content-Type": "application/octet-stream" } });
    expect(put.status).toBe(200);
    expect((await c.execute(b, "round(unname(predict(fit, data.frame(wt = 3))), 3)")).consoleOutput).toBe("[1] 21.252\r\n");

    expect((await c.call("DELETE", `/sessions/${a}/workspace/newdata`)).status).toBe(200);
    expect((await c.call("GET", `/sessions/${a}/workspace`)).json).toEqual(["model"]);
    expect((await c.call("DELETE", `/sessions/${a}/workspace/newdata`)).status).toBe(404);
    expect((await c.call("GET", `/sessions/${a}/workspace/nothing`)).status).toBe(404);
  });

  it("accepts an R serialize() stream and refuses bytes that are no R object", async () => {
    const a = await c.createSession({});
    await c.execute(a, 'saveRDS(c(a = 1, b = 2), "v.rds")');
    const rds = (await c.call("GET", `/sessions/${a}/files/v.rds`)).bytes;
    const put = await c.call("POST", `/sessions/${a}/workspace/v`, { body: new Uint8Array(rds), headers: { "Content-Type": "application/octet-stream" } });
    expect(put.status).toBe(200);
    expect((await c.execute(a, "sum(v)")).consoleOutput).toBe("[1] 3\r\n");
    const bad = await c.call("POST", `/sessions/${a}/workspace/w`, { body: "not an R object", headers: { "Content-Type": "application/octet-stream" } });
    expect(bad.status).toBe(400);
  });
});
