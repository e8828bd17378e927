// longFetch against a real loopback HTTP server: bodies, headers, statuses, abort.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { longFetch } from "./long-fetch";

let server: http.Server;
let base = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      if (req.url === "/slow") return void setTimeout(() => res.end("late"), 2000);
      if (req.url === "/empty") return void res.writeHead(204).end();
      res.writeHead(req.url === "/created" ? 201 : 200, { "Content-Type": "application/json", "Set-Cookie": ["a=1", "b=2"] });
      res.end(JSON.stringify({ method: req.method, type: req.headers["content-type"], auth: req.headers.authorization, length: req.headers["content-length"], body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("longFetch", () => {
  it("sends method, headers and a JSON body, and answers like fetch", async () => {
    const response = await longFetch(`${base}/created`, { method: "POST", headers: { Authorization: "Bearer t", "Content-Type": "application/json" }, body: '{"code":"1"}' });
    expect(response.status).toBe(201);
    expect(response.headers.get("set-cookie")).toBe("a=1, b=2");
    expect(await response.json()).toEqual({ method: "POST", type: "application/json", auth: "Bearer t", length: "12", body: '{"code":"1"}' });
  });

  it("encodes FormData as multipart and accepts bodiless answers", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a,b\n"]), "in.csv");
    const echo = (await (await longFetch(`${base}/`, { method: "POST", body: form })).json()) as { type: string; body: string };
    expect(echo.type).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.body).toContain('filename="in.csv"');
    expect((await longFetch(`${base}/empty`)).status).toBe(204);
  });

  it("stops when its signal aborts", async () => {
    await expect(longFetch(`${base}/slow`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });
});
