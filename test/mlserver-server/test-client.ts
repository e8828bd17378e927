// Why: the tests' own small ML Server client (fetch + zod), so each test reads as the exchanges
// a real client makes: log in, call with the bearer token, parse the documented answers.
import { z } from "zod";
import type { MlServerTestServer } from "./server";

export type Res = { status: number; headers: Headers; text: string; bytes: Buffer; json: unknown };

export const ZTokens = z.object({ token_type: z.literal("Bearer"), access_token: z.string(), refresh_token: z.string(), expires_in: z.number(), expires_on: z.union([z.number(), z.string()]) });
export const ZExecute = z.object({
  success: z.boolean(),
  errorMessage: z.string(),
  outputParameters: z.array(z.object({ name: z.string(), value: z.unknown() })),
  consoleOutput: z.string(),
  changedFiles: z.array(z.string()),
});
export type Execute = z.infer<typeof ZExecute>;

type CallOpts = { json?: unknown; body?: BodyInit; headers?: Record<string, string>; token?: string | null };

export class TestClient {
  access = "";
  refresh = "";

  constructor(private readonly srv: Pick<MlServerTestServer, "url" | "username" | "password">, private readonly user = { username: srv.username, password: srv.password }) {}

  async call(method: string, path: string, o: CallOpts = {}): Promise<Res> {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? this.access : o.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    let body = o.body;
    if (o.json !== undefined) {
      headers["Content-Type"] = "application/json; charset=utf-8";
      body = JSON.stringify(o.json);
    }
    const res = await fetch(`${this.srv.url}${path}`, { method, headers, body });
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString("utf8");
    let json: unknown;
    try {
      json = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, bytes, json };
  }

  async login(): Promise<z.infer<typeof ZTokens>> {
    const res = await this.call("POST", "/login", { json: this.user, token: null });
    const tokens = ZTokens.parse(res.json);
    this.access = tokens.access_token;
    this.refresh = tokens.refresh_token;
    return tokens;
  }

  async createSession(body: Record<string, unknown> = {}): Promise<string> {
    const res = await this.call("POST", "/sessions", { json: body });
    if (res.status !== 201) throw new Error(`create session: ${res.status} ${res.text}`);
    return z.object({ sessionId: z.string() }).parse(res.json).sessionId;
  }

  async execute(id: string, code: string, extra: Record<string, unknown> = {}): Promise<Execute> {
    const res = await this.call("POST", `/sessions/${id}/execute`, { json: { code, ...extra } });
    if (res.status !== 200) throw new Error(`execute: ${res.status} ${res.text}`);
    return ZExecute.parse(res.json);
  }

  async upload(id: string, name: string, content: string | Buffer, field = "file"): Promise<Res> {
    const form = new FormData();
    form.append(field, new Blob([typeof content === "string" ? content : new Uint8Array(content)]), name);
    return this.call("POST", `/sessions/${id}/files`, { body: form });
  }
}

export const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
