// Why: the test server's own tests drive it over HTTP with a tiny independent signer (spec §2),
// so a bug in the provider's signer cannot hide one in the server; shared by the *.test.ts here.
import { createHash, createHmac } from "node:crypto";
import { z } from "zod";
import type { BackendAiTestServer } from "./server";

export type Res = { status: number; body: unknown; headers: Headers; bytes: Buffer };
export type CallOptions = {
  keys?: [string, string];
  date?: Date;
  mutate?: (h: Record<string, string>) => void;
  /** A raw body; FormData is sent as multipart and signed as multipart/form-data (spec §2.4e). */
  raw?: { contentType?: string; data: BodyInit };
  /** Send POST with X-Method-Override: <method>, signed with <method> (spec §3.3). */
  override?: boolean;
};

const hmac = (key: string | Buffer, msg: string) => createHmac("sha256", key).update(msg, "utf8").digest();

export function client(srv: () => BackendAiTestServer) {
  async function call(method: string, path: string, body?: unknown, o: CallOptions = {}): Promise<Res> {
    const s = srv();
    const [ak, sk] = o.keys ?? [s.accessKey, s.secretKey];
    const date = (o.date ?? new Date()).toISOString();
    const host = new URL(s.endpoint).host;
    const version = "v8.20240915";
    const isForm = o.raw?.data instanceof FormData;
    const mime = isForm ? "multipart/form-data" : (o.raw?.contentType ?? "application/json").split(";")[0];
    const empty = createHash("sha256").update("").digest("hex");
    const text = [method, path, date, `host:${host}`, `content-type:${mime}`, `x-backendai-version:${version}`, empty].join("\n");
    const sig = hmac(hmac(hmac(sk, date.slice(0, 10).replaceAll("-", "")), host), text).toString("hex");
    const headers: Record<string, string> = {
      "X-BackendAI-Version": version, "X-BackendAI-Date": date, Authorization: `BackendAI signMethod=HMAC-SHA256, credential=${ak}:${sig}`,
    };
    if (!isForm) headers["Content-Type"] = o.raw?.contentType ?? "application/json";
    if (o.override) headers["X-Method-Override"] = method;
    o.mutate?.(headers);
    const payload = o.raw ? o.raw.data : body === undefined ? undefined : JSON.stringify(body);
    const res = await fetch(`${s.endpoint}${path}`, { method: o.override ? "POST" : method, headers, body: payload });
    const bytes = Buffer.from(await res.arrayBuffer());
    const isJson = (res.headers.get("content-type") ?? "").includes("json");
    return { status: res.status, body: isJson && bytes.length ? JSON.parse(bytes.toString("utf8")) : null, headers: res.headers, bytes };
  }

  async function admin(path: string, body: unknown): Promise<number> {
    const res = await fetch(`${srv().endpoint}/_test${path}`, { method: "POST", headers: { "X-Test-Admin-Token": srv().adminToken }, body: JSON.stringify(body) });
    return res.status;
  }

  const ZExec = z.object({
    result: z.object({ status: z.string(), runId: z.string(), exitCode: z.number().nullable(), console: z.array(z.tuple([z.string(), z.unknown()])) }),
  });
  const exec = (r: Res) => ZExec.parse(r.body).result;

  /** Runs code to completion the way a client does: query, then continue/input until a terminal status. */
  async function runToEnd(session: string, code: string, inputs: string[] = []) {
    let r = exec(await call("POST", `/session/${session}`, { mode: "query", code, runId: null }));
    const console: [string, unknown][] = [...r.console];
    const statuses = [r.status];
    while (r.status !== "finished" && r.status !== "exec-timeout") {
      const input = r.status === "waiting-input";
      r = exec(await call("POST", `/session/${session}`, { mode: input ? "input" : "continue", code: input ? inputs.shift() : "", run_id: r.runId }));
      console.push(...r.console);
      statuses.push(r.status);
    }
    return { exitCode: r.exitCode, console, statuses };
  }

  return { call, admin, exec, runToEnd };
}

export const field = (r: Res, key: string): unknown => z.record(z.string(), z.unknown()).parse(r.body)[key];
export const stdout = (c: [string, unknown][]) => c.filter((i) => i[0] === "stdout").map((i) => i[1]).join("");
export const stderr = (c: [string, unknown][]) => c.filter((i) => i[0] === "stderr").map((i) => i[1]).join("");
