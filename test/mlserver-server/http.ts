// Why: the HTTP plumbing of the test server without a framework: reading bodies, splitting
// multipart/form-data uploads (§2.7), the reply shapes handlers return, and writing them out.
import type { IncomingMessage, ServerResponse } from "node:http";
import { basename } from "node:path";
import type { BodyView } from "./swagger/validator";

export type Part = { name: string; filename?: string; contentType?: string; data: Buffer };

/** What a handler answers; `string` is for `schema: {type: string}` answers whose content is undocumented. */
export type Reply = { status: number; headers?: Record<string, string> } & (
  | { kind: "json"; body: unknown }
  | { kind: "string"; text: string }
  | { kind: "empty" }
  | { kind: "bytes"; bytes: Buffer; contentType: string }
);

export const json = (status: number, body: unknown): Reply => ({ status, kind: "json", body });
export const str = (status: number, text: string): Reply => ({ status, kind: "string", text });
export const empty = (status: number, headers?: Record<string, string>): Reply => ({ status, kind: "empty", headers });
export const bytes = (b: Buffer, contentType = "application/octet-stream"): Reply => ({ status: 200, kind: "bytes", bytes: b, contentType });

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function dispositionParam(header: string, key: string): string | undefined {
  const star = new RegExp(`;\\s*${key}\\*=(?:UTF-8'[^']*')?([^;]+)`, "i").exec(header);
  if (star) return decodeURIComponent(star[1].trim());
  const m = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${key}=([^;\\s]+)`, "i").exec(header);
  return m ? (m[1] ?? m[2]).replace(/\\(.)/g, "$1").replace(/%22/g, '"') : undefined;
}

/** The parts of a multipart/form-data body, or undefined when it is not well formed. */
export function parseMultipart(body: Buffer, contentType: string): Part[] | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) return undefined;
  const delim = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts: Part[] = [];
  let pos = body.indexOf(delim);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delim.length;
    if (body.subarray(pos, pos + 2).toString() === "--") return parts;
    if (body[pos] === 13 && body[pos + 1] === 10) pos += 2;
    const headEnd = body.indexOf("\r\n\r\n", pos);
    if (headEnd < 0) return undefined;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delim]), headEnd + 4);
    if (next < 0) return undefined;
    const headers = body.subarray(pos, headEnd).toString("utf8").split("\r\n");
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? "";
    const type = headers.find((h) => /^content-type:/i.test(h));
    const name = dispositionParam(disposition, "name");
    if (name === undefined) return undefined;
    parts.push({ name, filename: dispositionParam(disposition, "filename"), contentType: type?.split(":")[1]?.trim(), data: body.subarray(headEnd + 4, next) });
    pos = next + 2;
  }
}

/** A safe file name for the working directory: the last path segment, no dot-only names. */
export function safeFileName(name: string | undefined): string | undefined {
  const base = basename((name ?? "").replace(/\\/g, "/"));
  return base && base !== "." && base !== ".." ? base : undefined;
}

export type ParsedBody = { view: BodyView; json?: unknown; parts?: Part[] };

export function parseBody(raw: Buffer, contentType: string): ParsedBody {
  if (raw.length === 0) return { view: { kind: "none" } };
  if (/^multipart\/form-data/i.test(contentType)) {
    const parts = parseMultipart(raw, contentType);
    return parts ? { view: { kind: "form", parts: parts.map(({ name, filename }) => ({ name, filename })) }, parts } : { view: { kind: "text", text: "(malformed multipart)" } };
  }
  if (/^application\/json/i.test(contentType) || (contentType === "" && /^\s*[[{"]/.test(raw.toString("utf8", 0, 1)))) {
    try {
      const value = JSON.parse(raw.toString("utf8")) as unknown;
      return { view: { kind: "json", value }, json: value };
    } catch {
      return { view: { kind: "text", text: raw.toString("utf8") } };
    }
  }
  return { view: { kind: "bytes", length: raw.length } };
}

/** The bytes and headers a reply is written as; `string` replies follow the stringBody fault. */
export function encodeReply(reply: Reply, stringBody: "empty" | "json-string"): { view: BodyView; contentType?: string; payload?: Buffer } {
  switch (reply.kind) {
    case "json": {
      if (reply.body === undefined) return { view: { kind: "none" } };
      const payload = Buffer.from(JSON.stringify(reply.body));
      return { view: { kind: "json", value: reply.body }, contentType: "application/json; charset=utf-8", payload };
    }
    case "string":
      if (stringBody === "empty") return { view: { kind: "none" } };
      return { view: { kind: "json", value: reply.text }, contentType: "application/json; charset=utf-8", payload: Buffer.from(JSON.stringify(reply.text)) };
    case "empty":
      return { view: { kind: "none" } };
    case "bytes":
      return { view: { kind: "bytes", length: reply.bytes.length }, contentType: reply.contentType, payload: reply.bytes };
  }
}

export function writeReply(res: ServerResponse, status: number, headers: Record<string, string>, encoded: { contentType?: string; payload?: Buffer }): void {
  const all: Record<string, string> = { Server: "Kestrel", ...headers };
  if (encoded.contentType) all["Content-Type"] = encoded.contentType;
  all["Content-Length"] = String(encoded.payload?.length ?? 0);
  res.writeHead(status, all).end(encoded.payload);
}
